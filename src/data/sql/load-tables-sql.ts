/** SQL that turns the pipeline's CSV files into DuckDB tables. */
import { sqlIdent, sqlString } from './sql-text';

/** `file` is the name the CSV bytes were registered under. Types are inferred from every row. */
export function createTableFromCsv(table: string, file: string): string {
  return `CREATE OR REPLACE TABLE ${sqlIdent(table)} AS SELECT * FROM read_csv(${sqlString(file)}, header = true, sample_size = -1)`;
}
