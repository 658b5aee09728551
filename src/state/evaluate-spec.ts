/**
 * What the user chose in the Evaluate tab: where the intervention areas come from, the outcome (a
 * loaded dataset with periods, as a rate or as counts over a denominator), the baseline and
 * follow-up windows, how comparison areas are chosen, and the interval. Only choices live here: the
 * data never does (a link names a dataset's columns; whoever opens it needs the same file), and
 * results are recomputed from the settings. `normaliseEvaluateSpec` repairs any input field by field.
 */
import { isGssCode } from '../geo/area-codes';
import { cleanText } from './shortlist-spec';

export const EVALUATE_COVARIATES = ['baseline', 'imd', 'smoking', 'population'] as const;
export type EvaluateCovariate = (typeof EVALUATE_COVARIATES)[number];
/** Exact matching on the region an area lies in (its column in the areas table), or none. */
export const EXACT_REGIONS = ['none', 'icb24', 'cal19', 'lad24'] as const;
export type ExactRegion = (typeof EXACT_REGIONS)[number];
export const COMPARISON_METHODS = ['nearest', 'all', 'manual'] as const;
export type ComparisonMethod = (typeof COMPARISON_METHODS)[number];

export const MAX_RATIO = 5;
export const MAX_CALIPER = 5;
const MAX_MANUAL = 500;
export const MIN_REPLICATES = 99;
export const MAX_REPLICATES = 9999;
const MAX_PERIOD = 40;

/**
 * A loaded column by file name and label: ids of loaded files are made afresh each time a file is
 * added, so a link also names the column, and whoever loads the same file gets the same choice.
 */
export interface ColumnRef {
  file: string;
  label: string;
}

export interface EvaluateOutcome {
  /** Indicator id of a "Your data" value column with periods (rate, or the count of events). */
  indicator: string | null;
  /** Another value column of the same dataset to divide by (counts → rate); null for a rate. */
  denominator: string | null;
  /** Rate = count / denominator × this. */
  multiplier: number;
  /** The outcome and denominator columns by name (see ColumnRef). */
  ref: (ColumnRef & { denominator: string | null }) | null;
}

export interface EvaluateComparison {
  method: ComparisonMethod;
  covariates: EvaluateCovariate[];
  exact: ExactRegion;
  distance: 'scaled-euclidean' | 'mahalanobis';
  ratio: number;
  replace: boolean;
  /** In standard deviations of each covariate; null for none. */
  caliper: number | null;
  /** Areas the user picked (method "manual"). */
  areas: string[];
}

export interface EvaluateSpec {
  /** Intervention areas: the shortlist, or the areas where a loaded column is above 0. */
  intervention: { source: 'shortlist' | 'column'; column: string | null; ref: ColumnRef | null };
  /** The user says the intervention areas were picked using this outcome. */
  chosenOnOutcome: boolean;
  outcome: EvaluateOutcome;
  baseline: [string, string] | null;
  followup: [string, string] | null;
  comparison: EvaluateComparison;
  interval: 'cluster' | 'bootstrap';
  replicates: number;
  seed: number;
  populationWeights: boolean;
}

export const DEFAULT_EVALUATE: EvaluateSpec = {
  intervention: { source: 'shortlist', column: null, ref: null },
  chosenOnOutcome: false,
  outcome: { indicator: null, denominator: null, multiplier: 10_000, ref: null },
  baseline: null,
  followup: null,
  comparison: { method: 'nearest', covariates: ['baseline', 'imd', 'smoking', 'population'], exact: 'none', distance: 'scaled-euclidean', ratio: 1, replace: false, caliper: 0.5, areas: [] },
  interval: 'cluster',
  replicates: 999,
  seed: 1,
  populationWeights: false,
};

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const oneOf = <T>(x: unknown, options: readonly T[], fallback: T): T => (options.includes(x as T) ? (x as T) : fallback);
const whole = (x: unknown, lo: number, hi: number, fallback: number): number => (typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi ? x : fallback);
const indicatorId = (x: unknown): string | null => (typeof x === 'string' && /^[\w.:-]{1,80}$/.test(x) ? x : null);

const MAX_REF = 200;

function columnRef(x: unknown): ColumnRef | null {
  if (!isObj(x) || typeof x.file !== 'string' || typeof x.label !== 'string' || !x.file || !x.label) return null;
  return { file: cleanText(x.file, MAX_REF), label: cleanText(x.label, MAX_REF) };
}

function window(x: unknown): [string, string] | null {
  if (!Array.isArray(x) || x.length !== 2 || !x.every((p) => typeof p === 'string' && p.length > 0 && p.length <= MAX_PERIOD)) return null;
  return [cleanText(x[0], MAX_PERIOD), cleanText(x[1], MAX_PERIOD)];
}

function comparison(x: unknown): EvaluateComparison {
  const d = DEFAULT_EVALUATE.comparison;
  if (!isObj(x)) return d;
  const covs = Array.isArray(x.covariates) ? EVALUATE_COVARIATES.filter((c) => (x.covariates as unknown[]).includes(c)) : d.covariates;
  const caliper = x.caliper === null ? null : typeof x.caliper === 'number' && x.caliper > 0 && x.caliper <= MAX_CALIPER ? x.caliper : d.caliper;
  const areas = Array.isArray(x.areas) ? [...new Set(x.areas.filter((c): c is string => typeof c === 'string' && isGssCode(c)))].slice(0, MAX_MANUAL) : [];
  return {
    method: oneOf(x.method, COMPARISON_METHODS, d.method), covariates: covs,
    exact: oneOf(x.exact, EXACT_REGIONS, d.exact), distance: oneOf(x.distance, ['scaled-euclidean', 'mahalanobis'] as const, d.distance),
    ratio: whole(x.ratio, 1, MAX_RATIO, d.ratio), replace: typeof x.replace === 'boolean' ? x.replace : d.replace, caliper, areas,
  };
}

/** A valid spec from anything: each bad or missing field takes its default; undefined only when x is not an object. */
export function normaliseEvaluateSpec(x: unknown): EvaluateSpec | undefined {
  if (!isObj(x)) return undefined;
  const d = DEFAULT_EVALUATE;
  const iv = isObj(x.intervention) ? x.intervention : {};
  const out = isObj(x.outcome) ? x.outcome : {};
  const multiplier = typeof out.multiplier === 'number' && [1, 100, 1000, 10_000, 100_000].includes(out.multiplier) ? out.multiplier : d.outcome.multiplier;
  return {
    intervention: { source: oneOf(iv.source, ['shortlist', 'column'] as const, d.intervention.source), column: indicatorId(iv.column), ref: columnRef(iv.ref) },
    chosenOnOutcome: x.chosenOnOutcome === true,
    outcome: {
      indicator: indicatorId(out.indicator), denominator: indicatorId(out.denominator), multiplier,
      ref: (() => {
        const r = columnRef(out.ref);
        const den = isObj(out.ref) && typeof out.ref.denominator === 'string' && out.ref.denominator ? cleanText(out.ref.denominator, MAX_REF) : null;
        return r ? { ...r, denominator: den } : null;
      })(),
    },
    baseline: window(x.baseline),
    followup: window(x.followup),
    comparison: comparison(x.comparison),
    interval: oneOf(x.interval, ['cluster', 'bootstrap'] as const, d.interval),
    replicates: whole(x.replicates, MIN_REPLICATES, MAX_REPLICATES, d.replicates),
    seed: whole(x.seed, 0, 4294967295, d.seed),
    populationWeights: x.populationWeights === true,
  };
}
