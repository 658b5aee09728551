/**
 * A read file in NHS England's "Patients registered at a GP practice" LSOA layout (PRACTICE_CODE,
 * LSOA_CODE, NUMBER_OF_PATIENTS, optionally SEX): just the columns the registered-patient table needs,
 * as plain arrays so they cross postMessage. Recognised by its column names, not by its codes, so it is
 * never taken for a generic practice-coded measure.
 */
import { cellText, type ImportedTable } from './imported-table';
import { isRegisteredPatientsLayout } from '../sql/registered-patients-sql';

export interface RegisteredFile {
  file: string;
  practice: string[];
  lsoa: string[];
  /** Null when the file has no SEX column. */
  sex: string[] | null;
  /** NaN where the cell is blank or not a number (it becomes NULL and is counted in the report). */
  patients: Float64Array;
}

/** The registered-patient columns of `table`, or null when it is not that layout. */
export function readRegisteredFile(table: ImportedTable): RegisteredFile | null {
  if (!isRegisteredPatientsLayout(table.columns.map((c) => c.name))) return null;
  const col = (name: string) => table.columns.find((c) => c.name.trim().toUpperCase() === name);
  const text = (name: string) => {
    const c = col(name);
    return c ? Array.from({ length: table.rowCount }, (_, i) => cellText(c, i)) : null;
  };
  return {
    file: table.file,
    practice: text('PRACTICE_CODE')!,
    lsoa: text('LSOA_CODE')!,
    sex: text('SEX'),
    patients: Float64Array.from(col('NUMBER_OF_PATIENTS')!.numbers),
  };
}
