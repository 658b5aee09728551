/**
 * The 2×2 difference-in-differences on window means: each area's mean over the baseline and over
 * the follow-up, its change, and the difference between the weighted mean change of intervention
 * areas and of comparison areas. It is the coefficient of the regression of the change on the group
 * (and of the two-period regression with area and period effects); its standard error is that
 * regression's heteroskedasticity-robust HC1 error (one row per area, so also clustered by area):
 * `lm(change ~ treated, weights = w)` with `sandwich::vcovHC(type = "HC1")`.
 */
import { studentTQuantile, twoSidedP } from './distributions';
import type { Panel } from './panel';
import { windowMean } from './panel';
import type { ResolvedWindows } from './windows';

export interface GroupChange {
  areas: number;
  /** Weighted means over the group's areas of their baseline and follow-up means. */
  baseline: number;
  followup: number;
  change: number;
}

export interface Estimate {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  /** Degrees of freedom of the t distribution behind the interval and p. */
  df: number;
  p: number;
}

export interface WindowDid extends Estimate {
  treated: GroupChange;
  comparison: GroupChange;
}

/** Per-area baseline and follow-up means (NaN where an area has no value in a window). */
export function windowMeans(panel: Panel, w: ResolvedWindows): { baseline: Float64Array; followup: Float64Array } {
  const n = panel.areas.length;
  const baseline = new Float64Array(n);
  const followup = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    baseline[a] = windowMean(panel, a, w.pre);
    followup[a] = windowMean(panel, a, w.post);
  }
  return { baseline, followup };
}

export function interval(estimate: number, se: number, df: number, level = 0.95): Estimate {
  const t = Number.isFinite(se) && se > 0 && df > 0 ? studentTQuantile(1 - (1 - level) / 2, df) : NaN;
  return { estimate, se, lower: estimate - t * se, upper: estimate + t * se, df, p: se > 0 && df > 0 ? twoSidedP(estimate / se, df) : NaN };
}

/**
 * `group`: 1 intervention, 2 comparison, anything else not used; `weight`: analysis weight per area.
 * Only areas with a value in both windows count.
 */
export function windowDid(means: { baseline: Float64Array; followup: Float64Array }, group: Int8Array, weight: Float64Array): WindowDid {
  const rows: number[] = [];
  for (let a = 0; a < group.length; a++) {
    if ((group[a] === 1 || group[a] === 2) && weight[a] > 0 && Number.isFinite(means.baseline[a]) && Number.isFinite(means.followup[a])) rows.push(a);
  }
  const summary = (g: number): GroupChange & { sw: number } => {
    let sw = 0;
    let b = 0;
    let f = 0;
    let n = 0;
    for (const a of rows) {
      if (group[a] !== g) continue;
      sw += weight[a];
      b += weight[a] * means.baseline[a];
      f += weight[a] * means.followup[a];
      n++;
    }
    return { areas: n, baseline: b / sw, followup: f / sw, change: (f - b) / sw, sw };
  };
  const t = summary(1);
  const c = summary(2);
  const estimate = t.change - c.change;
  // HC1 for the regression of the change on an intercept and the group dummy.
  const n = rows.length;
  let vt = 0;
  let vc = 0;
  for (const a of rows) {
    const e = means.followup[a] - means.baseline[a] - (group[a] === 1 ? t.change : c.change);
    if (group[a] === 1) vt += (weight[a] * e) ** 2;
    else vc += (weight[a] * e) ** 2;
  }
  const se = n > 2 && t.areas && c.areas ? Math.sqrt((vt / t.sw ** 2 + vc / c.sw ** 2) * (n / (n - 2))) : NaN;
  const plain = (g: typeof t): GroupChange => ({ areas: g.areas, baseline: g.baseline, followup: g.followup, change: g.change });
  return { ...interval(estimate, se, n - 2), treated: plain(t), comparison: plain(c) };
}
