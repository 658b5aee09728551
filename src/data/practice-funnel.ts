/**
 * A practice funnel plot's data: every practice's proportion for one QOF register against its list,
 * the 95 % and 99.8 % exact binomial limits around the England value (all practices summed) along the
 * range of list sizes, each practice's position against them, and the practices outside the 99.8 %
 * limits. Registers are context: "above the limit" says the recorded share is unusually high for a
 * list of that size, not that the practice does better or worse.
 */
import { funnelLimits, funnelPositions } from '../analysis/funnel/funnel-limits';
import { practiceMeasure } from './catalogue/practice-measures';
import { loadPracticeEngland, loadPracticeValues, type PracticeValue } from './practice-data';
import type { QueryRunner } from './query-runner';

export interface PracticeFunnel {
  measureId: string;
  /** England value, %. */
  target: number;
  points: { code: string; name: string; pcn: string | null; value: number; numerator: number; denominator: number; position: number }[];
  curve: { n: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
  /** Practices with no usable share (no list, or a register larger than the list). */
  left: PracticeValue[];
}

const CURVE_STEPS = 80;
const SLICE = 400;

export async function loadPracticeFunnel(q: Pick<QueryRunner, 'run'>, measureId: string): Promise<PracticeFunnel> {
  const m = practiceMeasure(measureId);
  if (!m || m.kind !== 'proportion') throw new Error(`a funnel plot needs a register share, not ${measureId}`);
  const [rows, england] = await Promise.all([loadPracticeValues(q, measureId, 'practice'), loadPracticeEngland(q, measureId)]);
  if (!england.numerator || !england.denominator) throw new Error(`no England value for ${measureId}`);
  const theta = england.numerator / england.denominator;
  const ok = rows.filter((r) => r.numerator !== null && r.denominator !== null && r.denominator > 0 && r.numerator <= r.denominator);
  const nums = Float64Array.from(ok, (r) => r.numerator!);
  const dens = Float64Array.from(ok, (r) => r.denominator!);
  // About half a second of exact binomial searches for 6,000 practices: done in slices, yielding in
  // between, so the page keeps answering while the panel says it is computing.
  const pos = new Float64Array(ok.length);
  for (let from = 0; from < ok.length; from += SLICE) {
    pos.set(funnelPositions(nums.subarray(from, from + SLICE), dens.subarray(from, from + SLICE), theta), from);
    await new Promise((done) => setTimeout(done, 0));
  }
  const maxN = Math.max(...dens);
  // Evenly spaced on the square-root scale the plot uses, from a list of 10.
  const grid = Float64Array.from({ length: CURVE_STEPS }, (_, i) => Math.round((Math.sqrt(10) + ((Math.sqrt(maxN) - Math.sqrt(10)) * i) / (CURVE_STEPS - 1)) ** 2));
  const lim = funnelLimits(grid, theta);
  return {
    measureId,
    target: 100 * theta,
    points: ok.map((r, i) => ({ code: r.code, name: r.name, pcn: r.pcnName, value: (100 * r.numerator!) / r.denominator!, numerator: r.numerator!, denominator: r.denominator!, position: pos[i] })),
    curve: [...grid].map((n, i) => ({ n, lower95: 100 * lim.lower95[i], upper95: 100 * lim.upper95[i], lower998: 100 * lim.lower998[i], upper998: 100 * lim.upper998[i] })),
    left: rows.filter((r) => !ok.includes(r)),
  };
}
