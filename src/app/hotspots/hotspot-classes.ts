/**
 * The hotspot class of every area, for other features (overlap rules, the shortlist, exports).
 *
 *   import { useHotspotClasses, hotspotGroup } from './hotspots/hotspot-classes';
 *
 *   const hs = useHotspotClasses(ctx.frame?.level);   // null until a run has finished at that level
 *   if (hs) {
 *     hs.classOf('E01000001');        // 'hot-99' | 'high-high' | 'not-significant' | 'no-value' | … or null
 *     hs.groupOf('E01000001');        // 'hot' | 'cold' | 'outlier' | 'none' | 'untested' or null
 *     hs.cluster[i], hs.keys          // per area, aligned with ctx.frame.areas (same order as hs.codes)
 *     hs.label('hot-99');             // 'Hot spot (99 % confidence)'
 *     hs.description                  // 'Gi* of IMD 2025 score, queen contiguity…, FDR at α = 0.05'
 *   }
 *   // Outside React: currentHotspotClasses(), subscribeHotspotClasses(listener).
 *
 * Classes are those of the last finished run, with the correction and α chosen at the time (they
 * stay available after the map goes back to another view). `key` changes whenever they change; a
 * rule or shortlist that used them can store `key` to notice that they have since been recomputed.
 * "hot" means hot spots (Gi*, Gi) or High–High clusters (local Moran, bivariate): high values of the
 * variable among high neighbours; for a "higher is better" variable that is a good place, not a bad one.
 */
import { useSyncExternalStore } from 'react';
import type { HotspotStat } from '../../analysis/stats/hotspot-request';
import type { LevelId } from '../../geo/levels';
import type { HotspotClassKey } from '../../map/hotspot-styles';
import { classLabel } from './hotspot-frame';

export type HotspotGroup = 'hot' | 'cold' | 'outlier' | 'none' | 'untested';

export interface HotspotClasses {
  key: string;
  level: LevelId;
  stat: HotspotStat;
  /** Area codes of the level, in the map's row order. */
  codes: readonly string[];
  /** Index into `keys` per area. */
  cluster: Uint8Array;
  keys: readonly HotspotClassKey[];
  /** Adjusted p-value per area (NaN: not tested). */
  pAdjusted: Float64Array;
  /** 1 where the area is significant under the chosen correction and α. */
  significant: Uint8Array;
  description: string;
  classOf(code: string): HotspotClassKey | null;
  groupOf(code: string): HotspotGroup | null;
  label(key: HotspotClassKey): string;
}

export function hotspotGroup(key: HotspotClassKey): HotspotGroup {
  if (key.startsWith('hot-') || key === 'high-high') return 'hot';
  if (key.startsWith('cold-') || key === 'low-low') return 'cold';
  if (key === 'high-low' || key === 'low-high') return 'outlier';
  if (key === 'not-significant') return 'none';
  return 'untested';
}

export type HotspotClassesInput = Omit<HotspotClasses, 'classOf' | 'groupOf' | 'label'>;

let current: HotspotClasses | null = null;
const listeners = new Set<() => void>();

/** Called by the hotspot feature when a run finishes or its correction/α changes. */
export function publishHotspotClasses(input: HotspotClassesInput): void {
  if (current?.key === input.key) return;
  const index = new Map(input.codes.map((c, i) => [c, i] as const));
  const classOf = (code: string) => {
    const i = index.get(code);
    return i === undefined ? null : input.keys[input.cluster[i]];
  };
  current = {
    ...input, classOf, label: classLabel,
    groupOf: (code) => {
      const k = classOf(code);
      return k === null ? null : hotspotGroup(k);
    },
  };
  listeners.forEach((l) => l());
}

export function currentHotspotClasses(): HotspotClasses | null {
  return current;
}

export function subscribeHotspotClasses(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The classes of the last run at `level` (any level when omitted), or null. */
export function useHotspotClasses(level?: LevelId): HotspotClasses | null {
  const hs = useSyncExternalStore(subscribeHotspotClasses, currentHotspotClasses);
  return hs && (level === undefined || hs.level === level) ? hs : null;
}
