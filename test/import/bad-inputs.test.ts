/**
 * Runs every entry of the bad-input corpus (bad-inputs/expected.json) through a user's session as
 * the app runs it (test/support/user-data-session.ts: the import worker's handler, the "Your data"
 * engine, DuckDB-wasm): read it, open it if it is a project file, add it with the mapping dialog's
 * defaults (or the entry's `add` choices) and remove it again. Each entry states the expected
 * outcome, and every one proves that nothing loaded was lost: a good dataset is loaded first, and
 * the whole session (specs, tables, catalogue entries, areas table) is the same after the entry as
 * before it. Then reads the 100 MB CSV, timing it and sampling memory
 * (written to test/output/import-corpus/large-csv-metrics.json).
 */
import { openAsBlob, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobSource } from '../../src/data/import/byte-source';
import { runImportJob } from '../../src/data/import/import-job';
import { cellText } from '../../src/data/import/imported-table';
import type { JoinCounts } from '../../src/data/import/join-report';
import { openSession, type AddChoice, type Session } from '../support/user-data-session';
import { GENERATED, GENERATED_DIR, largeCsv, largeCsvCode, largeRow } from './generated-inputs';
import { syntheticAreasSql, syntheticReference, syntheticReferenceFiles } from './synthetic-reference';

type Cell = string | number | boolean | null;
interface Entry {
  file: string;
  covers: string;
  generated?: boolean;
  /** Mapping choices other than the dialog's defaults. */
  add?: AddChoice;
  expect:
    | { error: string; message: string }
    | { opened: { datasets: number; levels: number; rows?: Record<string, Cell>[] } }
    | {
      status: string; key?: Record<string, unknown> | null; counts?: Partial<JoinCounts>; issues: string[]; messages?: string[]; readNotes?: string[];
      /** The rows of the table the file became (code, split, v1 …), when it is added. */
      added?: Record<string, Cell>[];
    };
}

const DIR = 'test/import/bad-inputs';
const corpus = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as { entries: Entry[] };
const refs = syntheticReference();
const GOOD = 'lsoa21_code,uptake %\nE01000001,61.5\nE01000002,*\nE01000003,70\nE01033769,55\n';

async function fileOf(e: Entry): Promise<Blob> {
  if (!e.generated) return new Blob([readFileSync(`${DIR}/${e.file}`)]);
  const make = GENERATED[e.file];
  if (!make) throw new Error(`no generator for ${e.file}`);
  const made = await make();
  return made instanceof Blob ? made : new Blob([made as Uint8Array<ArrayBuffer>]);
}

