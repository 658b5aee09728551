/**
 * Contiguity from a TopoJSON topology, with no geometry crunching: areas that share an arc are rook
 * neighbours; areas that share an arc end point (a junction, where topology building cuts arcs) are
 * queen neighbours. Topology building cuts arcs wherever two rings meet, so a corner-only touch is
 * always an arc end point.
 */
import type { GeometryObject, Topology } from 'topojson-specification';

export interface Contiguity {
  rook: number[][];
  queen: number[][];
}

function ringsOf(g: GeometryObject<GeoJSON.GeoJsonProperties>): number[][][] {
  if (g.type === 'Polygon') return [g.arcs];
  if (g.type === 'MultiPolygon') return g.arcs;
  return [];
}

/** Absolute integer (or raw) coordinates of an arc's first and last points. */
function arcEnds(topology: Topology, arcIndex: number): [string, string] {
  const arc = topology.arcs[arcIndex];
  const first = arc[0];
  if (!topology.transform) {
    const last = arc[arc.length - 1];
    return [`${first[0]},${first[1]}`, `${last[0]},${last[1]}`];
  }
  // Quantised arcs are delta-encoded: the last point is the running sum.
  let x = 0;
  let y = 0;
  for (const p of arc) {
    x += p[0];
    y += p[1];
  }
  return [`${first[0]},${first[1]}`, `${x},${y}`];
}

export function topologyContiguity(topology: Topology, objectName: string): Contiguity {
  const obj = topology.objects[objectName];
  if (!obj || obj.type !== 'GeometryCollection') throw new Error(`topology has no geometry collection "${objectName}"`);
  const geoms = obj.geometries;
  const arcUsers = new Map<number, number[]>();
  const pointUsers = new Map<string, number[]>();
  const add = <K>(m: Map<K, number[]>, k: K, i: number) => {
    const list = m.get(k);
    if (!list) m.set(k, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  geoms.forEach((g, i) => {
    for (const polygon of ringsOf(g)) {
      for (const ring of polygon) {
        for (const a of ring) {
          const idx = a < 0 ? ~a : a;
          add(arcUsers, idx, i);
          const [p, q] = arcEnds(topology, idx);
          add(pointUsers, p, i);
          add(pointUsers, q, i);
        }
      }
    }
  });
  const collect = (m: Map<unknown, number[]>) => {
    const sets = geoms.map(() => new Set<number>());
    for (const users of m.values()) {
      if (users.length < 2) continue;
      for (const a of users) for (const b of users) if (a !== b) sets[a].add(b);
    }
    return sets.map((s) => [...s].sort((a, b) => a - b));
  };
  return { rook: collect(arcUsers), queen: collect(pointUsers) };
}
