/**
 * What the user chose for the three "combine" views (composite index, overlap rules, bivariate map):
 * indicators, directions, weights, tests and classifications. Only choices live here; composite
 * values, counts and breaks are always recomputed from them. `normaliseCombine` reads any input
 * (share link, local storage, an older version) part by part, keeping what is valid.
 */
import type { FocusLevel } from '../geo/levels';
import { FOCUS_LEVELS } from '../geo/levels';
import { isGssCode } from '../geo/area-codes';
import type { Normalisation } from '../analysis/combine/normalise-scores';

/** Which end of an input means more risk; `unset` for a context measure until the user chooses. */
export type RiskDirection = 'higher' | 'lower' | 'unset';
export type CombineClassMethod = 'quantile' | 'ckmeans' | 'equal' | 'custom';
export const COMBINE_CLASS_METHODS: CombineClassMethod[] = ['quantile', 'ckmeans', 'equal', 'custom'];
export const NORMALISATIONS: Normalisation[] = ['percentile', 'zscore', 'minmax'];

export interface CombineClassification {
  method: CombineClassMethod;
  classes: number;
  custom: number[] | null;
  /**
   * Areas the breaks come from: 'focus' (the default) follows the focus region on screen (all of
   * England without one); null is all of England, fixed; a region keeps that region's breaks
   * whatever the focus (links made before breaks followed the focus).
   */
  breaksFrom: { level: FocusLevel; code: string } | null | 'focus';
}

export interface MeasureChoice {
  indicator: string;
  /** Dimension choices (period, sex, site...); missing keys use the indicator's defaults. */
  dims: Record<string, string>;
}

export interface CompositeInput extends MeasureChoice {
  direction: RiskDirection;
  weight: number;
}

export interface CompositeSpec {
  inputs: CompositeInput[];
  normalisation: Normalisation;
  /** Scores relative to all of England or to the focus region. */
  reference: 'england' | 'focus';
  classification: CombineClassification;
}

export type RuleTest =
  | { kind: 'at-most' | 'at-least'; value: number }
  | { kind: 'worst-deciles'; deciles: number }
  | { kind: 'worst-quintile' }
  | { kind: 'worse-than-england' }
  | { kind: 'significantly-worse' };

export interface RuleCondition extends MeasureChoice {
  test: RuleTest;
}

export interface RuleSpec {
  conditions: RuleCondition[];
  /** Adds "inside the focus region" as one more condition. */
  inFocus: boolean;
  /** Adds "in a hot spot" (the Hotspots tab's last run at the level) as one more condition. */
  inHotspot?: boolean;
}

export type BivariateScheme = 'blue-orange' | 'pink-blue' | 'purple-gold';
export const BIVARIATE_SCHEMES: BivariateScheme[] = ['blue-orange', 'pink-blue', 'purple-gold'];

export interface BivariateSpec {
  x: MeasureChoice & { classification: CombineClassification };
  y: MeasureChoice & { classification: CombineClassification };
  scheme: BivariateScheme;
}

export interface CombineSpec {
  composite: CompositeSpec;
  rules: RuleSpec;
  bivariate: BivariateSpec;
}

export const MAX_COMPOSITE_INPUTS = 8;
/** The focus condition takes one of the tally's eight slots. */
export const MAX_RULE_CONDITIONS = 7;
export const MAX_WEIGHT = 10;

/**
 * The cancer measure for smoking- and deprivation-driven targeting: lung (C33–C34), 2015–2019 pooled,
 * age-standardised. The catalogue's own default (18 sites, 2016–2020) stays for the map: it includes
 * 2020 (COVID-19) and sites that rise with affluence.
 */
export const TARGETING_CANCER_DIMS: Record<string, string> = { site: 'C33-C34', period: '2015-2019' };

const focusBreaks = (method: CombineClassMethod, classes: number): CombineClassification => ({ method, classes, custom: null, breaksFrom: 'focus' });

export const DEFAULT_COMBINE: CombineSpec = {
  composite: {
    inputs: [
      { indicator: 'imd2025.imd.score', dims: {}, direction: 'higher', weight: 1 },
      { indicator: 'smoking.aps.current', dims: {}, direction: 'higher', weight: 1 },
      // Lung (the cancer most driven by smoking and deprivation), 2015–2019 (2020 is depressed by COVID-19).
      { indicator: 'cancer.incidence.dsr', dims: TARGETING_CANCER_DIMS, direction: 'higher', weight: 1 },
    ],
    normalisation: 'percentile',
    reference: 'england',
    classification: focusBreaks('quantile', 5),
  },
  rules: {
    conditions: [
      // Core20 by IMD 2019 (NHS England's edition), through residents: at LSOA level 100 % or 0 %.
      { indicator: 'imd2019.imd.share20', dims: {}, test: { kind: 'at-least', value: 50 } },
      { indicator: 'smoking.aps.current', dims: {}, test: { kind: 'worse-than-england' } },
    ],
    inFocus: false,
  },
  bivariate: {
    x: { indicator: 'imd2025.imd.score', dims: {}, classification: focusBreaks('quantile', 3) },
    y: { indicator: 'smoking.aps.current', dims: {}, classification: focusBreaks('quantile', 3) },
    scheme: 'blue-orange',
  },
};

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown, lo: number, hi: number): number | undefined => (typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi ? x : undefined);

function dims(x: unknown): Record<string, string> {
  if (!isObj(x)) return {};
  return Object.fromEntries(Object.entries(x).filter(([k, v]) => /^[a-z_]{1,20}$/i.test(k) && typeof v === 'string' && v.length < 40)) as Record<string, string>;
}

