/**
 * Who is compared with whom: intervention areas with data in both windows, and comparison areas —
 * all other areas with data, the areas a user picked, or nearest neighbours on covariates (see
 * nearest-neighbour.ts) — with each area's matching weight.
 */
import type { DistanceKind } from './matching-distance';
import { nearestNeighbourMatch } from './nearest-neighbour';

/** Area roles in an evaluation. */
export const GROUP = { none: 0, treated: 1, comparison: 2, unmatched: 3, noData: 4 } as const;

export type ComparisonSpec =
  | { method: 'all' }
  | { method: 'manual'; areas: Uint8Array }
  | {
    method: 'nearest';
    /** Covariate ids to match on ("baseline" is the outcome's baseline mean). */
    matchOn: string[];
    /** Exact-match group per area (e.g. region), -1 for unknown; null for none. */
    exact: Int32Array | null;
    distance: DistanceKind;
    ratio: number;
    replace: boolean;
    caliper: number | null;
  };

export interface ComparisonGroups {
  group: Int8Array;
  /** 1 for every area the balance table compares before matching (intervention areas and the pool). */
  pool: Uint8Array;
  matchWeight: Float64Array;
  pairs: { treated: number; comparison: number[] }[];
  /** Intervention areas left out for a missing covariate (a subset of those marked unmatched). */
  missingCovariate: number[];
}

export function comparisonGroups(
  nAreas: number, treated: Uint8Array, hasData: Uint8Array, spec: ComparisonSpec, covariate: (id: string) => Float64Array,
): ComparisonGroups {
  const group = new Int8Array(nAreas);
  const pool = new Uint8Array(nAreas);
  const matchWeight = new Float64Array(nAreas);
  for (let a = 0; a < nAreas; a++) {
    if (treated[a]) group[a] = hasData[a] ? GROUP.treated : GROUP.noData;
    pool[a] = hasData[a];
  }
  const treatedRows = [...group.keys()].filter((a) => group[a] === GROUP.treated);
  if (!treatedRows.length) throw new Error('no intervention area has data in both the baseline and the follow-up window');

  if (spec.method !== 'nearest') {
    const chosen = (a: number) => !treated[a] && hasData[a] && (spec.method === 'all' || spec.areas[a] === 1);
    for (let a = 0; a < nAreas; a++) {
      if (group[a] === GROUP.treated || chosen(a)) matchWeight[a] = 1;
      if (chosen(a)) group[a] = GROUP.comparison;
    }
    if (!matchWeight.some((w, a) => w > 0 && group[a] === GROUP.comparison)) {
      throw new Error(spec.method === 'manual' ? 'none of the comparison areas picked has data in both windows' : 'no area outside the programme has data in both windows');
    }
    return { group, pool, matchWeight, pairs: [], missingCovariate: [] };
  }

  if (!spec.matchOn.length) throw new Error('choose at least one covariate to match on');
  const m = nearestNeighbourMatch(
    { nAreas, treated, eligible: hasData, covariates: spec.matchOn.map(covariate), exact: spec.exact },
    { distance: spec.distance, ratio: spec.ratio, replace: spec.replace, caliper: spec.caliper },
  );
  const pairs: ComparisonGroups['pairs'] = [];
  m.treated.forEach((t, i) => {
    if (m.matches[i].length) pairs.push({ treated: t, comparison: Array.from(m.matches[i]) });
  });
  if (!pairs.length) throw new Error('no intervention area found a comparison area within the caliper; widen the caliper or match on fewer covariates');
  const weights = m.weights;
  for (let a = 0; a < nAreas; a++) {
    matchWeight[a] = weights[a];
    if (weights[a] > 0 && !treated[a]) group[a] = GROUP.comparison;
  }
  for (const a of [...m.unmatched, ...m.missing]) group[a] = GROUP.unmatched;
  return { group, pool, matchWeight, pairs, missingCovariate: m.missing };
}
