/**
 * A practice's or PCN's profile as the app and tests read it: for the list size and each QOF register,
 * the unit's value beside its Sub-ICB, ICB and England (practice-profile-sql.ts), typed and in
 * catalogue order. Null where the source has nothing (a unit with no registers is not found).
 */
import { PRACTICE_MEASURES, type PracticeLevelId, type PracticeMeasure } from './catalogue/practice-measures';
import { rowsOf } from './db/arrow-columns';
import type { QueryRunner } from './query-runner';
import { practiceProfileSql } from './sql/practice-profile-sql';

export interface ProfileCell {
  numerator: number;
  denominator: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
}
export type ProfileScope = 'unit' | 'sicbl' | 'icb' | 'england';
export interface PracticeProfile {
  level: PracticeLevelId;
  code: string;
  sicbl24: string | null;
  icb24: string | null;
  rows: { measure: PracticeMeasure; cells: Record<ProfileScope, ProfileCell | null> }[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null);

export async function loadPracticeProfile(q: Pick<QueryRunner, 'run'>, level: PracticeLevelId, code: string): Promise<PracticeProfile | null> {
  const raw = rowsOf(await q.run(practiceProfileSql(level, code)));
  if (!raw.some((r) => r.scope === 'unit')) return null;
  const cell = (scope: ProfileScope, group: string): ProfileCell | null => {
    const r = raw.find((x) => x.scope === scope && x.group_code === group);
    return r ? { numerator: num(r.numerator) ?? 0, denominator: num(r.denominator) ?? 0, value: num(r.value), lower: num(r.lower), upper: num(r.upper) } : null;
  };
  const area = (scope: ProfileScope) => {
    const r = raw.find((x) => x.scope === scope);
    return r && r.area_code !== null ? String(r.area_code) : null;
  };
  const scopes: ProfileScope[] = ['unit', 'sicbl', 'icb', 'england'];
  // Neighbourhood deprivation is not a register sum (practice-neighbourhood-sql.ts); it is not in this profile yet.
  const rows = PRACTICE_MEASURES.filter((m) => m.kind !== 'neighbourhood').map((measure) => {
    const cells = Object.fromEntries(scopes.map((s) => {
      const c = cell(s, measure.group ?? 'CAN');
      // The list size is a count: the cancer register's whole list, with no interval.
      return [s, c && !measure.group ? { numerator: c.denominator, denominator: c.denominator, value: c.denominator, lower: null, upper: null } : c];
    })) as Record<ProfileScope, ProfileCell | null>;
    return { measure, cells };
  });
  return { level, code, sicbl24: area('sicbl'), icb24: area('icb'), rows };
}
