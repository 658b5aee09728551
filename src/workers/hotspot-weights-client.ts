/**
 * Spatial weights built off the main thread.
 *
 *   const { weights, info } = await buildHotspotWeights(
 *     { source: { kind: 'knn', k: 8 }, ids, lon, lat, keep, style: 'W', islands: 'flag' }, { signal });
 *
 * One worker, jobs in order. Cancelling rejects at once with an AbortError but lets the worker finish
 * its job (a second at most), so the GAL files it has parsed stay cached for the next job.
 */
import type { SpatialWeights } from '../analysis/weights/spatial-weights';
import type { WeightsInfo, WeightsJob, WeightsReply } from './hotspot-weights-messages';

export interface WeightsWorkerLike {
  postMessage(message: WeightsJob, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: { data: WeightsReply }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

export type WeightsRequest = Omit<WeightsJob, 'type' | 'job'>;

export interface BuiltWeights {
  weights: SpatialWeights;
  info: WeightsInfo;
}

const defaultWorker = (): WeightsWorkerLike =>
  new Worker(new URL('./hotspot-weights.worker.ts', import.meta.url), { type: 'module' }) as unknown as WeightsWorkerLike;

export class HotspotWeightsClient {
  private worker: WeightsWorkerLike | null = null;
  private nextJob = 1;
  private pending = new Map<number, { resolve(b: BuiltWeights): void; reject(e: Error): void }>();

  constructor(private readonly create: () => WeightsWorkerLike = defaultWorker) {}

  build(request: WeightsRequest, opts: { signal?: AbortSignal } = {}): Promise<BuiltWeights> {
    if (opts.signal?.aborted) return Promise.reject(abortError());
    const worker = this.ensureWorker();
    const job = this.nextJob++;
    return new Promise<BuiltWeights>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(job);
        reject(abortError());
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => opts.signal?.removeEventListener('abort', onAbort);
      this.pending.set(job, { resolve: (b) => (done(), resolve(b)), reject: (e) => (done(), reject(e)) });
      // Copies of the points, so the caller's arrays survive the transfer.
      const message: WeightsJob = { ...request, type: 'weights', job, lon: request.lon.slice(), lat: request.lat.slice(), keep: request.keep?.slice() ?? null };
      worker.postMessage(message, [message.lon.buffer, message.lat.buffer, ...(message.keep ? [message.keep.buffer] : [])] as ArrayBuffer[]);
    });
  }

  dispose(reason = 'weights worker stopped'): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }

  private ensureWorker(): WeightsWorkerLike {
    if (this.worker) return this.worker;
    const w = this.create();
    w.onmessage = ({ data }) => {
      const p = this.pending.get(data.job);
      if (!p) return; // cancelled: nobody is waiting any more
      this.pending.delete(data.job);
      if (data.type === 'error') p.reject(new Error(data.message));
      else p.resolve({ weights: data.weights, info: data.info });
    };
    w.onerror = (e) => this.dispose(`weights worker failed: ${e.message ?? 'unknown error'}`);
    this.worker = w;
    return w;
  }
}

function abortError(): Error {
  return new DOMException('Building weights cancelled', 'AbortError');
}

let shared: HotspotWeightsClient | undefined;

export function buildHotspotWeights(request: WeightsRequest, opts: { signal?: AbortSignal } = {}): Promise<BuiltWeights> {
  shared ??= new HotspotWeightsClient();
  return shared.build(request, opts);
}
