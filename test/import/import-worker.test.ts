/**
 * The import worker's message protocol and the client around it, run in node: the worker's handler
 * in-process (test/support/in-process-import.ts), with `fetch` standing in for the app's reference
 * tables, so every request the worker makes is seen (only the app's own tables).
 */
import { describe, expect, it } from 'vitest';
import { ImportClient, ImportFailureError } from '../../src/workers/import-client';
import { importHandler } from '../../src/workers/import-handler';
import type { ImportRequest, ImportResponse } from '../../src/workers/import-messages';
import { inProcessWorkers } from '../support/in-process-import';

const TABLES: Record<string, string> = {
  'tables/areas.csv': 'level,code,name\nlsoa21,E01000001,\nlsoa21,E01000002,\nlsoa11,E01000001,\n',
  'tables/ref_lad_codes.csv': 'code,name,year_first,year_last,lad24_code\nE07000004,Aylesbury Vale,2016,2019,E06000060\nE06000060,Buckinghamshire,2020,2024,E06000060\n',
  'tables/ref_area_codes.csv': 'family,code,name,years\nward,E05000932,W,2019 2024\n',
  'tables/ref_practices.csv': 'code,name,lsoa21_code,ward24_code,lad24_code,sicbl_code,icb_code\nA81001,P,E01000001,,,,\n',
};
const BASE = 'http://atlas.test/data/';

function fakeFetch() {
  const fetched: string[] = [];
  const fetchBytes = async (url: URL) => {
    fetched.push(url.href);
    const text = TABLES[url.href.replace(BASE, '')];
    if (text === undefined) throw new Error(`404 ${url.href}`);
    return new TextEncoder().encode(text);
  };
  return { fetched, fetchBytes };
}

describe('import worker handler', () => {
  const { fetched, fetchBytes } = fakeFetch();
  const posted: ImportResponse[] = [];
  const handle = importHandler((m) => posted.push(m), fetchBytes);
  const send = async (m: ImportRequest) => {
    await handle(m);
    return posted.filter((p) => p.id === m.id);
  };
  const read = (id: number, text: string, name = 'mine.csv') =>
    send({ id, type: 'read', table: id, file: new Blob([text]), name, referenceBase: BASE, options: {} });

  it('reads a file and answers with a summary and the join report, after progress', async () => {
    const out = await read(1, 'code,uptake %\nE01000001,50\nE01000002,<b>61</b>\n');
    expect(out.map((m) => m.type)).toEqual(['progress', 'progress', 'read-done']);
    const done = out.at(-1) as Extract<ImportResponse, { type: 'read-done' }>;
    expect(done.table).toMatchObject({ columns: ['code', 'uptake %'], rowCount: 2, preview: [['E01000001', '50'], ['E01000002', '<b>61</b>']] });
    expect(done.report).toMatchObject({ status: 'ready-with-warnings', counts: { rowsMatched: 2, nonNumericCells: 1 } });
    expect(fetched.every((u) => u.startsWith(`${BASE}tables/`))).toBe(true);
    expect(fetched).toHaveLength(4);
  });

  it('reports again with another key column, then hands over the chosen columns with their join codes', async () => {
    await read(2, 'la,lsoa,v\nE07000004,E01000001,1\nE06000060,E01000002,2\n');
    const rejoin = (await send({ id: 3, type: 'rejoin', table: 2, options: { keyColumn: 'la' } }))[0] as Extract<ImportResponse, { type: 'rejoin-done' }>;
    expect(rejoin.report.key).toMatchObject({ column: 'la', geography: 'lad', chosenBy: 'user' });
    const take = (await send({ id: 4, type: 'take', table: 2, columns: ['v'], options: { keyColumn: 'la' } }))[0] as Extract<ImportResponse, { type: 'take-done' }>;
    expect(take.joinKeys).toEqual(['E06000060', 'E06000060']);
    expect(Array.from(take.columns[0].numbers)).toEqual([1, 2]);
    expect(Array.from(take.rowNumbers)).toEqual([2, 3]);
    await send({ id: 5, type: 'release', table: 2 });
    const gone = (await send({ id: 6, type: 'rejoin', table: 2, options: {} }))[0];
    expect(gone).toMatchObject({ type: 'error', error: { code: 'internal' } });
  });

  it('turns reading errors into messages fit to show', async () => {
    const bad = (await read(7, 'code,v\n')).at(-1);
    expect(bad).toMatchObject({ type: 'error', error: { code: 'no-rows', message: expect.stringMatching(/^mine\.csv: the file has column names/) } });
  });
});

describe('import client', () => {
  const big = `code,v\n${'E01000001,1\n'.repeat(300_000)}`;
  const client = () => {
    const { fetchBytes } = fakeFetch();
    const w = inProcessWorkers(fetchBytes);
    return { ...w, c: new ImportClient(BASE, w.spawn) };
  };

  it('cancel terminates the worker mid-read and starts a fresh one; the other file reads on', async () => {
    const { c, workers } = client();
    const slow = c.read(new Blob([big]), 'big.csv', {});
    const other = c.read(new Blob(['code,v\nE01000002,2\n']), 'small.csv', {});
    await new Promise((r) => setTimeout(r, 0)); // both requests reach the first worker
    c.cancel(slow.id);
    await expect(slow.done).rejects.toMatchObject({ code: 'cancelled', message: /Cancelled; nothing was added/ });
    expect(workers[0].alive).toBe(false);
    const r = await other.done;
    expect(r).toMatchObject({ kind: 'table', table: { rowCount: 1 } });
    expect(workers).toHaveLength(2);
    expect(workers[1].received.some((m) => m.type === 'read' && m.name === 'small.csv')).toBe(true);
  });

  it('reads a waiting file again when its worker went, so cancelling one file never loses another', async () => {
    const { c, workers } = client();
    const waiting = c.read(new Blob(['la,v\nE07000004,1\nE06000060,2\n']), 'waiting.csv', {});
    await waiting.done;
    const slow = c.read(new Blob([big]), 'big.csv', {});
    await new Promise((r) => setTimeout(r, 0));
    c.cancel(slow.id);
    await expect(slow.done).rejects.toBeInstanceOf(ImportFailureError);
    const take = await c.take(waiting.id, ['v'], {});
    expect(take.joinKeys).toEqual(['E06000060', 'E06000060']);
    expect(Array.from(take.columns[0].numbers)).toEqual([1, 2]);
    expect(workers.at(-1)!.received.filter((m) => m.type === 'read').map((m) => m.type === 'read' && m.name)).toContain('waiting.csv');
  });

  it('a crashed worker fails what it was doing with a message, and is replaced for the next file', async () => {
    const { c, workers } = client();
    const job = c.read(new Blob([big]), 'big.csv', {});
    await new Promise((r) => setTimeout(r, 0));
    workers[0].crash('out of memory');
    await expect(job.done).rejects.toMatchObject({ message: /stopped unexpectedly \(out of memory\).*restarted: try again/ });
    const next = await c.read(new Blob(['code,v\nE01000001,1\n']), 'next.csv', {}).done;
    expect(next).toMatchObject({ kind: 'table' });
    expect(workers).toHaveLength(2);
    expect(workers[0].alive).toBe(false);
  });
});
