/**
 * A built data folder (public/data or a copied dist/data) opened in node: its manifest, and a
 * DuckDB holding the tables a set of queries needs, created from the same CSV files with the same
 * SQL as the app's start-up (src/data/load-atlas.ts), so types and therefore numbers are identical.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataManifest } from '../../src/data/manifest';
import { QueryRunner } from '../../src/data/query-runner';
import { createTableFromCsv } from '../../src/data/sql/load-tables-sql';
import { UsageError } from './command';
import { openNodeDb } from './node-duckdb';

/** The repository's built data, unless HOTSPOT_DATA_DIR or --data says otherwise. */
export const DEFAULT_DATA_DIR = process.env.HOTSPOT_DATA_DIR ?? resolve(import.meta.dirname, '../../public/data');

export function readDataManifest(dir: string): DataManifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new UsageError(`--data: ${dir} has no manifest.json (build the data with "npm run data", or point --data at a built data folder such as dist/data)`);
  let m: DataManifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as DataManifest;
  } catch (e) {
    throw new UsageError(`--data: ${path} is not valid JSON (${(e as Error).message})`);
  }
  if (m?.schema !== 1 || typeof m.tables !== 'object') throw new UsageError(`--data: ${path} is not a Hotspot Atlas data manifest (schema 1)`);
  return m;
}

/**
 * Tables of the manifest named in any of the SQL texts (plus `areas`, which every query joins).
 * Loading only these keeps a one-measure export from parsing every table; naming one too many
 * only costs time.
 */
export function tablesUsed(manifest: DataManifest, sql: readonly string[]): string[] {
  const text = sql.join('\n');
  return Object.keys(manifest.tables).filter((t) => t === 'areas' || new RegExp(`\\b${t}\\b`).test(text));
}

export async function openAtlasData(dir: string, manifest: DataManifest, tables: readonly string[]): Promise<QueryRunner> {
  const db = await openNodeDb();
  for (const name of tables) {
    const t = manifest.tables[name];
    const file = join(dir, t.path);
    if (!existsSync(file)) throw new UsageError(`--data: ${file} is listed in manifest.json but missing (rebuild with "npm run data")`);
    await db.registerFile(t.path, readFileSync(file));
    await db.query(createTableFromCsv(name, t.path));
  }
  return new QueryRunner(db);
}
