/**
 * Checks a project file's dataset tables before anything is loaded: each must be a readable Arrow
 * IPC stream with the columns its spec names, of types the atlas can use — text codes (and split
 * values), numeric values (16-bit floats, decimals, unions, text and the like are refused: DuckDB
 * would refuse some with a raw error and read others as something they are not) — and within the
 * row limit. The message names the file, the dataset and the column.
 */
import { DataType, Precision, RecordBatchReader, Type, type Field, type Schema } from 'apache-arrow';
import { INPUT_LIMITS } from '../../lib/input-limits';
import { ImportError, tooLarge } from './import-issue';
import { tableFields, type DatasetSpec } from './user-dataset';

const isText = (t: DataType) => DataType.isUtf8(t) || DataType.isLargeUtf8(t);
const isNumber = (t: DataType) => DataType.isInt(t) || (DataType.isFloat(t) && t.precision !== Precision.HALF);

const TYPE_WORDS: Partial<Record<Type, string>> = {
  [Type.Utf8]: 'text', [Type.LargeUtf8]: 'text', [Type.Union]: 'a mix of types (a union)', [Type.Decimal]: 'decimals',
  [Type.Bool]: 'true/false values', [Type.Date]: 'dates', [Type.Timestamp]: 'timestamps', [Type.Binary]: 'binary data',
  [Type.Int]: 'whole numbers', [Type.Float]: 'numbers', [Type.List]: 'lists', [Type.Struct]: 'records (a struct)', [Type.Dictionary]: 'dictionary-coded values', [Type.Null]: 'nothing (all null)',
};

function typeName(t: DataType): string {
  if (DataType.isFloat(t) && t.precision === Precision.HALF) return '16-bit floating point numbers';
  return TYPE_WORDS[t.typeId] ?? `Arrow type ${Type[t.typeId] ?? t.typeId}`;
}

/** Reads and checks one dataset's table (or its per-practice table: the same columns, keyed by practice code); returns its row count. */
export function checkProjectTable(file: string, d: DatasetSpec, ipc: Uint8Array, table: 'table' | 'per-practice table' = 'table'): number {
  const bad = (what: string) => new ImportError('bad-project', `${file}: the ${table} of "${d.file}" in this project file ${what}. Nothing was changed; save the project again from the atlas.`);
  const unreadable = (e: unknown) => bad(`cannot be read (${e instanceof Error ? e.message.slice(0, 120) : 'it is not an Arrow stream'})`);
  // the schema first, without decoding any values: a type the atlas cannot use is named as such
  let reader: RecordBatchReader;
  let schema: Schema | undefined;
  try {
    reader = RecordBatchReader.from(ipc);
    // bytes in memory make a synchronous reader: open() reads just the schema message
    if (!reader.isSync()) throw new Error('not an Arrow stream');
    reader.open();
    schema = reader.schema as Schema | undefined;
  } catch (e) {
    throw unreadable(e);
  }
  if (!schema) throw unreadable(null);
  const fields = new Map<string, Field>(schema.fields.map((f) => [f.name, f]));
  const want: [string, 'text' | 'number', string][] = [
    ['code', 'text', table === 'table' ? 'area codes' : 'practice codes'],
    ...(d.split ? [['split', 'text', `values of "${d.split.column}"`] as [string, 'text', string]] : []),
    ...tableFields(d).map((f): [string, 'number', string] => [f.field, 'number', f.what]),
  ];
  for (const [name, kind, what] of want) {
    const f = fields.get(name);
    if (!f) throw bad(`lacks the column "${name}" (the ${what})`);
    const type = f.type as DataType;
    if (kind === 'text' ? !isText(type) : !isNumber(type)) {
      throw bad(`holds the ${what} (column "${name}") as ${typeName(type)}, where ${kind === 'text' ? 'text is' : 'numbers (integers or 32/64-bit floating point) are'} expected`);
    }
  }
  let rows = 0;
  try {
    for (const batch of reader) rows += batch.numRows;
  } catch (e) {
    throw unreadable(e);
  }
  if (rows > INPUT_LIMITS.rows) {
    throw tooLarge(file, 'rows', `the ${table} of "${d.file}" has ${rows.toLocaleString('en-GB')} rows`, 'Nothing was changed; check that this is a project file saved by the atlas.');
  }
  return rows;
}
