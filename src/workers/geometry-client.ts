/** Main-thread side of the geometry worker: one request → one promise, with progress callbacks. */

export interface LoadedGeometry {
  polygons: BinaryPolygons;
  index: AreaIndex;
  mesh: MeshChunk[] | null;
}
import type { AreaIndex } from '../geo/area-index';
import type { BinaryPolygons, MeshChunk } from '../geo/topology-binary';
import type { GeometryRequest, GeometryResponse } from './geometry-messages';

type Pending = { resolve: (v: LoadedGeometry) => void; reject: (e: Error) => void; onProgress?: (p: GeometryResponse & { type: 'progress' }) => void };

export class GeometryClient {
  private worker = new Worker(new URL('./geometry.worker.ts', import.meta.url), { type: 'module' });
  private pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker.onmessage = (e: MessageEvent<GeometryResponse>) => {
      const m = e.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m);
      else {
        this.pending.delete(m.id);
        if (m.type === 'done') p.resolve({ polygons: m.polygons, index: m.index, mesh: m.mesh });
        else p.reject(new Error(m.message));
      }
    };
  }

  load(req: Omit<GeometryRequest, 'id'>, onProgress?: Pending['onProgress']): Promise<LoadedGeometry> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...req, id } satisfies GeometryRequest);
    });
  }
}
