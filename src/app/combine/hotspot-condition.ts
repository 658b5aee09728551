/**
 * "In a hot spot" as an overlap-rule condition, from the classes the Hotspots tab published for its
 * last finished run (see hotspots/hotspot-classes.ts): met for hot spots (Gi*, Gi) and High–High
 * clusters (local Moran, bivariate), not met for every other tested area, and unknown for areas the
 * run could not test (no value, no neighbours), which the tally counts apart as incomplete.
 */
import { UNKNOWN } from '../../analysis/combine/rule-conditions';
import { hotspotGroup, type HotspotClasses } from '../hotspots/hotspot-classes';
import type { LevelAreas } from '../../data/level-data';

export interface HotspotCondition {
  met: Uint8Array;
  label: string;
  /** Changes whenever the hotspot classes are recomputed. */
  key: string;
}

export function hotspotCondition(hs: Pick<HotspotClasses, 'key' | 'level' | 'codes' | 'cluster' | 'keys' | 'description'>, areas: LevelAreas): HotspotCondition | null {
  if (hs.level !== areas.level) return null;
  const groups = hs.keys.map((k) => hotspotGroup(k));
  const met = new Uint8Array(areas.codes.length).fill(UNKNOWN);
  const aligned = hs.codes.length === areas.codes.length && hs.codes.every((c, i) => c === areas.codes[i]);
  const rowOf = aligned ? null : new Map(hs.codes.map((c, i) => [c, i]));
  for (let i = 0; i < areas.codes.length; i++) {
    const j = rowOf ? rowOf.get(areas.codes[i]) : i;
    if (j === undefined) continue;
    const g = groups[hs.cluster[j]];
    met[i] = g === 'hot' ? 1 : g === 'untested' ? UNKNOWN : 0;
  }
  return { met, label: `In a hot spot or High–High cluster (${hs.description})`, key: hs.key };
}
