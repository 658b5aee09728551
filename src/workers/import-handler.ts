/**
 * What the import worker does with each request: read a file (or open a project file), find the
 * key, build the join report, keep the table for the mapping dialog's questions, hand over columns
 * and boundaries. Every untrusted byte is parsed here, off the main thread, where cancelling can
 * stop it (the client terminates the worker). Separate from the worker entry so node tests can
 * run the same code in-process.
 */
import { blobSource } from '../data/import/byte-source';
import { buildBoundaryTopology } from '../data/import/boundary-topology';
import { ImportError } from '../data/import/import-issue';
import { runImportJob, type ImportJobResult } from '../data/import/import-job';
import { buildJoinReport } from '../data/import/join-report';
import { loadReferenceCodes } from '../data/import/load-reference-codes';
import { placeColumns, readPlacePoints } from '../data/import/place-points';
import { readRegisteredFile } from '../data/import/registered-file';
import { mayBeProject, readProjectFile } from '../data/import/read-project';
import { buildReferenceCodes, type ReferenceCodes } from '../data/import/reference-codes';
import { rowWeights } from '../data/import/row-weights';
import { ENGLAND_CODE } from '../data/catalogue/types';
import { summariseTable, takeColumns } from '../data/import/table-summary';
import { userLevelGeometry, userLevelTransfer } from '../geo/user-level-geometry';
import type { Topology } from 'topojson-specification';
import type { ImportFailure, ImportRequest, ImportResponse } from './import-messages';

type Post = (m: ImportResponse, transfer?: Transferable[]) => void;
export type FetchBytes = (url: URL) => Promise<Uint8Array>;

const NO_REFERENCES = buildReferenceCodes({ areas: [], ladCodes: [], areaCodes: [], practices: [] });

function failure(err: unknown): ImportFailure {
  if (err instanceof ImportError) return { code: err.code, message: err.message, sheets: err.sheets };
  return { code: 'internal', message: `The file could not be processed (${err instanceof Error ? err.message : String(err)}). Nothing was added to the atlas.` };
}

/** A handler for one worker's requests, with its own tables and reference lists. */
export function importHandler(post: Post, fetchBytes: FetchBytes): (m: ImportRequest) => Promise<void> {
  const references = new Map<string, Promise<ReferenceCodes>>();
  const tables = new Map<number, { job: ImportJobResult; refs: ReferenceCodes }>();

  const referencesAt = (base: string | null): Promise<ReferenceCodes> => {
    if (base === null) return Promise.resolve(NO_REFERENCES);
    let refs = references.get(base);
    if (!refs) {
      refs = loadReferenceCodes((path) => fetchBytes(new URL(path, base)));
      refs.catch(() => references.delete(base)); // let a later job try again
      references.set(base, refs);
    }
    return refs;
  };
  const stored = (table: number) => {
    const t = tables.get(table);
    if (!t) throw new Error(`no table for file ${table} (released or never read)`);
    return t;
  };

  return async (m) => {
    if (m.type === 'release') return void tables.delete(m.table);
    try {
      if (m.type === 'prepare') {
        await referencesAt(m.referenceBase);
        post({ id: m.id, type: 'prepare-done' });
      } else if (m.type === 'read') {
        const src = blobSource(m.file, m.name);
        const head = new Uint8Array(await m.file.slice(0, 4).arrayBuffer());
        const project = mayBeProject(m.name, head) ? await readProjectFile(src) : null;
        if (project) {
          post({ id: m.id, type: 'project-done', project }, project.levels.flatMap((l) => userLevelTransfer(l.geometry)));
          return;
        }
        let refs: ReferenceCodes | undefined;
        const job = await runImportJob(src, async () => (refs = await referencesAt(m.referenceBase)), {
          ...m.options, onProgress: (progress) => post({ id: m.id, type: 'progress', progress }),
        });
        // PRACTICE_CODE, LSOA_CODE and NUMBER_OF_PATIENTS: the registered-patient file, not a practice measure.
        const registered = readRegisteredFile(job.table);
        if (registered) {
          post({ id: m.id, type: 'registered-done', registered }, [registered.patients.buffer]);
          return;
        }
        // Latitude/longitude (or eastings/northings) and no column of area or practice codes: places.
        if (!job.report.key?.target && placeColumns(job.table)) {
          const places = readPlacePoints(job.table);
          post({ id: m.id, type: 'places-done', places }, [places.lon.buffer, places.lat.buffer, places.rows.buffer]);
          return;
        }
        tables.set(m.table, { job, refs: refs! });
        post({ id: m.id, type: 'read-done', table: summariseTable(job.table), report: job.report });
      } else if (m.type === 'rejoin') {
        const { job, refs } = stored(m.table);
        const { joinKeys, ...report } = buildJoinReport(job.table, refs, m.options);
        tables.set(m.table, { job: { ...job, report, joinKeys }, refs });
        post({ id: m.id, type: 'rejoin-done', report });
      } else if (m.type === 'boundaries') {
        const built = buildBoundaryTopology(stored(m.table).job.table, m.choice, m.objectName);
        const topology = JSON.stringify(built.topology);
        // decoded from the text the project file will keep, so a re-opened project draws the same shapes
        const geometry = userLevelGeometry(JSON.parse(topology) as Topology, m.objectName);
        post({ id: m.id, type: 'level-done', geometry, topology, rowCodes: built.rowCodes }, userLevelTransfer(geometry));
      } else {
        const { job, refs } = stored(m.table);
        const same = (m.options.keyColumn ?? job.report.key?.column) === job.report.key?.column;
        const joined = same ? { ...job.report, joinKeys: job.joinKeys } : buildJoinReport(job.table, refs, m.options);
        let joinKeys = joined.joinKeys;
        const practiceKeys = m.placeAt === 'lsoa21' ? joinKeys.map((k) => (k === ENGLAND_CODE ? null : k)) : null;
        const weights = m.weight ? rowWeights(job.table, joined, joinKeys, refs, m.weight) : null;
        // England's own row stays under its code (kept for comparisons, never mapped)
        if (m.placeAt === 'lsoa21') joinKeys = joinKeys.map((k) => (k === null || k === ENGLAND_CODE ? k : refs.practices.get(k)?.lsoa21 ?? null));
        const columns = takeColumns(job.table, m.columns);
        const rowNumbers = job.table.rowNumbers.slice();
        post({ id: m.id, type: 'take-done', columns, joinKeys, rowNumbers, geometries: job.table.geometries, weights, practiceKeys },
          [...columns.map((c) => c.numbers.buffer), rowNumbers.buffer, ...(weights ? [weights.buffer] : [])]);
      }
    } catch (err) {
      post({ id: m.id, type: 'error', error: failure(err) });
    }
  };
}
