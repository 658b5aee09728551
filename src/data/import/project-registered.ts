/**
 * The registered-patient file in a project file (`registered/patients.arrow`): its rows as they were
 * read (PRACTICE_CODE, LSOA_CODE, NUMBER_OF_PATIENTS, SEX when the file had it), so reopening loads
 * them through the same path as the file itself (registered-patients.ts) and the join report comes
 * back exactly as it was. Read back as untrusted input: an Arrow stream with those columns, text
 * codes and numeric counts, within the row limit; anything else is refused with a message.
 */
import { DataType, Precision, tableFromIPC, type Table } from 'apache-arrow';
import { INPUT_LIMITS } from '../../lib/input-limits';
import { columnsToIpc } from './arrow-ipc';
import { ImportError, tooLarge } from './import-issue';
import type { RegisteredFile } from './registered-file';

export const REGISTERED_ENTRY = 'registered/patients.arrow';

export function registeredToIpc(f: RegisteredFile): Uint8Array {
  return columnsToIpc({ PRACTICE_CODE: f.practice, LSOA_CODE: f.lsoa, NUMBER_OF_PATIENTS: f.patients, ...(f.sex ? { SEX: f.sex } : {}) });
}

const isText = (t: DataType) => DataType.isUtf8(t) || DataType.isLargeUtf8(t);
const isNumber = (t: DataType) => DataType.isInt(t) || (DataType.isFloat(t) && t.precision !== Precision.HALF);

/** The registered-patient file saved in project `file` (named `name` there), checked. */
export function registeredFromIpc(file: string, name: string, ipc: Uint8Array): RegisteredFile {
  const bad = (what: string) => new ImportError('bad-project', `${file}: the registered patients (${name}) in this project file ${what}. Nothing was changed; save the project again from the atlas.`);
  let t: Table;
  try {
    t = tableFromIPC(ipc);
  } catch (e) {
    throw bad(`cannot be read (${e instanceof Error ? e.message.slice(0, 120) : 'it is not an Arrow stream'})`);
  }
  if (t.numRows > INPUT_LIMITS.rows) throw tooLarge(file, 'rows', `its registered patients have ${t.numRows.toLocaleString('en-GB')} rows`, 'Nothing was changed; check that this is a project file saved by the atlas.');
  const want = (col: string, kind: 'text' | 'number', optional = false) => {
    const f = t.schema.fields.find((x) => x.name === col);
    if (!f) {
      if (optional) return null;
      throw bad(`lack the column "${col}"`);
    }
    if (kind === 'text' ? !isText(f.type as DataType) : !isNumber(f.type as DataType)) throw bad(`hold "${col}" as something other than ${kind === 'text' ? 'text' : 'numbers'}`);
    return t.getChild(col)!;
  };
  const texts = (col: string, optional = false) => {
    const v = want(col, 'text', optional);
    // codes and sex values are short: anything longer is cut, like any untrusted text
    return v ? Array.from({ length: t.numRows }, (_, i) => String(v.get(i) ?? '').slice(0, 40)) : null;
  };
  const practice = texts('PRACTICE_CODE')!;
  const lsoa = texts('LSOA_CODE')!;
  const sex = texts('SEX', true);
  const n = want('NUMBER_OF_PATIENTS', 'number')!;
  const patients = Float64Array.from({ length: t.numRows }, (_, i) => {
    const x = n.get(i) as number | bigint | null;
    return x === null ? NaN : Number(x);
  });
  return { file: name, practice, lsoa, sex, patients };
}
