/**
 * "Find practices": conditions over practice or PCN measures, judged with the area rules' own tests
 * (combine/rule-conditions.ts), one unit (practice or PCN) per slot. A unit outside the scope (the
 * focus region) or without a value is unknown (255), never met. "Top / bottom N %" ranks the units in
 * scope that have a value (ties share the better rank). "Significantly above / below England" holds
 * only where the unit's 95 % interval lies wholly on that side: a unit without an interval is unknown,
 * never judged on its value alone.
 */
import { englandCondition, thresholdCondition, UNKNOWN, worstShareCondition } from '../combine/rule-conditions';

export type FindTest =
  | { kind: 'at-least' | 'at-most'; value: number }
  | { kind: 'top-percent' | 'bottom-percent'; percent: number }
  | { kind: 'significantly-above' | 'significantly-below' }
  /** No test: every unit with a value (a measure used only in the score). */
  | { kind: 'any' };

export interface FindColumn {
  value: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** The comparator of the significance tests (NaN: none). */
  england: number;
}

/** Rank among units in `scope` with a value: 1 = the highest (`highFirst`) or lowest; NaN otherwise. */
function ranks(values: Float64Array, scope: Uint8Array | null, highFirst: boolean): { rank: Float64Array; ranked: number } {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if ((!scope || scope[i]) && Number.isFinite(values[i])) idx.push(i);
  idx.sort((a, b) => (highFirst ? values[b] - values[a] : values[a] - values[b]));
  const rank = new Float64Array(values.length).fill(NaN);
  idx.forEach((i, k) => {
    rank[i] = k > 0 && values[idx[k - 1]] === values[i] ? rank[idx[k - 1]] : k + 1;
  });
  return { rank, ranked: idx.length };
}

/** Per unit: 1 met, 0 not met, 255 unknown (outside the scope, no value, or no interval for a significance test). */
export function findCondition(col: FindColumn, test: FindTest, scope: Uint8Array | null): Uint8Array {
  let met: Uint8Array;
  switch (test.kind) {
    case 'any':
      met = Uint8Array.from(col.value, (v) => (Number.isFinite(v) ? 1 : UNKNOWN));
      break;
    case 'at-least':
    case 'at-most':
      met = thresholdCondition(col.value, test.kind, test.value);
      break;
    case 'top-percent':
    case 'bottom-percent': {
      const r = ranks(col.value, scope, test.kind === 'top-percent');
      met = worstShareCondition(r.rank, r.ranked, test.percent / 100);
      break;
    }
    case 'significantly-above':
    case 'significantly-below': {
      const r = englandCondition(col.value, col.lower, col.upper, { england: col.england, sign: test.kind === 'significantly-above' ? 1 : -1, significant: true });
      met = r.met;
      for (let i = 0; i < met.length; i++) if (r.withoutInterval[i]) met[i] = UNKNOWN;
    }
  }
  if (scope) for (let i = 0; i < met.length; i++) if (!scope[i]) met[i] = UNKNOWN;
  return met;
}

/** Units that meet every condition (none when there are no conditions). */
export function meetingAll(conditions: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  if (!conditions.length) return out;
  for (let i = 0; i < n; i++) out[i] = conditions.every((c) => c[i] === 1) ? 1 : 0;
  return out;
}
