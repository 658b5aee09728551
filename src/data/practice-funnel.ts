/**
 * A practice funnel plot's data: every practice's proportion for one QOF register against its list,
 * the 95 % and 99.8 % exact binomial limits around the England value (all practices summed) along the
 * range of list sizes, each practice's position against them, and the practices outside the 99.8 %
 * limits. Registers are context: "above the limit" says the recorded share is unusually high for a
 * list of that size, not that the practice does better or worse.
 * Options: the comparator can be one Sub-ICB location (limits around its practices' summed value, only
 * its practices plotted), and the limits can be adjusted for overdispersion (Spiegelhalter's additive
 * random effects, see src/analysis/funnel/overdispersion.ts); the default is England, exact binomial.
 */
import { funnelLimits, funnelPositions } from '../analysis/funnel/funnel-limits';
import { adjustedLimits, adjustedPositions, overdispersion, type Overdispersion } from '../analysis/funnel/overdispersion';
import { practiceMeasure } from './catalogue/practice-measures';
import { loadPracticeEngland, loadPracticeValues, loadUserPracticeEngland, loadUserPracticeValues, type PracticeValue } from './practice-data';
import type { UserPracticeRate } from './sql/user-practice-sql';
import type { QueryRunner } from './query-runner';
import { rowsOf } from './db/arrow-columns';

export interface FunnelOptions {
  /** Sub-ICB location code (2024) to compare within, or null for England. */
  sicbl: string | null;
  /** Exact binomial limits, or additive random-effects limits allowing for overdispersion. */
  limits: 'exact' | 'overdispersed';
}

export const DEFAULT_FUNNEL: FunnelOptions = { sicbl: null, limits: 'exact' };

export interface PracticeFunnel {
  measureId: string;
  options: FunnelOptions;
  /** Comparator value (England or the Sub-ICB), %. */
  target: number;
  /** φ and τ² of the plotted practices (always computed; used by the limits only when overdispersed). */
  dispersion: Overdispersion;
  points: { code: string; name: string; pcn: string | null; value: number; numerator: number; denominator: number; position: number }[];
  curve: { n: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
  /** Practices with no usable share (no list, or a register larger than the list). */
  left: PracticeValue[];
}

const CURVE_STEPS = 80;
const SLICE = 400;

export async function loadPracticeFunnel(q: Pick<QueryRunner, 'run'>, measureId: string, options: FunnelOptions = DEFAULT_FUNNEL): Promise<PracticeFunnel> {
  const m = practiceMeasure(measureId);
  if (!m || m.kind !== 'proportion') throw new Error(`a funnel plot needs a register share, not ${measureId}`);
  const [all, england] = await Promise.all([loadPracticeValues(q, measureId, 'practice'), loadPracticeEngland(q, measureId)]);
  return funnelOf(measureId, all, england, options);
}

/**
 * The funnel of a GP practice file's share of a list (numerator ÷ denominator, multiplier 100):
 * the same limits and positions, around the file's England (its practices in QOF 2022-23 summed).
 */
export async function loadUserPracticeFunnel(q: Pick<QueryRunner, 'run'>, measureId: string, rate: UserPracticeRate, options: FunnelOptions = DEFAULT_FUNNEL): Promise<PracticeFunnel> {
  if (rate.ci !== 'proportion' || rate.multiplier !== 100) throw new Error(`a funnel plot needs a share of a list (a percentage), not ${measureId}`);
  const [all, england] = await Promise.all([loadUserPracticeValues(q, rate, 'practice'), loadUserPracticeEngland(q, rate)]);
  return funnelOf(measureId, all, england, options);
}

async function funnelOf(measureId: string, all: PracticeValue[], england: Pick<PracticeValue, 'numerator' | 'denominator'>, options: FunnelOptions): Promise<PracticeFunnel> {
  if (!england.numerator || !england.denominator) throw new Error(`no England value for ${measureId}`);
  const rows = options.sicbl ? all.filter((r) => r.sicbl24 === options.sicbl) : all;
  const ok = rows.filter((r) => r.numerator !== null && r.denominator !== null && r.denominator > 0 && r.numerator <= r.denominator);
  if (!ok.length) throw new Error(`no practices with a list in Sub-ICB location ${options.sicbl ?? ''}`);
  // A Sub-ICB's value sums its practices' registers and lists (never a mean of their shares).
  const theta = options.sicbl ? ok.reduce((s, r) => s + r.numerator!, 0) / ok.reduce((s, r) => s + r.denominator!, 0) : england.numerator / england.denominator;
  const nums = Float64Array.from(ok, (r) => r.numerator!);
  const dens = Float64Array.from(ok, (r) => r.denominator!);
  // About half a second of exact binomial searches for 6,000 practices: done in slices, yielding in
  // between, so the page keeps answering while the panel says it is computing.
  const dispersion = overdispersion(nums, dens, theta);
  const adjusted = options.limits === 'overdispersed';
  const pos = adjusted ? adjustedPositions(nums, dens, theta, dispersion.tau2) : new Float64Array(ok.length);
  for (let from = 0; !adjusted && from < ok.length; from += SLICE) {
    pos.set(funnelPositions(nums.subarray(from, from + SLICE), dens.subarray(from, from + SLICE), theta), from);
    await new Promise((done) => setTimeout(done, 0));
  }
  const maxN = Math.max(...dens);
  // Evenly spaced on the square-root scale the plot uses, from a list of 10.
  const grid = Float64Array.from({ length: CURVE_STEPS }, (_, i) => Math.round((Math.sqrt(10) + ((Math.sqrt(maxN) - Math.sqrt(10)) * i) / (CURVE_STEPS - 1)) ** 2));
  const lim = adjusted ? adjustedLimits(grid, theta, dispersion.tau2) : funnelLimits(grid, theta);
  return {
    measureId,
    options,
    target: 100 * theta,
    dispersion,
    points: ok.map((r, i) => ({ code: r.code, name: r.name, pcn: r.pcnName, value: (100 * r.numerator!) / r.denominator!, numerator: r.numerator!, denominator: r.denominator!, position: pos[i] })),
    curve: [...grid].map((n, i) => ({ n, lower95: 100 * lim.lower95[i], upper95: 100 * lim.upper95[i], lower998: 100 * lim.lower998[i], upper998: 100 * lim.upper998[i] })),
    left: rows.filter((r) => !ok.includes(r)),
  };
}

/** Sub-ICB locations (2024) that have practices, by name, for the comparator choice. */
export async function loadFunnelSubIcbs(q: Pick<QueryRunner, 'run'>): Promise<{ code: string; name: string }[]> {
  const sql = `SELECT a.code, a.name FROM areas a WHERE a.level = 'sicbl24' AND a.code IN (SELECT sicbl24_code FROM gp_practices) ORDER BY a.name`;
  return rowsOf(await q.run(sql)).map((r) => ({ code: String(r.code), name: String(r.name) }));
}
