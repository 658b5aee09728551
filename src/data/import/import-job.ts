/**
 * One import job as the worker runs it: read the file, find the key, build the join report, with
 * progress and cancellation throughout. Returns the table too, so the worker can keep it for the
 * mapping dialog's follow-up questions (another key column, other units) without reading again.
 */
import type { ByteSource } from './byte-source';
import { throwIfAborted } from './import-issue';
import type { ImportedTable } from './imported-table';
import { buildJoinReport, type JoinOptions, type JoinReport } from './join-report';
import { readImportFile } from './read-import-file';
import type { ReadOptions } from './read-options';
import type { ReferenceCodes } from './reference-codes';

export interface ImportJobResult {
  table: ImportedTable;
  report: JoinReport;
  /** Per row, the code it joins the atlas on (null: left out). */
  joinKeys: (string | null)[];
}

export async function runImportJob(
  src: ByteSource,
  refs: ReferenceCodes | (() => Promise<ReferenceCodes>),
  opts: ReadOptions & JoinOptions = {},
): Promise<ImportJobResult> {
  const table = await readImportFile(src, opts);
  throwIfAborted(opts.signal, src.name);
  opts.onProgress?.({ phase: 'checking', done: src.size, total: src.size, rows: table.rowCount });
  const reference = typeof refs === 'function' ? await refs() : refs;
  throwIfAborted(opts.signal, src.name);
  const { joinKeys, ...report } = buildJoinReport(table, reference, opts);
  return { table, report, joinKeys };
}
