/**
 * DuckDB-wasm in node (for the atlas command, the pipeline's packs and first-map results, and the SQL tests): the same engine and SQL as the browser, through the blocking node build
 * (queries run synchronously in-process). The async node build was not used: it needs a Web Worker
 * shim, and for a one-shot command the time goes into compiling the wasm either way.
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Db } from '../../src/data/db/db';
import { SESSION_SETUP } from '../../src/data/db/db';

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
