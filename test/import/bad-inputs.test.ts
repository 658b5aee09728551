/**
 * Runs every entry of the bad-input corpus (bad-inputs/expected.json) through the readers, key
 * detection and join report, and checks the expected outcome; then reads the 100 MB CSV, timing it
 * and sampling memory (written to test/output/import-corpus/large-csv-metrics.json).
 */
import { openAsBlob, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource } from '../../src/data/import/byte-source';
import { ImportError } from '../../src/data/import/import-issue';
import { runImportJob } from '../../src/data/import/import-job';
import { cellText } from '../../src/data/import/imported-table';
import type { JoinCounts } from '../../src/data/import/join-report';
import { GENERATED, GENERATED_DIR, largeCsv, largeCsvCode, largeRow } from './generated-inputs';
import { syntheticReference } from './synthetic-reference';

interface Entry {
  file: string;
  covers: string;
  generated?: boolean;
  expect:
    | { error: string; message: string }
    | { status: string; key?: Record<string, unknown> | null; counts?: Partial<JoinCounts>; issues: string[]; messages?: string[]; readNotes?: string[] };
}

const DIR = 'test/import/bad-inputs';
const corpus = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as { entries: Entry[] };
const refs = syntheticReference();

async function bytesOf(e: Entry): Promise<Uint8Array> {
  if (!e.generated) return new Uint8Array(readFileSync(`${DIR}/${e.file}`));
  const make = GENERATED[e.file];
  if (!make) throw new Error(`no generator for ${e.file}`);
  return make();
}

describe('bad-input corpus', () => {
  it('has at least 30 entries, every committed file listed once', () => {
    expect(corpus.entries.length).toBeGreaterThanOrEqual(30);
    const listed = corpus.entries.filter((e) => !e.generated).map((e) => e.file).sort();
    const onDisk = readdirSync(DIR).filter((f) => f !== 'expected.json').sort();
    expect(listed).toEqual(onDisk);
  });

  for (const entry of corpus.entries) {
    it(`${entry.file}: ${entry.covers}`, async () => {
      const run = runImportJob(bytesSource(await bytesOf(entry), entry.file), refs);
      const want = entry.expect;
      if ('error' in want) {
        const err = await run.then(() => null, (e: unknown) => e);
        expect(err, 'should have been refused').toBeInstanceOf(ImportError);
        expect((err as ImportError).code).toBe(want.error);
        expect((err as ImportError).message.startsWith(`${entry.file}: `), 'message names the file').toBe(true);
        expect((err as ImportError).message).toContain(want.message);
        return;
      }
      const { report } = await run;
      expect(report.status).toBe(want.status);
      if (want.key === null) expect(report.key).toBeNull();
      else if (want.key) expect(report.key).toMatchObject(want.key);
      if (want.counts) expect(report.counts).toMatchObject(want.counts);
      expect(report.issues.map((i) => i.code).sort()).toEqual(want.issues);
      for (const issue of report.issues) expect(issue.message.startsWith(`${entry.file}`), issue.message).toBe(true);
      const messages = report.issues.map((i) => i.message).join('\n');
      for (const fragment of want.messages ?? []) expect(messages).toContain(fragment);
      for (const fragment of want.readNotes ?? []) expect(report.readNotes.join('\n')).toContain(fragment);
    });
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
