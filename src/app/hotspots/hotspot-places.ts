/**
 * Where the hot spots are: the areas in a hot-spot class (Gi* or Gi hot spots at any confidence, or
 * LISA High–High clusters) grouped by the local authority or ICB they lie in, ranked by the residents
 * living in them. A hot spot is a place where high values cluster; it says nothing of why.
 */
import type { HotspotClassKey } from '../../map/hotspot-styles';
import type { FrameClasses } from './hotspot-frame';

export type PlaceGrouping = 'lad' | 'icb';

export interface HotspotPlace {
  code: string;
  name: string;
  /** Hot-spot areas in this place (within the focus). */
  areas: number;
  /** Residents (Census 2021) of those areas. */
  residents: number;
  /** All tested areas of this place within the focus, for the share. */
  tested: number;
  /** West, south, east, north around its hot-spot areas (where the map zooms). */
  bbox: [number, number, number, number];
}

const isHotClass = (k: HotspotClassKey) => k.startsWith('hot-') || k === 'high-high';

export interface PlaceAreas {
  lad: (string | null)[];
  icb: (string | null)[];
  population: ArrayLike<number>;
  bbox: ArrayLike<number>;
}

export function hotspotPlaces(fc: FrameClasses, areas: PlaceAreas, mask: Uint8Array | null, by: PlaceGrouping, nameOf: (code: string) => string): HotspotPlace[] {
  const parent = by === 'lad' ? areas.lad : areas.icb;
  const hot = fc.keys.map(isHotClass);
  const places = new Map<string, HotspotPlace>();
  for (let i = 0; i < fc.cluster.length; i++) {
    const code = parent[i];
    const key = fc.keys[fc.cluster[i]];
    if (!code || (mask && !mask[i]) || key === 'no-value' || key === 'no-neighbours') continue;
    let p = places.get(code);
    if (!p) places.set(code, (p = { code, name: nameOf(code), areas: 0, residents: 0, tested: 0, bbox: [Infinity, Infinity, -Infinity, -Infinity] }));
    p.tested++;
    if (!hot[fc.cluster[i]]) continue;
    p.areas++;
    const pop = areas.population[i];
    if (Number.isFinite(pop)) p.residents += pop;
    const b = p.bbox;
    [b[0], b[1], b[2], b[3]] = [Math.min(b[0], areas.bbox[4 * i]), Math.min(b[1], areas.bbox[4 * i + 1]), Math.max(b[2], areas.bbox[4 * i + 2]), Math.max(b[3], areas.bbox[4 * i + 3])];
  }
  return [...places.values()]
    .filter((p) => p.areas > 0)
    .sort((a, b) => b.residents - a.residents || b.areas - a.areas || a.name.localeCompare(b.name));
}
