/**
 * A project file's dataset table (an Arrow stream, already checked by project-tables.ts) staged in
 * DuckDB in the shape the atlas builds itself: text codes and split values, numbers as DOUBLE with
 * NaN and infinities as NULL (an older or altered project may hold them), and one row per area (and
 * split value). Anything else is refused with a message naming the file and the dataset.
 */
import type { Db } from '../db/db';
import { numberColumn } from '../db/arrow-columns';
import { sqlIdent, sqlPresent } from '../sql/sql-text';
import { ImportError } from './import-issue';
import { tableFields, type DatasetSpec } from './user-dataset';
import { dropTableSql, stagedName } from './user-table-sql';

/** Stages `table`: the dataset's own (one row per area) or its per-practice table (one row per practice). */
export async function stageProjectTable(db: Db, file: string, d: DatasetSpec, ipc: Uint8Array, table = d.table): Promise<string> {
  const perPractice = table !== d.table;
  const bad = (what: string) => new ImportError('bad-project', `${file}: the ${perPractice ? 'per-practice table' : 'table'} of "${d.file}" in this project file ${what}. Nothing was changed; save the project again from the atlas.`);
  const staged = stagedName(table);
  const raw = `${staged}_raw`;
  try {
    try {
      await db.insertArrow(raw, ipc);
    } catch (e) {
      throw bad(`could not be loaded (${e instanceof Error ? e.message.slice(0, 160) : String(e)})`);
    }
    const hasRows = (await db.query(`SELECT * FROM ${sqlIdent(raw)} LIMIT 0`)).schema.fields.some((f) => f.name === 'rows');
    const columns = [
      'code::VARCHAR AS code',
      ...(d.split ? ['split::VARCHAR AS split'] : []),
      ...tableFields(d).map(({ field }) => `${sqlPresent(sqlIdent(field))} AS ${sqlIdent(field)}`),
      `${hasRows ? '"rows"' : 'NULL'}::INTEGER AS "rows"`,
    ];
    await db.query(`CREATE TABLE ${sqlIdent(staged)} AS SELECT ${columns.join(', ')} FROM ${sqlIdent(raw)}`);
    const keys = d.split ? 'code, split' : 'code';
    const check = await db.query(`SELECT count(*) FILTER (WHERE code IS NULL)::INTEGER AS blank, (count(*) - count(DISTINCT (${keys})))::INTEGER AS repeated FROM ${sqlIdent(staged)}`);
    if (numberColumn(check, 'blank')[0] > 0) throw bad(`has rows without ${perPractice ? 'a practice' : 'an area'} code`);
    if (numberColumn(check, 'repeated')[0] > 0) throw bad(`has more than one row for the same ${perPractice ? 'practice' : 'area'}${d.split ? ` and "${d.split.column}"` : ''}`);
    return staged;
  } catch (e) {
    await db.query(dropTableSql(staged)).catch(() => undefined);
    throw e;
  } finally {
    await db.query(dropTableSql(raw)).catch(() => undefined);
  }
}
