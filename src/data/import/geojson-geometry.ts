/**
 * Checks that a feature's geometry is a usable boundary (Polygon or MultiPolygon with proper rings),
 * and rewrites its positions (reprojection, closing rings) without touching anything else.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Bbox } from './geojson-crs';

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring)) return 'has a ring that is not a list of positions';
  if (!ring.every(isPosition)) return 'has a position that is not a pair of numbers';
  if (ring.length < 4) return `has a ring of only ${ring.length} positions (a closed ring needs at least 4)`;
  return null;
}

function polygonProblem(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'has a polygon without rings';
  for (const r of rings) {
    const p = ringProblem(r);
    if (p) return p;
  }
  return null;
}

/** Why this geometry cannot be a boundary, or null when it can. */
export function geometryProblem(g: unknown): string | null {
  if (g == null || typeof g !== 'object') return 'has no geometry';
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return polygonProblem(coordinates);
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return 'is a MultiPolygon without polygons';
    for (const poly of coordinates) {
      const p = polygonProblem(poly);
      if (p) return p;
    }
    return null;
  }
  return typeof type === 'string' ? `is a ${type}, not a Polygon or MultiPolygon` : 'has a geometry without a type';
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Positions in the geometry (a usable one: see geometryProblem). */
export function positionCount(g: Polygon | MultiPolygon): number {
  let n = 0;
  for (const ring of ringsOf(g)) n += ring.length;
  return n;
}

export function extendBbox(b: Bbox, g: Polygon | MultiPolygon): void {
  for (const ring of ringsOf(g)) {
    for (const [x, y] of ring) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
}

/**
 * Converts every position and closes rings whose last position differs from the first (many tools
 * write them open). Returns how many rings had to be closed.
 */
export function rewritePositions(g: Polygon | MultiPolygon, convert: (p: Position) => Position): number {
  let closed = 0;
  const fixRing = (ring: Position[]): Position[] => {
    const out = ring.map(convert);
    const [a, z] = [out[0], out[out.length - 1]];
    if (a[0] !== z[0] || a[1] !== z[1]) {
      out.push([a[0], a[1]]);
      closed++;
    }
    return out;
  };
  if (g.type === 'Polygon') g.coordinates = g.coordinates.map(fixRing);
  else g.coordinates = g.coordinates.map((poly) => poly.map(fixRing));
  return closed;
}
