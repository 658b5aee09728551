/**
 * Main-thread side of the import worker: one request → one promise, with progress callbacks.
 * Failures arrive as ImportFailureError, whose message is fit to show as it is (it names the file
 * and, where it applies, the row and column).
 *
 * Cancelling a read terminates the worker, which stops a parse wherever it is (inside a JSON or
 * workbook parser too), and starts a fresh one; a worker that crashes is replaced the same way.
 * Other requests that were running are sent again to the new worker, and the tables of files
 * waiting in the mapping dialog are read again from their File when next needed, so cancelling one
 * file never loses another.
 */
import type { BoundaryChoice } from '../data/import/boundary-topology';
import type { JoinOptions, JoinReport } from '../data/import/join-report';
import type { PlacePoints } from '../data/import/place-points';
import type { RegisteredFile } from '../data/import/registered-file';
import type { ReadProgress } from '../data/import/read-options';
import type { CheckedProject } from '../data/import/read-project';
import type { TableSummary } from '../data/import/table-summary';
import type { WeightSpec } from '../data/import/user-dataset';
import type { ImportFailure, ImportJobOptions, ImportRequest, ImportResponse } from './import-messages';

export class ImportFailureError extends Error {
  readonly code: ImportFailure['code'] | 'cancelled';
  readonly sheets?: string[];
  constructor(f: { code: ImportFailure['code'] | 'cancelled'; message: string; sheets?: string[] }) {
    super(f.message);
    this.code = f.code;
    this.sheets = f.sheets;
  }
}

/** The part of a Worker the client uses (tests run the handler in-process behind the same shape). */
export interface WorkerLike {
  postMessage(m: ImportRequest): void;
  terminate(): void;
  listen(onMessage: (m: ImportResponse) => void, onCrash: (why: string | undefined) => void): void;
}

function spawnImportWorker(): WorkerLike {
  const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  return {
    postMessage: (m) => w.postMessage(m),
    terminate: () => w.terminate(),
    listen: (onMessage, onCrash) => {
      w.onmessage = (e: MessageEvent<ImportResponse>) => onMessage(e.data);
      w.onerror = (e) => onCrash(e.message);
      w.onmessageerror = () => onCrash('a message from it could not be read');
    },
  };
}

export type ReadResult =
  | { kind: 'table'; table: TableSummary; report: JoinReport }
  | { kind: 'project'; project: CheckedProject }
  | { kind: 'places'; places: PlacePoints }
  | { kind: 'registered'; registered: RegisteredFile };

type Reply<T extends ImportResponse['type']> = Extract<ImportResponse, { type: T }>;
type Body<T> = T extends unknown ? Omit<T, 'id'> : never;
interface Pending {
  /** The file (job) this request is about: cancelling the job rejects it. */
  job: number | null;
  resolve(m: ImportResponse): void;
  reject(e: Error): void;
  onProgress?: (p: ReadProgress) => void;
  /** Sends the request again (to a new worker). */
  retry(): void;
}
interface Job { file: Blob; name: string; options: ImportJobOptions }

const CANCELLED = 'Cancelled; nothing was added to the atlas.';

export class ImportClient {
  private worker: WorkerLike | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private nextJob = 1;
  /** Files read and not yet released, to read again if their worker goes. */
  private jobs = new Map<number, Job>();
  /** Jobs whose table is in the current worker. */
  private present = new Set<number>();
  private rereads = new Map<number, Promise<void>>();
  /** Workers started so far (tests and diagnostics). */
  started = 0;

  /**
   * @param referenceBase the app's data folder URL, or null when no atlas data is built
   * @param spawn starts a worker (tests pass an in-process one)
   */
  constructor(private readonly referenceBase: string | null, private readonly spawn: () => WorkerLike = spawnImportWorker) {}

  private start(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.spawn();
    this.started++;
    w.listen((m) => this.receive(w, m), (why) => this.crashed(w, why));
    return (this.worker = w);
  }

  private receive(w: WorkerLike, m: ImportResponse): void {
    if (w !== this.worker) return;
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.onProgress?.(m.progress);
    this.pending.delete(m.id);
    if (m.type === 'error') p.reject(new ImportFailureError(m.error));
    else p.resolve(m);
  }

  /** Ends the current worker; returns what was waiting on it. */
  private replace(): Pending[] {
    this.worker?.terminate();
    this.worker = null;
    this.present.clear();
    this.rereads.clear();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    return waiting;
  }

  private crashed(w: WorkerLike, why: string | undefined): void {
    if (w !== this.worker) return;
    const message = `The file reader stopped unexpectedly${why ? ` (${why})` : ''}, so nothing was added to the atlas. It has been restarted: try again (if the file is very large, with a smaller one).`;
    for (const p of this.replace()) p.reject(new ImportFailureError({ code: 'internal', message }));
  }

