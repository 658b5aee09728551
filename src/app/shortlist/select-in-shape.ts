/**
 * Box and lasso selection: the areas whose label point (placed inside each polygon by the data
 * pipeline) lies inside the drawn shape. "Centre inside" is what planners expect from a lasso:
 * drawing round a cluster takes the cluster, not every neighbour the line grazes. A lasso that
 * crosses itself is split into its simple parts by turf (unkinkPolygon), so a figure-of-eight
 * selects both loops instead of an arbitrary even-odd fill.
 */
import { booleanPointInPolygon, polygon, unkinkPolygon } from '@turf/turf';

export type LonLat = [number, number];

/** A closed ring from the drawn points, or null if the shape has no area (a click, a line). */
function ringOf(points: readonly LonLat[]): LonLat[] | null {
  const pts = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
  if (pts.length < 3) return null;
  const ring = [...pts, pts[0]];
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(twice) > 1e-12 ? ring : null;
}

export function boxRing(a: LonLat, b: LonLat): LonLat[] {
  const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

type PolygonFeature = ReturnType<typeof polygon>;

function simpleParts(ring: LonLat[]): PolygonFeature[] {
  try {
    return unkinkPolygon(polygon([ring])).features;
  } catch {
    // unkink rejects some degenerate rings; the ring itself is still a usable polygon.
    return [polygon([ring])];
  }
}

/**
 * Indices of the areas (optionally only those where `eligible` is 1) whose point (lon[i], lat[i])
 * lies inside the shape drawn through `points`.
 */
export function areasInShape(points: readonly LonLat[], lon: Float64Array, lat: Float64Array, eligible: Uint8Array | null): number[] {
  const ring = ringOf(points);
  if (!ring) return [];
  const parts = simpleParts(ring);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  const out: number[] = [];
  for (let i = 0; i < lon.length; i++) {
    if (eligible && !eligible[i]) continue;
    const [x, y] = [lon[i], lat[i]];
    // The bounding box rules out nearly every area before the exact test.
    if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1)) continue;
    if (parts.some((p) => booleanPointInPolygon([x, y], p))) out.push(i);
  }
  return out;
}
