/**
 * The import worker's message protocol, run in node: `self` is stood in for, and `fetch` serves small
 * reference tables, so every request the worker makes is seen (only the app's own tables).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportRequest, ImportResponse } from '../../src/workers/import-messages';

const TABLES: Record<string, string> = {
  'tables/areas.csv': 'level,code,name\nlsoa21,E01000001,\nlsoa21,E01000002,\nlsoa11,E01000001,\n',
  'tables/ref_lad_codes.csv': 'code,name,year_first,year_last,lad24_code\nE07000004,Aylesbury Vale,2016,2019,E06000060\nE06000060,Buckinghamshire,2020,2024,E06000060\n',
  'tables/ref_area_codes.csv': 'family,code,name,years\nward,E05000932,W,2019 2024\n',
  'tables/ref_practices.csv': 'code,name,lsoa21_code,ward24_code,lad24_code,sicbl_code,icb_code\nA81001,P,E01000001,,,,\n',
};

const posted: ImportResponse[] = [];
const fetched: string[] = [];
let onmessage: (e: { data: ImportRequest }) => Promise<void>;

beforeAll(async () => {
  vi.stubGlobal('self', { postMessage: (m: ImportResponse) => posted.push(m) });
  vi.stubGlobal('fetch', async (url: URL) => {
    fetched.push(url.href);
    const path = url.href.replace('http://atlas.test/data/', '');
    return TABLES[path] ? new Response(TABLES[path]) : new Response('', { status: 404 });
  });
  await import('../../src/workers/import.worker');
  onmessage = (self as unknown as { onmessage: typeof onmessage }).onmessage;
});
afterAll(() => vi.unstubAllGlobals());

const send = async (m: ImportRequest) => {
  await onmessage({ data: m });
  return posted.filter((p) => p.id === m.id);
};
const csv = (text: string) => new Blob([text]);
const read = (id: number, text: string, name = 'mine.csv', options = {}) =>
  send({ id, type: 'read', file: csv(text), name, referenceBase: 'http://atlas.test/data/', options });

describe('import worker', () => {
  it('reads a file and answers with a summary and the join report, after progress', async () => {
    const out = await read(1, 'code,uptake %\nE01000001,50\nE01000002,<b>61</b>\n');
    expect(out.map((m) => m.type)).toEqual(['progress', 'progress', 'read-done']);
    const done = out.at(-1) as Extract<ImportResponse, { type: 'read-done' }>;
    expect(done.table).toMatchObject({ columns: ['code', 'uptake %'], rowCount: 2, preview: [['E01000001', '50'], ['E01000002', '<b>61</b>']] });
    expect(done.report).toMatchObject({ status: 'ready-with-warnings', counts: { rowsMatched: 2, nonNumericCells: 1 } });
    expect(fetched.every((u) => u.startsWith('http://atlas.test/data/tables/'))).toBe(true);
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

  it('turns reading errors into messages fit to show, and honours cancel', async () => {
    const bad = (await read(7, 'code,v\n')).at(-1);
    expect(bad).toMatchObject({ type: 'error', error: { code: 'no-rows', message: expect.stringMatching(/^mine\.csv: the file has column names/) } });
    const job = read(8, `code,v\n${'E01000001,1\n'.repeat(200_000)}`, 'big.csv', { delimiter: ',' });
    await send({ id: 9, type: 'cancel', job: 8 });
    expect((await job).at(-1)).toEqual({ id: 8, type: 'cancelled' });
  });
});
