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

/**
 * `option` names where the folder came from in error messages: export's `--data`, or for evaluate
 * (whose --data is the panel file) its --level and the environment variable.
 */
export function readDataManifest(dir: string, option = '--data'): DataManifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new UsageError(`${option}: ${dir} has no manifest.json (build the data with "npm run data", or use a built data folder such as dist/data)`);
  let m: DataManifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as DataManifest;
  } catch (e) {
    throw new UsageError(`${option}: ${path} is not valid JSON (${(e as Error).message})`);
  }
  if (m?.schema !== 1 || typeof m.tables !== 'object') throw new UsageError(`${option}: ${path} is not a Hotspot Atlas data manifest (schema 1)`);
  return m;
}

/**
 * Tables of the manifest named in any of the SQL texts (plus `areas`, which every query joins).
 * Loading only these keeps a one-measure export from parsing every table; naming one too many
 * only costs time. A table the SQL reads (FROM / JOIN, not one of its own WITH names) that the
 * manifest lacks means the folder was built by an older pipeline: that is said before DuckDB is
 * started, instead of a catalog error from inside a query.
 */
export function tablesUsed(manifest: DataManifest, sql: readonly string[], option = '--data', dir = ''): string[] {
  const text = sql.join('\n');
  // CTE names (`name AS (`, `name AS MATERIALIZED (`) are not tables to load.
  const defined = new Set([...text.matchAll(/\b([a-z_][a-z0-9_]*)\s+AS\s*(?:NOT\s+)?(?:MATERIALIZED\s*)?\(/gi)].map((m) => m[1].toLowerCase()));
  const read = new Set([...text.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)/gi)].map((m) => m[1].toLowerCase()));
  const missing = [...read].filter((t) => !defined.has(t) && !(t in manifest.tables));
  if (missing.length) {
    throw new UsageError(`${option}: the built data${dir ? ` in ${dir}` : ''} has no table ${missing.map((t) => `"${t}"`).join(', ')}, which this needs: it was built by an older version of the data pipeline (rebuild with "npm run data")`);
  }
  return Object.keys(manifest.tables).filter((t) => t === 'areas' || new RegExp(`\\b${t}\\b`).test(text));
}

export async function openAtlasData(dir: string, manifest: DataManifest, tables: readonly string[], option = '--data'): Promise<QueryRunner> {
  const db = await openNodeDb();
  for (const name of tables) {
    const t = manifest.tables[name];
    const file = join(dir, t.path);
    if (!existsSync(file)) throw new UsageError(`${option}: ${file} is listed in manifest.json but missing (rebuild with "npm run data")`);
    await db.registerFile(t.path, readFileSync(file));
    await db.query(createTableFromCsv(name, t.path));
  }
  return new QueryRunner(db);
}
