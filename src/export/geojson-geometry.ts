/**
 * Makes an area's polygon RFC 7946-clean: 2D lon/lat rounded to 6 decimals (~0.1 m, RFC 7946 §11.2
 * on precision), consecutive duplicates that rounding creates removed, rings closed, exterior rings
 * counter-clockwise and holes clockwise (§3.1.6 right-hand rule). Rings that collapse (fewer than
 * four positions or zero area) are dropped rather than written invalid; a polygon whose exterior
 * collapses is dropped with its holes.
 *
 * Every geometry comes out as a MultiPolygon: with Polygons and MultiPolygons mixed, GDAL reports the
 * layer's geometry type as "Unknown" and QGIS asks the user to pick a sub-layer per type; all-Multi
 * opens as one polygon layer.
 */
import type { AreaGeometry, Position } from './types';

export type Ring = [number, number][];
export type PolygonCoords = Ring[];
export type OutputGeometry = { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

const COORDINATE_DECIMALS = 6;

/** Shoelace area in degrees²: positive when the ring runs counter-clockwise (x east, y north). */
export function ringSignedArea(ring: readonly Position[]): number {
  if (ring.length < 3) return 0;
  // Relative to the first vertex, so large absolute coordinates do not swamp small areas.
  const [x0, y0] = ring[0];
  let twice = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    twice += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  }
  return twice / 2;
}

const round = (v: number, f: number) => Math.round(v * f) / f;
// Coordinates come from files: check their shape without narrowing the declared types to any[].
const isList = (x: unknown): boolean => Array.isArray(x);

function validLonLat(p: Position): boolean {
  const [x, y] = p;
  return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90;
}

/** The cleaned ring wound as asked, or null if it is unusable. */
export function normaliseRing(ring: readonly Position[], counterClockwise: boolean, decimals = COORDINATE_DECIMALS): Ring | null {
  if (!isList(ring)) return null;
  const f = 10 ** decimals;
  const out: Ring = [];
  for (const p of ring) {
    if (!isList(p) || p.length < 2 || !validLonLat(p)) return null;
    const q: [number, number] = [round(p[0], f), round(p[1], f)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out.length === 0) return null;
  const [first, last] = [out[0], out[out.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  if (out.length < 4) return null;
  const area = ringSignedArea(out);
  if (area === 0) return null;
  if (area > 0 !== counterClockwise) out.reverse();
  return out;
}

function normalisePolygon(rings: readonly (readonly Position[])[], decimals: number): PolygonCoords | null {
  if (!isList(rings) || rings.length === 0) return null;
  const exterior = normaliseRing(rings[0], true, decimals);
  if (!exterior) return null;
  const holes = rings.slice(1).map((r) => normaliseRing(r, false, decimals)).filter((r): r is Ring => r !== null);
  return [exterior, ...holes];
}

/** Null when the geometry is missing, of another type, or collapses entirely (RFC 7946 allows a null geometry). */
export function normaliseGeometry(g: AreaGeometry | null | undefined, decimals = COORDINATE_DECIMALS): OutputGeometry | null {
  if (!g || typeof g !== 'object') return null;
  if (g.type === 'Polygon') {
    const p = normalisePolygon(g.coordinates, decimals);
    return p && { type: 'MultiPolygon', coordinates: [p] };
  }
  if (g.type === 'MultiPolygon' && isList(g.coordinates)) {
    const ps = g.coordinates.map((p) => normalisePolygon(p, decimals)).filter((p): p is PolygonCoords => p !== null);
    return ps.length ? { type: 'MultiPolygon', coordinates: ps } : null;
  }
  return null;
}

/** [west, south, east, north] over the output coordinates, or null when there are none. */
export function geometryBbox(geometries: readonly (OutputGeometry | null)[]): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) {
    for (const poly of g?.coordinates ?? []) {
      for (const [x, y] of poly[0]) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
    }
  }
  return w <= e ? [w, s, e, n] : null;
}
