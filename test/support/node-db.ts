/** DuckDB-wasm (the same engine as the browser, blocking node build) loaded with the built tables. */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openNodeDb } from '../../scripts/atlas/node-duckdb';
import type { Db } from '../../src/data/db/db';
import type { DataManifest } from '../../src/data/manifest';
import { createTableFromCsv } from '../../src/data/sql/load-tables-sql';

export const DATA_DIR = process.env.HOTSPOT_DATA_DIR ?? resolve(import.meta.dirname, '../../public/data');
export const RAW_DIR = process.env.HOTSPOT_RAW_DIR ?? resolve(import.meta.dirname, '../../../shared/data/raw');

export { openNodeDb };

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
