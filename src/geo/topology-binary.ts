/**
 * TopoJSON → flat buffers that deck.gl draws without any further work: one vertex array for all
 * areas, per-area vertex offsets, and triangle indices from earcut. Done once per level in a worker;
 * recolouring later only rewrites a colour attribute, never this geometry.
 */
import earcut from 'earcut';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { meshFromArcs } from './arc-mesh';

export interface BinaryPolygons {
  ids: string[];
  /** x, y (lon, lat) pairs of every ring of every area, rings not closed. */
  positions: Float32Array;
  /** Vertex offset of each area; length ids.length + 1. */
  startIndices: Uint32Array;
  /** Triangles (vertex indices into positions). */
  indices: Uint32Array;
  /** Vertex offset of every ring (all areas); length rings + 1. Used to outline one area. */
  ringStarts: Uint32Array;
  /** First ring of each area; length ids.length + 1. */
  areaRings: Uint32Array;
}

export interface BinaryLines {
  positions: Float32Array;
  /** Vertex offset of each line; length lines + 1. */
  startIndices: Uint32Array;
}

/** Arcs with absolute coordinates (undoing quantisation and delta encoding). */
export function decodeArcs(topo: Topology): Float64Array[] {
  const t = topo.transform;
  return topo.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    let x = 0;
    let y = 0;
    for (let i = 0; i < arc.length; i++) {
      if (t) {
        x += arc[i][0];
        y += arc[i][1];
        out[2 * i] = x * t.scale[0] + t.translate[0];
        out[2 * i + 1] = y * t.scale[1] + t.translate[1];
      } else {
        out[2 * i] = arc[i][0];
        out[2 * i + 1] = arc[i][1];
      }
    }
    return out;
  });
}

/** A ring's coordinates from its arc references (negative = reversed), without the closing point. */
export function ringCoords(arcs: Float64Array[], refs: number[]): number[] {
  const out: number[] = [];
  for (const ref of refs) {
    const a = arcs[ref < 0 ? ~ref : ref];
    const n = a.length / 2;
    // Consecutive arcs share their joining point: skip the first point of every arc.
    for (let k = 1; k < n; k++) {
      const j = ref < 0 ? n - 1 - k : k;
      out.push(a[2 * j], a[2 * j + 1]);
    }
  }
  return out;
}

export function polygonsOf(g: GeometryObject): number[][][] {
  if (g.type === 'Polygon') return [g.arcs];
  if (g.type === 'MultiPolygon') return g.arcs;
  return [];
}

export function topologyToBinary(topo: Topology, objectName: string): BinaryPolygons {
  const coll = topo.objects[objectName] as GeometryCollection;
  if (!coll || coll.type !== 'GeometryCollection') throw new Error(`topology has no "${objectName}" collection`);
  const arcs = decodeArcs(topo);
  const positions: number[] = [];
  const indices: number[] = [];
  const startIndices = new Uint32Array(coll.geometries.length + 1);
  const areaRings = new Uint32Array(coll.geometries.length + 1);
  const ringStarts: number[] = [0];
  coll.geometries.forEach((g, i) => {
    for (const polygon of polygonsOf(g)) {
      const flat: number[] = [];
      const holes: number[] = [];
      const offset = positions.length / 2;
      polygon.forEach((ring, r) => {
        if (r > 0) holes.push(flat.length / 2);
        const coords = ringCoords(arcs, ring);
        for (const c of coords) flat.push(c);
        ringStarts.push(offset + flat.length / 2);
      });
      for (const t of earcut(flat, holes.length ? holes : undefined, 2)) indices.push(t + offset);
      for (const c of flat) positions.push(c);
    }
    startIndices[i + 1] = positions.length / 2;
    areaRings[i + 1] = ringStarts.length - 1;
  });
  return {
    ids: coll.geometries.map((g) => String(g.id)),
    positions: new Float32Array(positions),
    startIndices,
    indices: new Uint32Array(indices),
    ringStarts: new Uint32Array(ringStarts),
    areaRings,
  };
}

/** The rings of one area as closed line strips (for a selection outline). */
export function areaOutline(b: BinaryPolygons, index: number): number[][][] {
  const out: number[][][] = [];
  for (let r = b.areaRings[index]; r < b.areaRings[index + 1]; r++) {
    const ring: number[][] = [];
    for (let v = b.ringStarts[r]; v < b.ringStarts[r + 1]; v++) ring.push([b.positions[2 * v], b.positions[2 * v + 1]]);
    if (ring.length) ring.push(ring[0]);
    out.push(ring);
  }
  return out;
}

export interface MeshChunk {
  bbox: [number, number, number, number];
  lines: BinaryLines;
}

/** Every arc of the object drawn once, as line strips in grid × grid chunks (see arc-mesh.ts). */
export function topologyMesh(topo: Topology, objectName: string, grid = 1): MeshChunk[] {
  const coll = topo.objects[objectName] as GeometryCollection;
  const used = new Set<number>();
  for (const g of coll.geometries) for (const p of polygonsOf(g)) for (const ring of p) for (const a of ring) used.add(a < 0 ? ~a : a);
  const arcs = decodeArcs(topo);
  const arcStart = new Uint32Array(arcs.length + 1);
  arcs.forEach((a, i) => (arcStart[i + 1] = arcStart[i] + a.length / 2));
  const coords = new Float64Array(2 * arcStart[arcs.length]);
  arcs.forEach((a, i) => coords.set(a, 2 * arcStart[i]));
  return meshFromArcs(coords, arcStart, [...used].sort((a, b) => a - b), grid);
}
