/**
 * Baseline and follow-up windows as period positions. Periods between the two windows (while the
 * programme was starting) are left out of the estimate but kept in the per-period chart; the
 * reference period of the chart is the last baseline period.
 */

export interface WindowSpec {
  /** First and last period of the baseline (before the programme), inclusive. */
  baseline: readonly [string, string];
  /** First and last period of the follow-up (after it started), inclusive. */
  followup: readonly [string, string];
}

export interface ResolvedWindows {
  pre: number[];
  post: number[];
  /** Periods after the baseline and before the follow-up. */
  between: number[];
  /** Every period from the first baseline to the last follow-up period. */
  span: number[];
  /** The last baseline period: per-period effects are relative to it. */
  reference: number;
}

export type PeriodPhase = 'baseline' | 'between' | 'follow-up';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export function resolveWindows(periods: readonly string[], w: WindowSpec): ResolvedWindows {
  const at = (label: string, what: string) => {
    const i = periods.indexOf(label);
    if (i < 0) throw new Error(`the ${what} period "${label}" is not in the data (periods: ${periods.slice(0, 12).join(', ')}${periods.length > 12 ? ', …' : ''})`);
    return i;
  };
  const [b0, b1] = [at(w.baseline[0], 'first baseline'), at(w.baseline[1], 'last baseline')];
  const [f0, f1] = [at(w.followup[0], 'first follow-up'), at(w.followup[1], 'last follow-up')];
  if (b1 < b0) throw new Error(`the baseline ends (${w.baseline[1]}) before it starts (${w.baseline[0]})`);
  if (f1 < f0) throw new Error(`the follow-up ends (${w.followup[1]}) before it starts (${w.followup[0]})`);
  if (f0 <= b1) throw new Error(`the follow-up must start after the baseline ends (baseline ends ${w.baseline[1]}, follow-up starts ${w.followup[0]})`);
  return { pre: range(b0, b1), post: range(f0, f1), between: range(b1 + 1, f0 - 1), span: range(b0, f1), reference: b1 };
}

export function phaseOf(w: ResolvedWindows, p: number): PeriodPhase {
  return w.pre.includes(p) ? 'baseline' : w.post.includes(p) ? 'follow-up' : 'between';
}
