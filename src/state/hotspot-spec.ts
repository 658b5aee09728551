/**
 * What the user chose in the Hotspots tab: the statistic, the variable(s), the spatial weights and
 * the inference settings. Only choices live here (results never do), so the same spec and seed give
 * the same map on every machine. `normaliseHotspotSpec` repairs a damaged or old spec field by field.
 */
import { HOTSPOT_STATS, type HotspotStat } from '../analysis/stats/hotspot-request';
import { CORRECTIONS, type Correction } from '../analysis/stats/multiple-testing';
import { MAX_PERMUTATIONS, MIN_PERMUTATIONS } from '../analysis/stats/permutation-engine';

/** An indicator of the catalogue (with its dimension choices) or a registered variable such as the composite index. */
export interface HotspotVariable {
  id: string;
  dims: Record<string, string>;
}

export const WEIGHTS_KINDS = ['queen', 'rook', 'knn', 'band', 'file'] as const;
export type HotspotWeightsKind = (typeof WEIGHTS_KINDS)[number];

export interface HotspotWeightsSpec {
  kind: HotspotWeightsKind;
  /** kNN: neighbours per area. */
  k: number;
  /** Distance band in km; null: the smallest band that gives every area a neighbour. */
  bandKm: number | null;
  /** 'W' row-standardised, 'B' binary. */
  style: 'W' | 'B';
  /** Areas with no neighbour: left untested and flagged, or linked to their nearest area. */
  islands: 'flag' | 'knn';
  /** Imported weights: the name of the file picked (the file itself never leaves this tab). */
  file: string | null;
}

export interface HotspotSpec {
  stat: HotspotStat;
  /** The variable tested (bilisa: the value at each area). */
  x: HotspotVariable;
  /** bilisa only: the variable whose spatial lag x is compared with. */
  y: HotspotVariable;
  weights: HotspotWeightsSpec;
  permutations: number;
  seed: number;
  correction: Correction;
  alpha: number;
}

export const MAX_KNN = 50;
export const MAX_BAND_KM = 500;

export const DEFAULT_HOTSPOT_SPEC: HotspotSpec = {
  stat: 'gistar',
  x: { id: 'imd2025.imd.score', dims: {} },
  y: { id: 'cancer.incidence.dsr', dims: {} },
  weights: { kind: 'queen', k: 8, bandKm: null, style: 'W', islands: 'flag', file: null },
  permutations: 999,
  seed: 1,
  correction: 'fdr',
  alpha: 0.05,
};

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const oneOf = <T>(x: unknown, options: readonly T[], fallback: T): T => (options.includes(x as T) ? (x as T) : fallback);
const whole = (x: unknown, lo: number, hi: number, fallback: number): number =>
  typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi ? x : fallback;

function variable(x: unknown, fallback: HotspotVariable): HotspotVariable {
  if (!isObj(x) || typeof x.id !== 'string' || !/^[\w.:-]{1,80}$/.test(x.id)) return fallback;
  const dims = isObj(x.dims)
    ? Object.fromEntries(Object.entries(x.dims).filter(([k, v]) => /^[a-z_]{1,20}$/i.test(k) && typeof v === 'string' && v.length < 40)) as Record<string, string>
    : {};
  return { id: x.id, dims };
}

function weights(x: unknown): HotspotWeightsSpec {
  const d = DEFAULT_HOTSPOT_SPEC.weights;
  if (!isObj(x)) return d;
  const band = x.bandKm;
  return {
    kind: oneOf(x.kind, WEIGHTS_KINDS, d.kind),
    k: whole(x.k, 1, MAX_KNN, d.k),
    bandKm: typeof band === 'number' && Number.isFinite(band) && band > 0 && band <= MAX_BAND_KM ? band : null,
    style: oneOf(x.style, ['W', 'B'] as const, d.style),
    islands: oneOf(x.islands, ['flag', 'knn'] as const, d.islands),
    file: typeof x.file === 'string' && x.file.length <= 200 ? x.file : null,
  };
}

/** A valid spec from anything: each bad or missing field takes its default; undefined only when x is not an object. */
export function normaliseHotspotSpec(x: unknown): HotspotSpec | undefined {
  if (!isObj(x)) return undefined;
  const d = DEFAULT_HOTSPOT_SPEC;
  const alpha = x.alpha;
  return {
    stat: oneOf(x.stat, HOTSPOT_STATS, d.stat),
    x: variable(x.x, d.x),
    y: variable(x.y, d.y),
    weights: weights(x.weights),
    permutations: whole(x.permutations, MIN_PERMUTATIONS, MAX_PERMUTATIONS, d.permutations),
    seed: whole(x.seed, 0, 4294967295, d.seed),
    correction: oneOf(x.correction, CORRECTIONS, d.correction),
    alpha: typeof alpha === 'number' && alpha > 0 && alpha < 1 ? alpha : d.alpha,
  };
}
