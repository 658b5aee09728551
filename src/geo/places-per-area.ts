/**
 * Per-area measures from a set of places (a user's pharmacies, venues, screening sites), at any
 * level with polygons: how many places lie within each area (point in polygon, even-odd rule, with
 * the same grid index the map uses for hovering), and the great-circle distance in km from each
 * area's geometric centroid to the nearest place.
 *
 * Rule for the centroid, stated because it changes the numbers: the area-weighted centroid of the
 * area's largest part (its biggest ring), computed on longitude/latitude as a plane (a sub-metre
 * difference at LSOA and ward size). It is not population-weighted (no such centroids are built
 * for every level), and for a crescent-shaped area it can fall outside the area.
 */
import { buildPlaceGrid, nearestPlaces } from '../analysis/places/nearest-place';
import { areaAt, buildAreaIndex, type AreaIndex } from './area-index';
import type { BinaryPolygons } from './topology-binary';

/** Centroid (lon, lat) of each area's largest ring; NaN for an area without rings. */
function areaCentroids(g: BinaryPolygons): { lon: Float64Array; lat: Float64Array } {
  const n = g.ids.length;
  const lon = new Float64Array(n).fill(NaN);
  const lat = new Float64Array(n).fill(NaN);
  const p = g.positions;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let r = g.areaRings[i]; r < g.areaRings[i + 1]; r++) {
      const [a, b] = [g.ringStarts[r], g.ringStarts[r + 1]];
      // Shift to the ring's first point: float32 positions stay precise in the cross products.
      const [ox, oy] = [p[2 * a], p[2 * a + 1]];
      let [s, cx, cy] = [0, 0, 0];
      for (let v = a, u = b - 1; v < b; u = v++) {
        const [xu, yu, xv, yv] = [p[2 * u] - ox, p[2 * u + 1] - oy, p[2 * v] - ox, p[2 * v + 1] - oy];
        const cross = xu * yv - xv * yu;
        s += cross;
        cx += (xu + xv) * cross;
        cy += (yu + yv) * cross;
      }
      if (Math.abs(s) > best) {
        best = Math.abs(s);
        lon[i] = ox + cx / (3 * s);
        lat[i] = oy + cy / (3 * s);
      }
    }
  }
  return { lon, lat };
}

export interface PlaceMeasures {
  /** Places within each area. */
  count: Float64Array;
  /** km from each area's centroid to the nearest place (NaN without places). */
  nearestKm: Float64Array;
  /** Places that fall in no area of the level (outside its coverage, or in the sea). */
  outside: number;
}

export function placeMeasures(g: BinaryPolygons, lon: Float64Array, lat: Float64Array, index: AreaIndex = buildAreaIndex(g)): PlaceMeasures {
  const count = new Float64Array(g.ids.length);
  let outside = 0;
  for (let k = 0; k < lon.length; k++) {
    const i = areaAt(index, g, lon[k], lat[k]);
    if (i >= 0) count[i]++;
    else outside++;
  }
  const c = areaCentroids(g);
  const nearestKm = nearestPlaces(buildPlaceGrid(lon, lat), c.lon, c.lat).km;
  return { count, nearestKm, outside };
}
