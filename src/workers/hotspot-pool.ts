/**
 * Hotspot statistics off the main thread, split across two workers.
 *
 *   import { runHotspots } from '../workers/hotspot-pool';
 *   import { reclassify } from '../analysis/stats/hotspots';
 *
 *   const controller = new AbortController();
 *   const result = await runHotspots(
 *     { stat: 'gistar', x, weights, permutations: 999, seed: 42, correction: 'fdr', alpha: 0.05 },
 *     { onProgress: (fraction) => showProgress(fraction), signal: controller.signal },
 *   );
 *   controller.abort();                                           // cancel: rejects with an AbortError
 *   const strict = reclassify(result, { correction: 'bonferroni' }); // new correction/α: no re-run
 *
 * `request` is a HotspotRequest and `result` a HotspotResult (src/analysis/stats/hotspots.ts): per-area
 * statistic, analytical z, pseudo p, adjusted p, significance flag and cluster class codes, plus
 * counts under each correction, whether Bonferroni is reachable, and warnings. Bad requests reject
 * before any worker starts, with a message naming the option.
 *
 * The statistic is prepared on the main thread (validation, analytical values: milliseconds); each
 * worker gets its own copy of the permutation kernel and link table, transferred (the caller's arrays
 * stay usable), and sends its counts back as transferred buffers. Runs are queued: one run at a time
 * uses both workers. Results are identical to computeHotspots in one thread for the same seed.
 */
import { finishHotspots, prepareHotspots, type HotspotResult } from '../analysis/stats/hotspots';
import type { HotspotRequest } from '../analysis/stats/hotspot-request';
import { streamsFor } from '../analysis/stats/permutation-engine';
import { mergeParts, splitShares, type PermutationPart } from '../analysis/stats/permutation-part';
import { jobTransfer, makeJob, type HotspotJob, type HotspotReply } from './hotspot-messages';

/** The part of the Worker interface the pool uses (so node tests can pass an in-process stand-in). */
export interface WorkerLike {
  postMessage(message: HotspotJob, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: { data: HotspotReply }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

export interface RunOptions {
  /** Fraction done, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface PoolOptions {
  size?: number;
  createWorker?: () => WorkerLike;
}

const defaultWorker = (): WorkerLike => new Worker(new URL('./hotspot.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;

export class HotspotPool {
  private workers: WorkerLike[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private nextJob = 1;
  readonly size: number;
  private readonly create: () => WorkerLike;

  constructor(opts: PoolOptions = {}) {
    this.size = opts.size ?? 2;
    this.create = opts.createWorker ?? defaultWorker;
  }

  run(request: HotspotRequest, opts: RunOptions = {}): Promise<HotspotResult> {
    const run = this.queue.then(() => this.runNow(request, opts));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops all workers; the next run starts fresh ones. */
  dispose(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }

  private async runNow(request: HotspotRequest, opts: RunOptions): Promise<HotspotResult> {
    if (opts.signal?.aborted) throw abortError();
    const prep = prepareHotspots(request);
    const n = prep.weights.n;
    const shares = splitShares(n, streamsFor(prep.weights, prep.request.permutations), this.size);
    while (this.workers.length < shares.length) this.workers.push(this.create());
    const job = this.nextJob++;
    const progress = shares.map(() => 0);
    const parts = await new Promise<PermutationPart[]>((resolve, reject) => {
      const got: PermutationPart[] = [];
      const fail = (e: Error) => {
        this.dispose();
        opts.signal?.removeEventListener('abort', onAbort);
        reject(e);
      };
      const onAbort = () => fail(abortError());
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      shares.forEach((share, s) => {
        const worker = this.workers[s];
        worker.onerror = (e) => fail(new Error(`hotspot worker failed: ${e.message ?? 'unknown error'}`));
        worker.onmessage = ({ data }) => {
          if (data.job !== job) return;
          if (data.type === 'error') fail(new Error(data.message));
          else if (data.type === 'progress') {
            progress[s] = data.total > 0 ? data.done / data.total : 0;
            opts.onProgress?.(progress.reduce((a, b) => a + b, 0) / shares.length);
          } else {
            got.push(data.part);
            if (got.length === shares.length) {
              opts.signal?.removeEventListener('abort', onAbort);
              resolve(got);
            }
          }
        };
        const message = makeJob(job, prep.kernel, prep.weights, prep.request.permutations, prep.request.seed, share);
        worker.postMessage(message, jobTransfer(message));
      });
    });
    return finishHotspots(prep, mergeParts(parts, n));
  }
}

function abortError(): Error {
  return new DOMException('Hotspot run cancelled', 'AbortError');
}

let shared: HotspotPool | undefined;

/** Runs on a shared pool of two workers, created on first use. */
export function runHotspots(request: HotspotRequest, opts: RunOptions = {}): Promise<HotspotResult> {
  shared ??= new HotspotPool();
  return shared.run(request, opts);
}
