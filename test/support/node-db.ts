/** DuckDB-wasm (the same engine as the browser, blocking node build) loaded with the built tables. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Db } from '../../src/data/db/db';
import { servedPath, type DataManifest } from '../../src/data/manifest';
import { tableFileToIpc } from '../../src/data/pack/pack-ipc';
import { createTableFromCsv } from '../../src/data/sql/load-tables-sql';
import { openNodeDb } from '../../scripts/atlas/node-duckdb';

export { openNodeDb };

export const DATA_DIR = process.env.HOTSPOT_DATA_DIR ?? resolve(import.meta.dirname, '../../public/data');
export const RAW_DIR = process.env.HOTSPOT_RAW_DIR ?? resolve(import.meta.dirname, '../../../shared/data/raw');

export function readManifest(): DataManifest {
  const p = join(DATA_DIR, 'manifest.json');
  if (!existsSync(p)) throw new Error(`${p} missing: run "npm run data" first`);
  return JSON.parse(readFileSync(p, 'utf8')) as DataManifest;
}

/** Local path of a built file by its logical name (`weights/lsoa21-queen.gal`), through the manifest's hashed names. */
export function dataFile(logical: string): string {
  return join(DATA_DIR, servedPath(readManifest(), logical));
}

/** A node DuckDB with every table of the built data loaded as the app loads them (column packs as Arrow). */
export async function openBuiltDataDb(): Promise<Db> {
  const db = await openNodeDb();
  const manifest = readManifest();
  for (const [name, t] of Object.entries(manifest.tables)) {
    if (t.pack) {
      await db.insertArrow(name, tableFileToIpc(gunzipSync(readFileSync(join(DATA_DIR, t.pack))), t.pack));
    } else {
      await db.registerFile(t.path, readFileSync(join(DATA_DIR, t.path)));
      await db.query(createTableFromCsv(name, t.path));
    }
  }
  return db;
}