function region(x: unknown): CombineClassification['breaksFrom'] | undefined {
  if (x === null) return null;
  if (x === 'focus') return 'focus';
  if (!isObj(x) || !(FOCUS_LEVELS as readonly unknown[]).includes(x.level) || typeof x.code !== 'string' || !isGssCode(x.code)) return undefined;
  return { level: x.level as FocusLevel, code: x.code };
}

function classification(x: unknown, fallback: CombineClassification, fixedClasses: number | null): CombineClassification | undefined {
  if (!isObj(x)) return undefined;
  const method = COMBINE_CLASS_METHODS.find((m) => m === x.method);
  const classes = fixedClasses ?? num(x.classes, 2, 9);
  const breaksFrom = region(x.breaksFrom ?? null);
  if (!method || classes === undefined || breaksFrom === undefined) return undefined;
  const custom = Array.isArray(x.custom) ? x.custom.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).slice(0, 20) : null;
  return { ...fallback, method, classes: Math.round(classes), custom, breaksFrom };
}

function measure(x: unknown, isIndicator: (id: string) => boolean): MeasureChoice | undefined {
  if (!isObj(x) || typeof x.indicator !== 'string' || !isIndicator(x.indicator)) return undefined;
  return { indicator: x.indicator, dims: dims(x.dims) };
}

function ruleTest(x: unknown): RuleTest | undefined {
  if (!isObj(x)) return undefined;
  switch (x.kind) {
    case 'at-most':
    case 'at-least': {
      const value = num(x.value, -1e12, 1e12);
      return value === undefined ? undefined : { kind: x.kind, value };
    }
    case 'worst-deciles': {
      const deciles = num(x.deciles, 1, 9);
      return deciles === undefined ? undefined : { kind: 'worst-deciles', deciles: Math.round(deciles) };
    }
    case 'worst-quintile':
    case 'worse-than-england':
    case 'significantly-worse':
      return { kind: x.kind };
    default:
      return undefined;
  }
}

/** Keeps every valid part of `input` and falls back to defaults for the rest, saying what was dropped. */
export function normaliseCombine(input: unknown, isIndicator: (id: string) => boolean, warn: (text: string) => void): CombineSpec | undefined {
  if (!isObj(input)) return undefined;
  const out: CombineSpec = structuredClone(DEFAULT_COMBINE);
  const dropped = new Set<string>();
  const migrated = new Set<string>();
  const c = input.composite;
  if (isObj(c)) {
    if (Array.isArray(c.inputs)) {
      const inputs = c.inputs.slice(0, MAX_COMPOSITE_INPUTS).flatMap((x): CompositeInput[] => {
        const m = measure(x, isIndicator);
        if (!m || !isObj(x)) return (dropped.add('composite index input'), []);
        const direction: RiskDirection = x.direction === 'lower' || x.direction === 'unset' ? x.direction : 'higher';
        return [{ ...m, direction, weight: num(x.weight, 0, MAX_WEIGHT) ?? 1 }];
      });
      if (inputs.length > 0) out.composite.inputs = inputs;
    }
    const norm = NORMALISATIONS.find((n) => n === c.normalisation);
    if (norm) out.composite.normalisation = norm;
    if (c.reference === 'focus' || c.reference === 'england') out.composite.reference = c.reference;
    if ('classification' in c) {
      const cls = classification(c.classification, out.composite.classification, null);
      if (cls) out.composite.classification = cls;
      else dropped.add('composite index classification');
    }
  }
  const r = input.rules;
  if (isObj(r)) {
    if (Array.isArray(r.conditions)) {
      out.rules.conditions = r.conditions.slice(0, MAX_RULE_CONDITIONS).flatMap((x): RuleCondition[] => {
        const m = measure(x, isIndicator);
        const test = isObj(x) ? ruleTest(x.test) : undefined;
        if (!m || !test) return (dropped.add('overlap rule condition'), []);
        return [core20ThroughResidents({ ...m, test }, isIndicator, migrated)];
      });
    }
    if (typeof r.inFocus === 'boolean') out.rules.inFocus = r.inFocus;
    if (r.inHotspot === true) out.rules.inHotspot = true;
  }
  const b = input.bivariate;
  if (isObj(b)) {
    for (const axis of ['x', 'y'] as const) {
      const a = b[axis];
      if (a === undefined) continue;
      const m = measure(a, isIndicator);
      const cls = isObj(a) ? classification(a.classification, out.bivariate[axis].classification, 3) : undefined;
      if (!m) dropped.add('bivariate map measure');
      else out.bivariate[axis] = { ...m, classification: cls ?? out.bivariate[axis].classification };
    }
    const scheme = BIVARIATE_SCHEMES.find((s) => s === b.scheme);
    if (scheme) out.bivariate.scheme = scheme;
  }
  for (const d of dropped) warn(`Ignored an invalid ${d} in the link.`);
  if (migrated.size) warn(`The Core20 condition now tests the share of residents living in Core20 LSOAs (${[...migrated].join(', ')}), not an area's decile among areas of its level; for an LSOA the result is the same.`);
  return out;
}

/**
 * Links made before Core20 was expressed through residents test "IMD decile 1–2", which above LSOA
 * level meant an area's decile among areas of its level. The same condition now reads "at least half
 * of the residents live in Core20 LSOAs": identical for an LSOA, the NHS meaning for larger areas.
 */
function core20ThroughResidents(c: RuleCondition, isIndicator: (id: string) => boolean, migrated: Set<string>): RuleCondition {
  const m = /^imd(2019|2025)\.imd\.decile$/.exec(c.indicator);
  const share = m ? `imd${m[1]}.imd.share20` : '';
  if (!m || c.test.kind !== 'worst-deciles' || c.test.deciles !== 2 || !isIndicator(share)) return c;
  migrated.add(`IMD ${m[1]}`);
  return { indicator: share, dims: {}, test: { kind: 'at-least', value: 50 } };
}
