/**
 * What the user chose about GP practices on the map (issue 12): whether the practice layer shows
 * outside the Practices tab, the register that colours it (the funnel plot uses the same one), and the
 * practice or PCN whose profile is open. Kept in the share link; codes are checked for shape only, so
 * nothing but an ODS-like code reaches a query. A PCN is a group of practices, not an area.
 */
import type { FindTest } from '../analysis/practice-find/find-practices';

/** "Find practices" (Practices tab): conditions over practice or PCN measures, all to be met. */
export interface PracticeFind {
  level: 'practice' | 'pcn';
  conditions: FindCondition[];
}

export interface FindCondition {
  measure: string;
  test: FindTest;
  /** Weight in the score the results are ranked by (0: not in the score; at most 10). */
  weight: number;
  /** Which end of the measure ranks first in the score. */
  first: 'higher' | 'lower';
}

export const MAX_FIND_CONDITIONS = 5;

export interface PracticeView {
  /** Draw practices on the map whatever the tab (the Practices tab always draws them). */
  show: boolean;
  /** Practice measure id (a QOF register's prevalence); an unknown id falls back where it is used. */
  measure: string;
  /** ODS code of the selected practice. */
  selected: string | null;
  /** ODS code of the selected PCN (its practices are highlighted). */
  pcn: string | null;
  /** The "Find practices" conditions (null: none built). */
  find: PracticeFind | null;
}

export const DEFAULT_PRACTICE_VIEW: PracticeView = { show: false, measure: 'qof.can.prevalence', selected: null, pcn: null, find: null };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const odsCode = (x: unknown): string | null => (typeof x === 'string' && /^[A-Z0-9]{3,8}$/.test(x) ? x : null);

/** undefined: not a practice view at all (the caller warns and keeps the default). */
export function normalisePracticeView(x: unknown): PracticeView | undefined {
  if (!isObj(x)) return undefined;
  return {
    show: x.show === true,
    measure: typeof x.measure === 'string' && /^qof\.[a-z_]{1,12}(\.prevalence)?$/.test(x.measure) ? x.measure : DEFAULT_PRACTICE_VIEW.measure,
    selected: odsCode(x.selected),
    pcn: odsCode(x.pcn),
    find: normalisePracticeFind(x.find),
  };
}

/** Practice measures by id: QOF registers and list size, neighbourhood deprivation, a user's practice-file share. */
const FIND_MEASURE = /^(qof\.[a-z_]{1,12}(\.prevalence)?|practice\.neighbourhood\.imd2025\.(score|core20)|user\.d[a-z0-9]{6}\.[a-z0-9_]{1,20})$/;
const finite = (x: unknown, lo: number, hi: number): x is number => typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi;

function findTest(x: unknown): FindTest | null {
  if (!isObj(x)) return null;
  switch (x.kind) {
    case 'at-least':
    case 'at-most':
      return finite(x.value, -1e9, 1e9) ? { kind: x.kind, value: x.value } : null;
    case 'top-percent':
    case 'bottom-percent':
      return finite(x.percent, 0.1, 100) ? { kind: x.kind, percent: x.percent } : null;
    case 'significantly-above':
    case 'significantly-below':
    case 'any':
      return { kind: x.kind };
    default:
      return null;
  }
}

/** A link's "Find practices" conditions; malformed ones are left out one by one. */
function normalisePracticeFind(x: unknown): PracticeFind | null {
  if (!isObj(x) || (x.level !== 'practice' && x.level !== 'pcn') || !Array.isArray(x.conditions)) return null;
  const conditions = x.conditions.slice(0, MAX_FIND_CONDITIONS).flatMap((c: unknown) => {
    if (!isObj(c) || typeof c.measure !== 'string' || !FIND_MEASURE.test(c.measure)) return [];
    const test = findTest(c.test);
    // conditions of links made before the score have no weight: not in the score
    return test ? [{ measure: c.measure, test, weight: finite(c.weight, 0, 10) ? c.weight : 0, first: c.first === 'lower' ? 'lower' as const : 'higher' as const }] : [];
  });
  return { level: x.level, conditions };
}
