/** Messages between the app and the geometry worker (TopoJSON download, decode and triangulation). */
import type { BinaryLines, BinaryPolygons } from '../geo/topology-binary';

export interface GeometryRequest {
  id: number;
  url: string;
  objectName: string;
  /** Also return every arc once as line strips (for outlines). */
  mesh: boolean;
}

export type GeometryResponse =
  | { id: number; type: 'progress'; stage: 'download' | 'decode'; received?: number; total?: number | null }
  | { id: number; type: 'done'; polygons: BinaryPolygons; mesh: BinaryLines | null }
  | { id: number; type: 'error'; message: string };
