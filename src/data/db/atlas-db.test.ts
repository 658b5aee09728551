import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../scripts/atlas/node-duckdb';
import { numberColumn } from './arrow-columns';
import { AtlasDb, type DbActivity } from './atlas-db';

const IPC: Record<string, Uint8Array> = {
  areas: tableToIPC(tableFromArrays({ code: ['A', 'B', 'C'], population: Float64Array.from([10, 20, 30]) }), 'stream'),
  imd2025: tableToIPC(tableFromArrays({ code: ['A', 'B'], score: Float64Array.from([1.5, 2.5]) }), 'stream'),
  smoking_aps: tableToIPC(tableFromArrays({ code: ['A'], value: Float64Array.from([12]) }), 'stream'),
};

function source(fail = new Set<string>()) {
  const loads: string[] = [];
  return {
    loads,
    fail,
    bytes: Object.fromEntries(Object.entries(IPC).map(([k, v]) => [k, v.length])),
    async load(name: string, onBytes: (n: number) => void) {
      loads.push(name);
      if (fail.has(name)) throw new Error(`${name}: HTTP 503`);
      onBytes(IPC[name].length);
      return { ipc: IPC[name] };
    },
  };
}

describe('AtlasDb', () => {
  it('waits for start before downloading anything, then loads only the tables a statement names, once', async () => {
    const src = source();
    const db = new AtlasDb(openNodeDb, src);
    const activity: DbActivity[] = [];
    db.onActivity((a) => activity.push(a));
    let answered = false;
    const q = db.query('SELECT sum(a.population) AS p FROM areas a JOIN imd2025 t USING (code)').then((t) => ((answered = true), t));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    // Nothing downloads before the database is started (the first map has the network to itself).
    expect(src.loads).toEqual([]);
    expect(activity.at(-1)!.label).toMatch(/Loading data tables|Waiting/);
    void db.start();
    expect(numberColumn(await q, 'p')[0]).toBe(30);
    await db.query(`SELECT count(*) FROM areas WHERE code <> 'imd2025'`);
    expect(src.loads.sort()).toEqual(['areas', 'imd2025']);
    expect(activity.at(-1)!.label).toBeNull();
  });

  it('loads tables asked for ahead, ignores names it does not know, and runs user tables untouched', async () => {
    const src = source();
    const db = new AtlasDb(openNodeDb, src);
    void db.start();
    await db.ensureTables(['smoking_aps', 'user_upload_1']);
    expect(src.loads).toEqual(['smoking_aps']);
    await db.query('CREATE TABLE user_upload_1 AS SELECT 1 AS x');
    expect(numberColumn(await db.query('SELECT x FROM user_upload_1'), 'x')[0]).toBe(1);
    expect(src.loads).toEqual(['smoking_aps']);
  });

  it('reports a table that could not be fetched, and tries again on the next statement', async () => {
    const src = source(new Set(['imd2025']));
    const db = new AtlasDb(openNodeDb, src);
    const activity: DbActivity[] = [];
    db.onActivity((a) => activity.push(a));
    void db.start();
    await expect(db.query('SELECT * FROM imd2025')).rejects.toThrow(/imd2025: HTTP 503/);
    // Nothing is left "loading" after a failure.
    expect(activity.at(-1)!.label).toBeNull();
    src.fail.clear();
    expect((await db.query('SELECT * FROM imd2025')).numRows).toBe(2);
    expect(src.loads).toEqual(['imd2025', 'imd2025']);
  });

  it('loads the tables a transaction names first, then runs it all or nothing', async () => {
    const src = source();
    const db = new AtlasDb(openNodeDb, src);
    void db.start();
    await db.transaction(['CREATE TABLE staged AS SELECT code, score FROM imd2025', 'CREATE TABLE kept AS SELECT * FROM staged']);
    expect(src.loads).toEqual(['imd2025']);
    expect((await db.query('SELECT * FROM kept')).numRows).toBe(2);
    // A failing statement undoes the ones before it.
    await expect(db.transaction(['DROP TABLE kept', 'SELECT * FROM no_such_table'])).rejects.toThrow(/no_such_table/);
    expect((await db.query('SELECT * FROM kept')).numRows).toBe(2);
  });

  it('passes a database that fails to start on to every waiting statement', async () => {
    const db = new AtlasDb(() => Promise.reject(new Error('no WebAssembly')), source());
    const q = db.query('SELECT 1');
    void db.start().catch(() => undefined);
    await expect(q).rejects.toThrow(/no WebAssembly/);
  });
  it('makes a statement naming a derived table wait for the version asked for before it, though that waits for a download', async () => {
    const src = source();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // imd2025 downloads slowly: the derived table made from it is not ready when the next statement is sent.
    const slow = { ...src, load: async (name: string, onBytes: (n: number) => void) => (name === 'imd2025' ? held.then(() => src.load(name, onBytes)) : src.load(name, onBytes)) };
    const db = new AtlasDb(openNodeDb, slow);
    void db.start();
    await db.derive('chosen', 'CREATE OR REPLACE TABLE chosen AS SELECT 0 AS n');
    const v2 = db.derive('chosen', 'CREATE OR REPLACE TABLE chosen AS SELECT count(*) AS n FROM imd2025');
    const read = db.query('SELECT n FROM chosen');
    await new Promise((r) => setTimeout(r, 50));
    release();
    await v2;
    // Not the earlier version's 0, nor an error from a table not yet made: the version asked for last.
    expect(numberColumn(await read, 'n')[0]).toBe(2);
  });
});
