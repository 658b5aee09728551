/** Messages between the app and the geometry worker (TopoJSON download, decode and triangulation). */
import type { AreaIndex } from '../geo/area-index';
import type { BinaryPolygons, MeshChunk } from '../geo/topology-binary';

export interface GeometryRequest {
  id: number;
  url: string;
  objectName: string;
  /** Also return every arc once as line strips (for outlines), in grid × grid chunks. */
  mesh: boolean;
  meshGrid: number;
}

export type GeometryResponse =
  | { id: number; type: 'progress'; stage: 'download' | 'decode'; received?: number; total?: number | null }
  | { id: number; type: 'done'; polygons: BinaryPolygons; index: AreaIndex; mesh: MeshChunk[] | null }
  | { id: number; type: 'error'; message: string };
