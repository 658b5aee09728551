/** Main-thread side of a data-file worker: one request → one promise, with download progress. */
import { noteUsed } from '../lib/used-urls';
import type { DataFileRequest, DataFileResponse, LoadedShapes } from './data-file-messages';

type Progress = (p: { stage: 'download' | 'decode'; received: number; total: number | null }) => void;
type Pending = { resolve: (m: DataFileResponse) => void; reject: (e: Error) => void; onProgress?: Progress };
type Request = DataFileRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class DataFileClient {
  // Written out in full: Vite only bundles a worker from this exact `new Worker(new URL(...))` form.
  private worker = new Worker(new URL('./data-file.worker.ts', import.meta.url), { type: 'module' });
  private pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker.onmessage = (e: MessageEvent<DataFileResponse>) => {
      const m = e.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') return p.onProgress?.(m);
      this.pending.delete(m.id);
      if (m.type === 'error') p.reject(new Error(m.message));
      else p.resolve(m);
    };
  }

  private send(req: Request, onProgress?: Progress): Promise<DataFileResponse> {
    const id = this.nextId++;
    noteUsed(req.url);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...req, id });
    });
  }

  async shapes(req: Extract<Request, { kind: 'shapes' | 'topology' }>, onProgress?: Progress): Promise<LoadedShapes> {
    const m = await this.send(req, onProgress);
    if (m.type !== 'shapes') throw new Error(`unexpected ${m.type} answer for shapes`);
    return m.shapes;
  }

  async table(url: string, onProgress?: Progress): Promise<Uint8Array> {
    const m = await this.send({ kind: 'table', url }, onProgress);
    if (m.type !== 'table') throw new Error(`unexpected ${m.type} answer for a table`);
    return m.ipc;
  }

  async views(url: string): Promise<{ sql: string; ipc: Uint8Array }[]> {
    const m = await this.send({ kind: 'views', url });
    if (m.type !== 'views') throw new Error(`unexpected ${m.type} answer for stored views`);
    return m.results;
  }
}
