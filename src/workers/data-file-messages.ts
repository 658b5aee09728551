/** Messages between the app and the data-file worker (download, inflate and decode of data files). */
import type { AreaIndex } from '../geo/area-index';
import type { BinaryPolygons, MeshChunk } from '../geo/topology-binary';

export type DataFileRequest =
  /** A level's shapes file (shapes-format.ts), or its TopoJSON when the data predates shapes files. */
  | { id: number; kind: 'shapes'; url: string; meshGrid: number }
  | { id: number; kind: 'topology'; url: string; objectName: string; meshGrid: number }
  /** A table file, returned as an Arrow IPC stream for DuckDB. */
  | { id: number; kind: 'table'; url: string }
  /** Stored query results (first-views.ts), each as an Arrow IPC stream. */
  | { id: number; kind: 'views'; url: string };

export interface LoadedShapes {
  polygons: BinaryPolygons;
  index: AreaIndex;
  mesh: MeshChunk[];
}

export type DataFileResponse =
  | { id: number; type: 'progress'; stage: 'download' | 'decode'; received: number; total: number | null }
  | { id: number; type: 'shapes'; shapes: LoadedShapes }
  | { id: number; type: 'table'; ipc: Uint8Array }
  | { id: number; type: 'views'; results: { sql: string; ipc: Uint8Array }[] }
  | { id: number; type: 'error'; message: string };
