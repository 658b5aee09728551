/**
 * DuckDB-wasm in the browser, bundled by Vite (no CDN): the `eh` build runs in its own worker.
 * Extension autoloading is switched off so nothing is ever fetched from outside the site.
 */
import { AsyncDuckDB, ConsoleLogger, LogLevel } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { noteUsed } from '../../lib/used-urls';
import { SESSION_SETUP, type Db } from './db';

export async function openBrowserDb(): Promise<Db> {
  noteUsed(workerUrl);
  noteUsed(wasmUrl);
  const worker = new Worker(workerUrl);
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  await db.instantiate(wasmUrl);
  const conn = await db.connect();
  for (const s of SESSION_SETUP) await conn.query(s);
  // One connection, one query at a time: queue so callers never interleave statements.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const next = chain.then(f, f);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    query: (sql) => serial(() => conn.query(sql)),
    registerFile: (name, bytes) => serial(() => db.registerFileBuffer(name, bytes)),
    insertArrow: (table, ipc) => serial(() => conn.insertArrowFromIPCStream(ipc, { name: table, create: true })),
    transaction: (statements) => serial(async () => {
      await conn.query('BEGIN TRANSACTION');
      try {
        for (const s of statements) await conn.query(s);
        await conn.query('COMMIT');
      } catch (e) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    }),
  };
}