describe('bad-input corpus, in a session that already holds a dataset', () => {
  let session: Session;
  const loadGood = async () => {
    const out = await session.offer(new Blob([GOOD]), 'good.csv', undefined, true);
    if (out.kind !== 'read' || !out.added) throw new Error('the good dataset did not load');
  };
  beforeAll(async () => {
    session = await openSession(syntheticReferenceFiles(), syntheticAreasSql());
    await loadGood();
  });

  it('has at least 80 entries, every committed file listed once', () => {
    expect(corpus.entries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(corpus.entries.map((e) => e.file)).size).toBe(corpus.entries.length);
    const listed = corpus.entries.filter((e) => !e.generated).map((e) => e.file).sort();
    const onDisk = readdirSync(DIR).filter((f) => f !== 'expected.json').sort();
    expect(listed).toEqual(onDisk);
    expect(corpus.entries.filter((e) => e.generated).every((e) => GENERATED[e.file])).toBe(true);
  });

  for (const entry of corpus.entries) {
    it(`${entry.file}: ${entry.covers}`, async () => {
      expect(session.engine.store.get().datasets.map((d) => d.file)).toEqual(['good.csv']);
      const before = await session.fingerprint();
      const out = await session.offer(await fileOf(entry), entry.file, entry.add);
      const want = entry.expect;
      if ('error' in want) {
        expect(out.kind, 'should have been refused').toBe('refused');
        if (out.kind !== 'refused') return;
        expect(out.code).toBe(want.error);
        expect(out.message.startsWith(`${entry.file}: `), `message names the file: ${out.message}`).toBe(true);
        expect(out.message).toContain(want.message);
      } else if ('opened' in want) {
        expect(out, 'should have been opened').toEqual({ kind: 'opened' });
        const s = session.engine.store.get();
        expect([s.datasets.length, s.levels.length]).toEqual([want.opened.datasets, want.opened.levels]);
        if (want.opened.rows) expect(await session.rows(`SELECT * EXCLUDE ("rows") FROM ${s.datasets[0].table} ORDER BY ALL`)).toEqual(want.opened.rows);
        // a project replaces the session's data by design: put the good dataset back for the next entry
        await session.engine.openProject({ savedAt: '', view: null, datasets: [], levels: [], tables: new Map(), places: [], registered: null }, 'empty');
        await loadGood();
        return;
      } else {
        expect(out.kind, out.kind === 'refused' ? out.message : '').toBe('read');
        if (out.kind !== 'read') return;
        const { report } = out;
        expect(report.status).toBe(want.status);
        if (want.key === null) expect(report.key).toBeNull();
        else if (want.key) expect(report.key).toMatchObject(want.key);
        if (want.counts) expect(report.counts).toMatchObject(want.counts);
        expect(report.issues.map((i) => i.code).sort()).toEqual(want.issues);
        for (const issue of report.issues) expect(issue.message.startsWith(`${entry.file}`), issue.message).toBe(true);
        const messages = report.issues.map((i) => i.message).join('\n');
        for (const fragment of want.messages ?? []) expect(messages).toContain(fragment);
        for (const fragment of want.readNotes ?? []) expect(report.readNotes.join('\n')).toContain(fragment);
        if (want.added) expect(out.added).toEqual(want.added);
      }
      // nothing loaded was lost or changed
      expect(await session.fingerprint()).toEqual(before);
    }, 120_000);
  }
});

describe('100 MB CSV', () => {
  it('streams a 100 MB file into one column-wise table, with progress, in bounded memory', async () => {
    const { path, rows } = await largeCsv();
    globalThis.gc?.();
    const base = process.memoryUsage();
    let peak = 0;
    let progressCalls = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
    };
    const src = blobSource(await openAsBlob(resolve(path)), 'large-100mb.csv');
    const t0 = performance.now();
    const job = await runImportJob(src, refs, { onProgress: () => (progressCalls++, sample()) });
    const seconds = (performance.now() - t0) / 1000;
    sample();
    const { table, report } = job;
    expect(table.rowCount).toBe(rows);
    const last = largeRow(rows - 1).trimEnd().split(',');
    expect(table.columns.map((c) => cellText(c, rows - 1))).toEqual(last);
    expect(table.rowNumbers[rows - 1]).toBe(rows + 1);
    let inReference = 0;
    for (let i = 0; i < rows; i++) if (refs.vintages.lsoa.get(2021)!.has(largeCsvCode(i))) inReference++;
    expect(report.counts).toMatchObject({ rowsRead: rows, rowsMatched: inReference, rowsUnmatched: rows - inReference, valueColumns: 4 });
    expect(progressCalls).toBeGreaterThan(20);
    const metrics = { file: 'large-100mb.csv', bytes: src.size, rows, seconds: Math.round(seconds * 10) / 10, peakHeapAndBuffersMB: Math.round(peak / 2 ** 20), node: process.version };
    writeFileSync(`${GENERATED_DIR}/large-csv-metrics.json`, JSON.stringify(metrics, null, 2));
    console.log('100 MB CSV:', metrics);
    // one column-wise copy of a 100 MB file is ~300 MB here; a whole-text string plus row arrays would be > 1 GB
    expect(peak).toBeLessThan(7 * src.size);
  }, 600_000);
});
