/**
 * The numbers behind "Find practices": for every practice (or PCN) of QOF 2022-23, each condition's
 * measure with its 95 % interval and England value (a user's practice file: its own England, its
 * practices summed), and which units lie in the focus region. Read through the same SQL as the
 * Practices tab's funnel and tables, so a unit's value is the one shown everywhere else.
 */
import type { FindColumn } from '../analysis/practice-find/find-practices';
import type { PracticeLevelId } from './catalogue/practice-measures';
import { stringColumn } from './db/arrow-columns';
import type { UserPracticeMeasure } from './import/user-practice-measures';
import { loadPracticeEngland, loadPracticeValues, loadUserPracticeEngland, loadUserPracticeValues, type PracticeValue } from './practice-data';
import type { QueryRunner } from './query-runner';
import { practiceScopeSql } from './sql/practice-scope-sql';
import type { FocusLevel } from '../geo/levels';

export interface FindUnits {
  codes: string[];
  names: string[];
  pcns: (string | null)[];
  columns: FindColumn[];
  /** 1 = in the focus region; null: no focus (all of England). */
  scope: Uint8Array | null;
}

const LIST_SIZE = 'qof.list_size';

export async function loadFindUnits(
  q: Pick<QueryRunner, 'run'>, level: PracticeLevelId, measures: readonly string[], user: readonly UserPracticeMeasure[],
  focus: { level: FocusLevel; code: string } | null,
): Promise<FindUnits> {
  const values = (id: string): Promise<PracticeValue[]> => {
    const u = user.find((m) => m.id === id);
    return u ? loadUserPracticeValues(q, u.rate, level) : loadPracticeValues(q, id, level);
  };
  const england = async (id: string): Promise<number> => {
    const u = user.find((m) => m.id === id);
    const e = u ? await loadUserPracticeEngland(q, u.rate) : await loadPracticeEngland(q, id);
    return e.value ?? NaN;
  };
  // every practice (PCN) of QOF 2022-23 is a unit, with or without a value of the chosen measures
  const frame = await loadPracticeValues(q, LIST_SIZE, level);
  const at = new Map(frame.map((r, i) => [r.code, i]));
  const columns = await Promise.all(measures.map(async (id): Promise<FindColumn> => {
    const [rows, e] = await Promise.all([values(id), england(id)]);
    const col = { value: new Float64Array(frame.length).fill(NaN), lower: new Float64Array(frame.length).fill(NaN), upper: new Float64Array(frame.length).fill(NaN), england: e };
    for (const r of rows) {
      const i = at.get(r.code);
      if (i === undefined) continue;
      col.value[i] = r.value ?? NaN;
      col.lower[i] = r.lower ?? NaN;
      col.upper[i] = r.upper ?? NaN;
    }
    return col;
  }));
  let scope: Uint8Array | null = null;
  if (focus) {
    scope = new Uint8Array(frame.length);
    for (const code of stringColumn(await q.run(practiceScopeSql(level, focus)), 'code')) {
      const i = at.get(String(code));
      if (i !== undefined) scope[i] = 1;
    }
  }
  return { codes: frame.map((r) => r.code), names: frame.map((r) => r.name), pcns: frame.map((r) => r.pcn), columns, scope };
}
