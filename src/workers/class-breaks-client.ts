/**
 * Main-thread side of the class-breaks worker. At most one job runs at a time and only the newest
 * waiting request is kept: while a weight slider moves, the map catches up with the latest weights
 * every job (~100 ms) instead of working through a backlog of stale ones.
 */
import type { BreakSpec } from '../analysis/combine/class-breaks';
import type { ClassBreaksReply, ClassBreaksRequest } from './class-breaks-messages';

interface Job {
  values: Float64Array;
  region: Uint8Array | null;
  spec: BreakSpec;
  resolve(breaks: number[] | null): void;
  reject(e: Error): void;
}

class ClassBreaksClient {
  private worker: Worker | null = null;
  private running: (Job & { id: number }) | null = null;
  private waiting: Job | null = null;
  private nextId = 1;

  /** Resolves with the breaks, or with null when a newer request replaced this one before it ran. */
  breaks(values: Float64Array, region: Uint8Array | null, spec: BreakSpec): Promise<number[] | null> {
    return new Promise((resolve, reject) => {
      this.waiting?.resolve(null);
      this.waiting = { values, region, spec, resolve, reject };
      this.pump();
    });
  }

  private pump() {
    if (this.running || !this.waiting) return;
    const job = { ...this.waiting, id: this.nextId++ };
    this.waiting = null;
    this.running = job;
    if (!this.worker) {
      this.worker = new Worker(new URL('./class-breaks.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<ClassBreaksReply>) => this.finish(e.data);
      this.worker.onerror = (e) => this.finish({ id: this.running?.id ?? 0, type: 'error', message: e.message || 'the class-breaks worker failed' });
    }
    // Copies, not transfers: the caller keeps drawing with its arrays.
    this.worker.postMessage({ id: job.id, values: job.values, region: job.region, spec: job.spec } satisfies ClassBreaksRequest);
  }

  private finish(m: ClassBreaksReply) {
    const job = this.running;
    if (!job || job.id !== m.id) return;
    this.running = null;
    if (m.type === 'done') job.resolve(m.breaks);
    else job.reject(new Error(m.message));
    this.pump();
  }
}

let shared: ClassBreaksClient | null = null;
export const classBreaksClient = () => (shared ??= new ClassBreaksClient());
