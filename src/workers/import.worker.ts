/// <reference lib="webworker" />
/**
 * Reads users' files off the main thread (see import-handler.ts). Files never leave the browser; the
 * only requests are for the app's own reference tables, loaded once per data directory. Cancelling
 * a job terminates this worker, which is how a parse is interrupted wherever it is.
 */
import { importHandler } from './import-handler';
import type { ImportRequest, ImportResponse } from './import-messages';

const scope = self as DedicatedWorkerGlobalScope;
const handle = importHandler(
  (m: ImportResponse, transfer: Transferable[] = []) => scope.postMessage(m, transfer),
  async (url) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`reference table ${url.pathname}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  },
);
scope.onmessage = (e: MessageEvent<ImportRequest>) => void handle(e.data);
