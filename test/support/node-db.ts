/** DuckDB-wasm (the same engine as the browser, blocking node build) loaded with the built tables. */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Db } from '../../src/data/db/db';
import { SESSION_SETUP } from '../../src/data/db/db';
import type { DataManifest } from '../../src/data/manifest';
import { createTableFromCsv } from '../../src/data/sql/load-tables-sql';

export const DATA_DIR = process.env.HOTSPOT_DATA_DIR ?? resolve(import.meta.dirname, '../../public/data');
export const RAW_DIR = process.env.HOTSPOT_RAW_DIR ?? resolve(import.meta.dirname, '../../../shared/data/raw');

export async function openNodeDb(): Promise<Db> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect();
  for (const s of SESSION_SETUP) conn.query(s);
  return {
    async query(sql) {
      return conn.query(sql);
    },
    async registerFile(name, bytes) {
      db.registerFileBuffer(name, bytes);
    },
    async insertArrow(table, ipc) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async transaction(statements) {
      conn.query('BEGIN TRANSACTION');
      try {
        for (const s of statements) conn.query(s);
        conn.query('COMMIT');
      } catch (e) {
        try {
          conn.query('ROLLBACK');
        } catch {
          // a failed COMMIT has already ended the transaction
        }
        throw e;
      }
    },
  };
}

function readManifest(): DataManifest {
  const p = join(DATA_DIR, 'manifest.json');
  if (!existsSync(p)) throw new Error(`${p} missing: run "npm run data" first`);
  return JSON.parse(readFileSync(p, 'utf8')) as DataManifest;
}

/** A node DuckDB with every table of the built data loaded (as the app loads them). */
export async function openBuiltDataDb(): Promise<Db> {
  const db = await openNodeDb();
  const manifest = readManifest();
  for (const [name, t] of Object.entries(manifest.tables)) {
    await db.registerFile(t.path, readFileSync(join(DATA_DIR, t.path)));
    await db.query(createTableFromCsv(name, t.path));
  }
  return db;
}
