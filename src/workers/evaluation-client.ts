/**
 * Evaluations off the main thread: one worker, one run at a time; a new run or a cancel stops the
 * one in progress (by terminating the worker; the next run starts a fresh one).
 *
 *   const controller = new AbortController();
 *   const result = await runEvaluationInWorker(input, { onProgress: (f, stage) => show(f, stage), signal: controller.signal });
 *   controller.abort();   // cancel: rejects with an AbortError
 */
import type { EvaluationInput, EvaluationResult } from '../analysis/evaluation/run-evaluation';
import type { EvaluationJob, EvaluationReply } from './evaluation-messages';

/** The part of the Worker interface the client uses (node tests pass an in-process stand-in). */
export interface EvaluationWorkerLike {
  postMessage(message: EvaluationJob): void;
  terminate(): void;
  onmessage: ((e: { data: EvaluationReply }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

export interface EvaluationRunOptions {
  onProgress?: (fraction: number, stage: string) => void;
  signal?: AbortSignal;
}

const defaultWorker = (): EvaluationWorkerLike => new Worker(new URL('./evaluation.worker.ts', import.meta.url), { type: 'module' }) as unknown as EvaluationWorkerLike;

export class EvaluationClient {
  private worker: EvaluationWorkerLike | null = null;
  private nextJob = 1;
  private stopCurrent: (() => void) | null = null;

  constructor(private readonly create: () => EvaluationWorkerLike = defaultWorker) {}

  run(input: EvaluationInput, opts: EvaluationRunOptions = {}): Promise<EvaluationResult> {
    this.stopCurrent?.();
    return new Promise((resolve, reject) => {
      if (opts.signal?.aborted) return reject(abortError());
      const job = this.nextJob++;
      const worker = (this.worker ??= this.create());
      const finish = () => {
        opts.signal?.removeEventListener('abort', onAbort);
        if (this.stopCurrent === stop) this.stopCurrent = null;
      };
      const stop = () => {
        finish();
        this.dispose();
        reject(abortError());
      };
      const onAbort = () => stop();
      this.stopCurrent = stop;
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      worker.onerror = (e) => {
        finish();
        this.dispose();
        reject(new Error(`the evaluation worker failed: ${e.message ?? 'unknown error'}`));
      };
      worker.onmessage = ({ data }) => {
        if (data.job !== job) return;
        if (data.type === 'progress') opts.onProgress?.(data.fraction, data.stage);
        else if (data.type === 'done') {
          finish();
          resolve(data.result);
        } else {
          finish();
          reject(new Error(data.message));
        }
      };
      worker.postMessage({ type: 'run', job, input });
    });
  }

  /** Stops the worker; the next run starts a fresh one. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

function abortError(): Error {
  return new DOMException('Evaluation cancelled', 'AbortError');
}

let shared: EvaluationClient | undefined;

export function runEvaluationInWorker(input: EvaluationInput, opts: EvaluationRunOptions = {}): Promise<EvaluationResult> {
  shared ??= new EvaluationClient();
  return shared.run(input, opts);
}
