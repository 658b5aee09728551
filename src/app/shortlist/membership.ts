/** The small-area table that links two levels (see level-translation.ts), read from DuckDB. */
import { numberColumn, stringColumn } from '../../data/db/arrow-columns';
import type { QueryRunner } from '../../data/query-runner';
import { sqlString } from '../../data/sql/sql-text';
import { MEMBERSHIP_LEVELS, type Membership } from './level-translation';

export async function loadMembership(q: QueryRunner, base: Membership['base']): Promise<Membership> {
  const levels = MEMBERSHIP_LEVELS[base];
  const t = await q.run(`SELECT code, ${levels.map((l) => `${l}_code`).join(', ')}, population FROM areas WHERE level = ${sqlString(base)} ORDER BY code`);
  const parents: Membership['parents'] = {};
  for (const l of levels) parents[l] = stringColumn(t, `${l}_code`);
  return { base, codes: stringColumn(t, 'code') as string[], parents, population: numberColumn(t, 'population') };
}
