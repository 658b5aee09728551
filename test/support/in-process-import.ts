/**
 * The import worker run in-process for node tests: the same handler (src/workers/import-handler.ts)
 * behind the WorkerLike shape the client uses, with messages delivered asynchronously as a real
 * worker's are. "Terminating" drops every later message in both directions (the parse that was
 * running finishes in the background, unseen); `crash` makes it fail as a worker that died.
 */
import { importHandler, type FetchBytes } from '../../src/workers/import-handler';
import type { WorkerLike } from '../../src/workers/import-client';
import type { ImportRequest, ImportResponse } from '../../src/workers/import-messages';

export interface InProcessWorker extends WorkerLike {
  alive: boolean;
  received: ImportRequest[];
  crash(why: string): void;
}

export function inProcessWorkers(fetchBytes: FetchBytes): { spawn: () => WorkerLike; workers: InProcessWorker[] } {
  const workers: InProcessWorker[] = [];
  const spawn = (): WorkerLike => {
    let onMessage: ((m: ImportResponse) => void) | null = null;
    let onCrash: ((why: string | undefined) => void) | null = null;
    const w: InProcessWorker = {
      alive: true,
      received: [],
      postMessage(m) {
        if (!w.alive) return;
        w.received.push(m);
        setTimeout(() => void (w.alive && handle(m)), 0);
      },
      terminate() {
        w.alive = false;
      },
      listen(m, c) {
        onMessage = m;
        onCrash = c;
      },
      crash(why) {
        onCrash?.(why);
      },
    };
    const handle = importHandler((m) => setTimeout(() => w.alive && onMessage?.(m), 0), fetchBytes);
    workers.push(w);
    return w;
  };
  return { spawn, workers };
}
