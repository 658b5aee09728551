/**
 * Everything the atlas needs from a user level's topology, computed once (in the import worker):
 * GPU-ready polygons, outlines, the picking index, queen/rook contiguity for hotspot weights, and
 * per-area label points and bounding boxes for the areas table.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildAreaIndex, type AreaIndex } from './area-index';
import { labelPoint } from './label-point';
import { topologyMesh, topologyToBinary, type BinaryPolygons, type MeshChunk } from './topology-binary';
import { topologyContiguity, type Contiguity } from './topology-neighbours';

export interface UserLevelGeometry {
  polygons: BinaryPolygons;
  index: AreaIndex;
  mesh: MeshChunk[];
  contiguity: Contiguity;
  /** Names in area order (the topology's `name` property). */
  names: string[];
  /** Label points (lon, lat) per area; the boxes are `index.boxes`. */
  points: Float64Array;
}

export function userLevelGeometry(topology: Topology, objectName: string): UserLevelGeometry {
  const polygons = topologyToBinary(topology, objectName);
  const coll = topology.objects[objectName] as GeometryCollection;
  const names = coll.geometries.map((g) => {
    const props: { name?: unknown } | undefined = g.properties;
    const name = props?.name;
    return typeof name === 'string' ? name : String(g.id);
  });
  const points = new Float64Array(polygons.ids.length * 2);
  for (let i = 0; i < polygons.ids.length; i++) points.set(labelPoint(polygons, i), 2 * i);
  return {
    polygons, index: buildAreaIndex(polygons, 64, 64), mesh: topologyMesh(topology, objectName, 4),
    contiguity: topologyContiguity(topology, objectName), names, points,
  };
}

/** Buffers of a UserLevelGeometry to transfer (not copy) from the worker. */
export function userLevelTransfer(g: UserLevelGeometry): ArrayBuffer[] {
  const { polygons: p, index: x } = g;
  const list = [p.positions, p.startIndices, p.indices, p.ringStarts, p.areaRings, x.cellStart, x.items, x.boxes, g.points];
  for (const c of g.mesh) list.push(c.lines.positions, c.lines.startIndices);
  return list.map((a) => a.buffer as ArrayBuffer);
}
