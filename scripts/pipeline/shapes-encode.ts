/**
 * Writes a level's shapes file (format: src/geo/shapes-format.ts) from its quantised TopoJSON. The
 * triangles are earcut's, run on exactly the coordinates the old in-browser path used, so the
 * decoded buffers equal topologyToBinary's (the round-trip test checks every array).
 */
import earcut from 'earcut';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { writeSectionFile } from '../../src/lib/section-file';
import { VarintWriter } from '../../src/lib/varint';
import { SHAPES_MAGIC, type ShapesHeader } from '../../src/geo/shapes-format';
import { decodeArcs, polygonsOf, ringCoords } from '../../src/geo/topology-binary';

export function encodeShapes(topo: Topology, objectName: string): Uint8Array {
  const coll = topo.objects[objectName] as GeometryCollection;
  if (!coll || coll.type !== 'GeometryCollection') throw new Error(`topology has no "${objectName}" collection`);
  if (!topo.transform) throw new Error(`topology ${objectName} is not quantised: the shapes file stores grid steps`);
  const enc = new TextEncoder();
  const counts = { areas: coll.geometries.length, arcs: topo.arcs.length, points: 0, polygons: 0, rings: 0, vertices: 0, triangles: 0 };

  const ids = new VarintWriter();
  let prev = new Uint8Array(0);
  for (const g of coll.geometries) {
    const b = enc.encode(String(g.id));
    let k = 0;
    while (k < b.length && k < prev.length && b[k] === prev[k]) k++;
    ids.uint(k);
    ids.uint(b.length - k);
    ids.bytes(b.subarray(k));
    prev = b;
  }

  const arcLengths = new VarintWriter();
  const arcPoints = new VarintWriter();
  let [lx, ly] = [0, 0];
  for (const arc of topo.arcs) {
    arcLengths.uint(arc.length);
    counts.points += arc.length;
    let [x, y] = [arc[0][0], arc[0][1]];
    arcPoints.int(x - lx);
    arcPoints.int(y - ly);
    for (let i = 1; i < arc.length; i++) {
      arcPoints.int(arc[i][0]);
      arcPoints.int(arc[i][1]);
      x += arc[i][0];
      y += arc[i][1];
    }
    [lx, ly] = [x, y];
  }

  const structure = new VarintWriter();
  const refs = new VarintWriter();
  const triangles = new VarintWriter();
  const arcs = decodeArcs(topo);
  let next = 0;
  for (const g of coll.geometries) {
    const polygons = polygonsOf(g);
    structure.uint(polygons.length);
    for (const polygon of polygons) {
      counts.polygons++;
      structure.uint(polygon.length);
      const flat: number[] = [];
      const holes: number[] = [];
      polygon.forEach((ring, r) => {
        counts.rings++;
        structure.uint(ring.length);
        for (const ref of ring) {
          const id = ref < 0 ? ~ref : ref;
          const step = id - next;
          refs.uint(2 * (step < 0 ? -2 * step - 1 : 2 * step) + (ref < 0 ? 1 : 0));
          if (id >= next) next = id + 1;
        }
        if (r > 0) holes.push(flat.length / 2);
        for (const c of ringCoords(arcs, ring)) flat.push(c);
      });
      const t = earcut(flat, holes.length ? holes : undefined, 2);
      counts.vertices += flat.length / 2;
      counts.triangles += t.length / 3;
      triangles.uint(t.length / 3);
      let p = 0;
      for (const v of t) {
        triangles.int(v - p);
        p = v;
      }
    }
  }
  const header: Omit<ShapesHeader, 'sections'> = {
    format: 'shapes', level: objectName, scale: [...topo.transform.scale], translate: [...topo.transform.translate], counts,
  };
  return writeSectionFile(SHAPES_MAGIC, header, {
    ids: ids.finish(), arcLengths: arcLengths.finish(), arcPoints: arcPoints.finish(), structure: structure.finish(), refs: refs.finish(), triangles: triangles.finish(),
  });
}