  /** Sends a request built by `build` (which may first bring a table back into the worker). */
  private request<T extends ImportResponse['type']>(job: number | null, build: () => Body<ImportRequest> | Promise<Body<ImportRequest>>, onProgress?: (p: ReadProgress) => void): Promise<Reply<T>> {
    return new Promise<Reply<T>>((resolve, reject) => {
      const attempt = () => {
        Promise.resolve().then(build).then((body) => {
          // the worker may have been replaced while the table was being brought back: try again
          if ('table' in body && body.type !== 'read' && !this.present.has(body.table)) return attempt();
          const id = this.nextId++;
          this.pending.set(id, { job, resolve: (m) => resolve(m as Reply<T>), reject, onProgress, retry: attempt });
          this.start().postMessage({ ...body, id });
        }, reject);
      };
      attempt();
    });
  }

  private readBody(job: number): Body<ImportRequest> {
    const j = this.jobs.get(job);
    if (!j) throw new ImportFailureError({ code: 'cancelled', message: 'This file is no longer held here; load it again.' });
    return { type: 'read', table: job, file: j.file, name: j.name, referenceBase: this.referenceBase, options: j.options };
  }

  /** The job's table key, once its table is in the current worker (read again if it was lost). */
  private async tableOf(job: number): Promise<number> {
    if (this.present.has(job)) return job;
    let again = this.rereads.get(job);
    if (!again) {
      again = this.request<'read-done'>(job, () => this.readBody(job)).then(() => void this.present.add(job));
      this.rereads.set(job, again);
      void again.finally(() => this.rereads.delete(job)).catch(() => undefined); // the caller sees the failure
    }
    await again;
    return job;
  }

  /** Reads a file (or opens a project file); `id` is the job to cancel, and later the table to ask about. */
  read(file: Blob, name: string, options: ImportJobOptions, onProgress?: (p: ReadProgress) => void): { id: number; done: Promise<ReadResult> } {
    const job = this.nextJob++;
    this.jobs.set(job, { file, name, options });
    const done = this.request<'read-done' | 'project-done' | 'places-done' | 'registered-done'>(job, () => this.readBody(job), onProgress).then(
      (m): ReadResult => {
        if (m.type === 'project-done') {
          this.jobs.delete(job);
          return { kind: 'project', project: m.project };
        }
        if (m.type === 'registered-done') {
          this.jobs.delete(job);
          return { kind: 'registered', registered: m.registered };
        }
        if (m.type === 'places-done') {
          this.jobs.delete(job);
          return { kind: 'places', places: m.places };
        }
        this.present.add(job);
        return { kind: 'table', table: m.table, report: m.report };
      },
      (e: unknown) => {
        this.jobs.delete(job);
        throw e;
      },
    );
    return { id: job, done };
  }

  /** Loads the app's reference code lists in the worker now (they are fetched once per worker). */
  async prepare(): Promise<void> {
    await this.request<'prepare-done'>(null, () => ({ type: 'prepare', referenceBase: this.referenceBase }));
  }

  /**
   * Stops a job that is running: the worker is terminated (interrupting the parse) and a fresh one
   * started; every other running request is sent to it again.
   */
  cancel(job: number): void {
    if (![...this.pending.values()].some((p) => p.job === job)) return;
    this.jobs.delete(job);
    for (const p of this.replace()) {
      if (p.job === job) p.reject(new ImportFailureError({ code: 'cancelled', message: CANCELLED }));
      else p.retry();
    }
    // have the new worker ready, with its code lists, before the next file
    void this.prepare().catch(() => undefined); // a failure shows when a file is read
  }

  /** Stops the worker (its tables go with it); a later request starts a new one. */
  dispose(): void {
    this.jobs.clear();
    for (const p of this.replace()) p.reject(new ImportFailureError({ code: 'cancelled', message: 'The file reader was closed; nothing was added to the atlas.' }));
  }

  release(job: number): void {
    this.jobs.delete(job);
    if (this.present.delete(job)) this.worker?.postMessage({ id: this.nextId++, type: 'release', table: job });
  }

  async rejoin(job: number, options: JoinOptions): Promise<JoinReport> {
    return (await this.request<'rejoin-done'>(job, async () => ({ type: 'rejoin', table: await this.tableOf(job), options }))).report;
  }

  take(job: number, columns: string[], options: JoinOptions, placeAt?: 'lsoa21', weight?: WeightSpec): Promise<Reply<'take-done'>> {
    return this.request<'take-done'>(job, async () => ({ type: 'take', table: await this.tableOf(job), columns, options, placeAt, weight }));
  }

  boundaries(job: number, objectName: string, choice: BoundaryChoice): Promise<Reply<'level-done'>> {
    return this.request<'level-done'>(job, async () => ({ type: 'boundaries', table: await this.tableOf(job), objectName, choice }));
  }
}
