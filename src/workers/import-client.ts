/**
 * Main-thread side of the import worker: one request → one promise, with progress callbacks and
 * cancellation. Failures arrive as ImportFailureError, whose message is fit to show as it is (it
 * names the file and, where it applies, the row and column).
 */
import type { BoundaryChoice } from '../data/import/boundary-topology';
import type { JoinOptions, JoinReport } from '../data/import/join-report';
import type { ReadProgress } from '../data/import/read-options';
import type { TableSummary } from '../data/import/table-summary';
import type { ImportFailure, ImportJobOptions, ImportRequest, ImportResponse } from './import-messages';

class ImportFailureError extends Error {
  readonly code: ImportFailure['code'];
  readonly sheets?: string[];
  constructor(f: ImportFailure) {
    super(f.message);
    this.code = f.code;
    this.sheets = f.sheets;
  }
}

type Reply<T extends ImportResponse['type']> = Extract<ImportResponse, { type: T }>;
type Pending = { resolve(m: ImportResponse): void; reject(e: Error): void; onProgress?: (p: ReadProgress) => void };
type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

export class ImportClient {
  private worker: Worker | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;

  /** @param referenceBase the app's data folder URL, or null when no atlas data is built */
  constructor(private readonly referenceBase: string | null) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<ImportResponse>) => {
      const m = e.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') return p.onProgress?.(m.progress);
      this.pending.delete(m.id);
      if (m.type === 'error') p.reject(new ImportFailureError(m.error));
      else if (m.type === 'cancelled') p.reject(new ImportFailureError({ code: 'cancelled', message: 'Cancelled; nothing was added to the atlas.' }));
      else p.resolve(m);
    };
    w.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new Error(`The file reader stopped unexpectedly (${e.message}). Nothing was added; try again.`));
      this.pending.clear();
    };
    return (this.worker = w);
  }

  private send<T extends ImportResponse['type']>(body: Body<ImportRequest>, onProgress?: (p: ReadProgress) => void): { id: number; done: Promise<Reply<T>> } {
    const id = this.nextId++;
    const done = new Promise<Reply<T>>((resolve, reject) => {
      this.pending.set(id, { resolve: (m) => resolve(m as Reply<T>), reject, onProgress });
    });
    this.start().postMessage({ ...body, id });
    return { id, done };
  }

  /** Reads a file; `id` is the job to cancel, and later the table to ask about. */
  read(file: Blob, name: string, options: ImportJobOptions, onProgress?: (p: ReadProgress) => void): { id: number; done: Promise<{ table: TableSummary; report: JoinReport }> } {
    return this.send<'read-done'>({ type: 'read', file, name, referenceBase: this.referenceBase, options }, onProgress);
  }

  /** Loads the app's reference code lists in the worker now (they are fetched once per worker). */
  async prepare(): Promise<void> {
    await this.send<'prepare-done'>({ type: 'prepare', referenceBase: this.referenceBase }).done;
  }

  /** Stops the worker (its tables go with it); a later request starts a new one. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new ImportFailureError({ code: 'cancelled', message: 'The file reader was closed; nothing was added to the atlas.' }));
    this.pending.clear();
  }

  cancel(job: number): void {
    this.worker?.postMessage({ id: this.nextId++, type: 'cancel', job } satisfies ImportRequest);
  }

  release(table: number): void {
    this.worker?.postMessage({ id: this.nextId++, type: 'release', table } satisfies ImportRequest);
  }

  async rejoin(table: number, options: JoinOptions): Promise<JoinReport> {
    return (await this.send<'rejoin-done'>({ type: 'rejoin', table, options }).done).report;
  }

  take(table: number, columns: string[], options: JoinOptions, placeAt?: 'lsoa21'): Promise<Reply<'take-done'>> {
    return this.send<'take-done'>({ type: 'take', table, columns, options, placeAt }).done;
  }

  boundaries(table: number, objectName: string, choice: BoundaryChoice): Promise<Reply<'level-done'>> {
    return this.send<'level-done'>({ type: 'boundaries', table, objectName, choice }).done;
  }

  topology(text: string, objectName: string): Promise<Reply<'level-done'>> {
    return this.send<'level-done'>({ type: 'topology', text, objectName }).done;
  }
}
