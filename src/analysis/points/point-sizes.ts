/**
 * Symbol sizes and thinning for practice points. A symbol's area is proportional to the practice's
 * list (radius ∝ √list), between a minimum and a maximum radius in pixels. At England scale 6,000+
 * symbols would hide each other and the map, so below a zoom only the larger practices are drawn; the
 * key says which (LIST_THRESHOLDS). Pure: arrays in, arrays out.
 */

/** Zoom below which only lists of at least `minList` patients are drawn. */
export const LIST_THRESHOLDS: readonly { belowZoom: number; minList: number }[] = [
  { belowZoom: 7, minList: 15_000 },
  { belowZoom: 9, minList: 8_000 },
];

export function minListAt(zoom: number): number {
  return LIST_THRESHOLDS.find((t) => zoom < t.belowZoom)?.minList ?? 0;
}

/** Radius in pixels, area ∝ list, the largest list at `maxPx`, none below `minPx`. */
export function pointRadius(list: number, largest: number, minPx: number, maxPx: number): number {
  if (!(list > 0) || !(largest > 0)) return minPx;
  return Math.max(minPx, maxPx * Math.sqrt(Math.min(list, largest) / largest));
}

/** Largest radius for a zoom: symbols grow as the map does, so street scale shows them clearly. */
export function maxRadiusAt(zoom: number): number {
  return zoom < 7 ? 7 : zoom < 10 ? 10 : 16;
}
