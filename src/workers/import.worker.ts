/// <reference lib="webworker" />
/**
 * Reads users' files off the main thread: parse, detect the key, build the join report, with
 * progress and cancellation. Files never leave the browser; the only requests are for the app's
 * own reference tables, loaded once per data directory.
 */
import { blobSource } from '../data/import/byte-source';
import { ImportError } from '../data/import/import-issue';
import { runImportJob, type ImportJobResult } from '../data/import/import-job';
import { buildJoinReport } from '../data/import/join-report';
import { loadReferenceCodes } from '../data/import/load-reference-codes';
import { buildReferenceCodes, type ReferenceCodes } from '../data/import/reference-codes';
import { summariseTable, takeColumns } from '../data/import/table-summary';
import { buildBoundaryTopology } from '../data/import/boundary-topology';
import { userLevelGeometry, userLevelTransfer } from '../geo/user-level-geometry';
import type { Topology } from 'topojson-specification';
import type { ImportFailure, ImportRequest, ImportResponse } from './import-messages';

const post = (m: ImportResponse, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

const references = new Map<string, Promise<ReferenceCodes>>();
const tables = new Map<number, { job: ImportJobResult; refs: ReferenceCodes }>();
const running = new Map<number, AbortController>();

const NO_REFERENCES = buildReferenceCodes({ areas: [], ladCodes: [], areaCodes: [], practices: [] });

function referencesAt(base: string | null): Promise<ReferenceCodes> {
  if (base === null) return Promise.resolve(NO_REFERENCES);
  let refs = references.get(base);
  if (!refs) {
    refs = loadReferenceCodes(async (path) => {
      const res = await fetch(new URL(path, base));
      if (!res.ok) throw new Error(`reference table ${path}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    });
    refs.catch(() => references.delete(base)); // let a later job try again
    references.set(base, refs);
  }
  return refs;
}

function failure(err: unknown): ImportFailure {
  if (err instanceof ImportError) return { code: err.code, message: err.message, sheets: err.sheets };
  return { code: 'internal', message: `The file could not be processed (${(err as Error).message ?? String(err)}). Nothing was added to the atlas.` };
}

function stored(id: number) {
  const t = tables.get(id);
  if (!t) throw new Error(`no table from job ${id} (released or never read)`);
  return t;
}

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const m = e.data;
  if (m.type === 'cancel') return running.get(m.job)?.abort();
  if (m.type === 'release') return void tables.delete(m.table);
  const ctl = new AbortController();
  running.set(m.id, ctl);
  try {
    if (m.type === 'prepare') {
      await referencesAt(m.referenceBase);
      post({ id: m.id, type: 'prepare-done' });
    } else if (m.type === 'read') {
      let refs: ReferenceCodes | undefined;
      const job = await runImportJob(blobSource(m.file, m.name), async () => (refs = await referencesAt(m.referenceBase)), {
        ...m.options, signal: ctl.signal, onProgress: (progress) => post({ id: m.id, type: 'progress', progress }),
      });
      tables.set(m.id, { job, refs: refs! });
      post({ id: m.id, type: 'read-done', table: summariseTable(job.table), report: job.report });
    } else if (m.type === 'rejoin') {
      const { job, refs } = stored(m.table);
      const { joinKeys, ...report } = buildJoinReport(job.table, refs, m.options);
      tables.set(m.table, { job: { ...job, report, joinKeys }, refs });
      post({ id: m.id, type: 'rejoin-done', report });
    } else if (m.type === 'boundaries' || m.type === 'topology') {
      let text: string;
      let rowCodes: string[] | undefined;
      if (m.type === 'boundaries') {
        const built = buildBoundaryTopology(stored(m.table).job.table, m.choice, m.objectName);
        text = JSON.stringify(built.topology);
        rowCodes = built.rowCodes;
      } else text = m.text;
      const geometry = userLevelGeometry(JSON.parse(text) as Topology, m.objectName);
      post({ id: m.id, type: 'level-done', geometry, topology: text, rowCodes }, userLevelTransfer(geometry));
    } else {
      const { job, refs } = stored(m.table);
      const same = (m.options.keyColumn ?? job.report.key?.column) === job.report.key?.column;
      let joinKeys = same ? job.joinKeys : buildJoinReport(job.table, refs, m.options).joinKeys;
      if (m.placeAt === 'lsoa21') joinKeys = joinKeys.map((k) => (k === null ? null : refs.practices.get(k)?.lsoa21 ?? null));
      const columns = takeColumns(job.table, m.columns);
      const rowNumbers = job.table.rowNumbers.slice();
      post({ id: m.id, type: 'take-done', columns, joinKeys, rowNumbers, geometries: job.table.geometries }, [...columns.map((c) => c.numbers.buffer), rowNumbers.buffer]);
    }
  } catch (err) {
    if (ctl.signal.aborted) post({ id: m.id, type: 'cancelled' });
    else post({ id: m.id, type: 'error', error: failure(err) });
  } finally {
    running.delete(m.id);
  }
};
