/**
 * Great-circle distance from each origin (an area's centroid) to the nearest of a set of places
 * (pharmacies, venues, screening sites). A uniform lon/lat grid over the places narrows the search:
 * cells are visited in growing square rings around the origin's cell and the search stops once no
 * unvisited cell can hold a nearer place, so 33,755 LSOAs × thousands of places costs about one
 * cell scan per origin instead of n·m distance computations. Pure: typed arrays in and out.
 */

/** Mean Earth radius (km), as used by haversine distance in GIS tools (e.g. turf). */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Haversine great-circle distance in km between two lon/lat points (degrees). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface PlaceGrid {
  x0: number; y0: number; cw: number; ch: number; cols: number; rows: number;
  /** Offsets into `items` per cell; length cols * rows + 1. */
  cellStart: Uint32Array;
  items: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  /** cos of the largest |latitude| of any place: bounds a longitude gap from below in km. */
  cosMax: number;
}

/** Buckets the places (non-finite coordinates are left out) in a grid of about `perCell` places a cell. */
export function buildPlaceGrid(lon: Float64Array, lat: Float64Array, perCell = 4): PlaceGrid {
  const keep: number[] = [];
  let [x0, y0, x1, y1, maxAbsLat] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (let i = 0; i < lon.length; i++) {
    if (!Number.isFinite(lon[i]) || !Number.isFinite(lat[i])) continue;
    keep.push(i);
    x0 = Math.min(x0, lon[i]); x1 = Math.max(x1, lon[i]);
    y0 = Math.min(y0, lat[i]); y1 = Math.max(y1, lat[i]);
    maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]));
  }
  const side = Math.max(1, Math.ceil(Math.sqrt(keep.length / perCell)));
  const cols = keep.length ? side : 1;
  const rows = cols;
  const cw = (x1 - x0) / cols || 1e-3;
  const ch = (y1 - y0) / rows || 1e-3;
  const cellOf = (i: number) => Math.min(rows - 1, Math.floor((lat[i] - y0) / ch)) * cols + Math.min(cols - 1, Math.floor((lon[i] - x0) / cw));
  const cellStart = new Uint32Array(cols * rows + 1);
  for (const i of keep) cellStart[cellOf(i) + 1]++;
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, cols * rows);
  const items = new Uint32Array(keep.length);
  for (const i of keep) items[fill[cellOf(i)]++] = i;
  return { x0, y0, cw, ch, cols, rows, cellStart, items, lon, lat, cosMax: Math.cos(Math.min(89, maxAbsLat + 1) * RAD) };
}

export interface Nearest {
  /** km to the nearest place; NaN when there are no places or the origin has no coordinates. */
  km: Float64Array;
  /** Index of that place; -1 when none. */
  place: Int32Array;
}

/** Nearest place (great-circle) to every origin. */
export function nearestPlaces(grid: PlaceGrid, originLon: Float64Array, originLat: Float64Array): Nearest {
  const n = originLon.length;
  const km = new Float64Array(n).fill(NaN);
  const place = new Int32Array(n).fill(-1);
  if (!grid.items.length) return { km, place };
  const { x0, y0, cw, ch, cols, rows, cellStart, items, lon, lat } = grid;
  for (let o = 0; o < n; o++) {
    const x = originLon[o];
    const y = originLat[o];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    // The origin's cell, which may lie outside the grid (negative or past the last column).
    const cx = Math.floor((x - x0) / cw);
    const cy = Math.floor((y - y0) / ch);
    // A place k or more rings out differs by at least (k-1) cells in lon or lat; the lon gap is
    // shortest at the highest latitude involved. 0.99 covers haversine falling short of R·cos φ·Δλ
    // by a relative Δλ²/24 (under 1 % for gaps below 28°).
    const cosLat = Math.min(grid.cosMax, Math.cos(Math.min(89, Math.abs(y) + 1) * RAD));
    const ringKm = 0.99 * EARTH_RADIUS_KM * RAD * Math.min(ch, cw * cosLat);
    let best = Infinity;
    let bestI = -1;
    const maxK = Math.max(Math.abs(cx), Math.abs(cx - cols + 1), Math.abs(cy), Math.abs(cy - rows + 1)) + 1;
    for (let k = 0; k <= maxK; k++) {
      if (k > 0 && (k - 1) * ringKm > best) break;
      for (let gy = cy - k; gy <= cy + k; gy++) {
        if (gy < 0 || gy >= rows) continue;
        const edge = gy === cy - k || gy === cy + k;
        for (let gx = cx - k; gx <= cx + k; gx += edge ? 1 : 2 * k) {
          if (gx >= 0 && gx < cols) {
            const c = gy * cols + gx;
            for (let t = cellStart[c]; t < cellStart[c + 1]; t++) {
              const i = items[t];
              const d = haversineKm(x, y, lon[i], lat[i]);
              if (d < best) [best, bestI] = [d, i];
            }
          }
          if (k === 0) break;
        }
      }
    }
    km[o] = best;
    place[o] = bestI;
  }
  return { km, place };
}
