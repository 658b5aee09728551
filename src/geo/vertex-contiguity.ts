/**
 * Contiguity from the boundary vertices of the unquantised polygons, with R spdep `poly2nb`'s
 * meaning: two areas are queen neighbours when they share at least one boundary point, rook
 * neighbours when they share at least two. poly2nb counts vertices closer than `snap`
 * (√machine-ε ≈ 1.5e-8, about 1.6 mm in degrees); boundary files published to 6 decimal places
 * (0.1 m) can only have vertices that are equal or at least 1e-6 apart, so exact equality is the
 * same test there. Building from a quantised topology instead (about 5 m steps) joins areas that
 * nearly touch and splits arcs differently, so its neighbours differ from spdep's.
 *
 * Areas can be grouped (LSOAs into wards): groups are then neighbours when their member areas share
 * the points, which is contiguity of the dissolved polygons without dissolving them. Shared points
 * are counted once each however many rings pass through them (poly2nb on a multipolygon counts the
 * repeated first point of its second and later rings twice: see test/parity/contiguity-parity.test.ts).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Contiguity } from './topology-neighbours';

export interface VertexContiguityOptions {
  /** Group index of each area (default: each area is its own group). */
  groupOf?: Int32Array;
  /** Number of groups (default: the number of areas). */
  groups?: number;
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

export function vertexContiguity(geometries: readonly (Polygon | MultiPolygon)[], opts: VertexContiguityOptions = {}): Contiguity {
  const groups = opts.groups ?? geometries.length;
  const groupOf = opts.groupOf ?? Int32Array.from(geometries, (_, i) => i);
  if (groupOf.length !== geometries.length) throw new Error(`vertexContiguity: ${groupOf.length} group indices for ${geometries.length} areas`);
  // Which groups touch each point: one number while it is one group (almost every point), a list after.
  const users = new Map<string, number | number[]>();
  geometries.forEach((geometry, i) => {
    const g = groupOf[i];
    if (!(g >= 0 && g < groups)) throw new Error(`vertexContiguity: area ${i} has group ${g}, outside 0..${groups - 1}`);
    for (const ring of ringsOf(geometry)) {
      for (const [x, y] of ring) {
        const key = `${x},${y}`;
        const seen = users.get(key);
        if (seen === undefined) users.set(key, g);
        else if (typeof seen === 'number') {
          if (seen !== g) users.set(key, [seen, g]);
        } else if (!seen.includes(g)) seen.push(g);
      }
    }
  });
  // Distinct shared points per pair of groups (a < b), keyed a * groups + b.
  const shared = new Map<number, number>();
  for (const u of users.values()) {
    if (typeof u === 'number') continue;
    for (let s = 0; s < u.length; s++) {
      for (let t = s + 1; t < u.length; t++) {
        const key = Math.min(u[s], u[t]) * groups + Math.max(u[s], u[t]);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const queen = Array.from({ length: groups }, () => [] as number[]);
  const rook = Array.from({ length: groups }, () => [] as number[]);
  for (const [key, points] of shared) {
    const a = Math.floor(key / groups);
    const b = key - a * groups;
    queen[a].push(b);
    queen[b].push(a);
    if (points >= 2) {
      rook[a].push(b);
      rook[b].push(a);
    }
  }
  const sort = (lists: number[][]) => lists.map((l) => l.sort((p, q) => p - q));
  return { queen: sort(queen), rook: sort(rook) };
}
