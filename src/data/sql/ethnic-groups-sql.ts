/**
 * The table behind the "your group of ethnic groups" measures: one row per LSOA (and England) per
 * group, with the members' residents added up, TS021's total and the share. Re-created whenever the
 * groups change; group ids are derived from the members, so a query for a group always means the
 * same members and cached results stay right.
 */
import { CHOSEN_TABLE } from '../catalogue/ethnicity-indicators';
import type { EthnicGroupSpec } from '../../state/ethnic-groups-spec';
import { sqlIdent, sqlString } from './sql-text';

export function ethnicGroupsTableSql(groups: readonly EthnicGroupSpec[]): string {
  const table = sqlIdent(CHOSEN_TABLE);
  if (!groups.length) return `CREATE OR REPLACE TABLE ${table} (code VARCHAR, grp VARCHAR, count DOUBLE, total DOUBLE, share DOUBLE)`;
  const parts = groups.map((g) => {
    const count = `(${g.members.map((m) => `coalesce(${sqlIdent(m)}, 0)`).join(' + ')})::DOUBLE`;
    return `SELECT code, ${sqlString(g.id)} AS grp, ${count} AS count, total::DOUBLE AS total, 100.0 * ${count} / nullif(total, 0) AS share FROM ethnicity`;
  });
  return `CREATE OR REPLACE TABLE ${table} AS ${parts.join(' UNION ALL ')}`;
}
