/**
 * Start-up: read manifest.json, start DuckDB, download the CSV tables (with byte progress) and load
 * them. Returns null when no data has been built, so the app can show how to build or load it.
 */
import type { Db } from './db/db';
import type { DataManifest } from './manifest';
import { QueryRunner } from './query-runner';
import { createTableFromCsv } from './sql/load-tables-sql';
import { fetchBytes } from '../lib/fetch-progress';

export interface BootProgress {
  stage: 'manifest' | 'database' | 'tables';
  label: string;
  /** 0..1 when known. */
  fraction: number | null;
}

export interface AtlasData {
  db: Db;
  manifest: DataManifest;
  queries: QueryRunner;
  /** URL of a file in the data folder. */
  dataUrl(path: string): string;
}

async function fetchManifest(dataBase: string): Promise<DataManifest | null> {
  let res: Response;
  try {
    res = await fetch(`${dataBase}manifest.json`, { cache: 'no-cache' });
  } catch {
    return null;
  }
  if (!res.ok) return null;
  const text = await res.text();
  try {
    const m = JSON.parse(text) as DataManifest;
    return m && m.schema === 1 && m.tables ? m : null;
  } catch {
    // Dev servers answer unknown paths with index.html: that also means "no data".
    return null;
  }
}

export async function loadAtlas(dataBase: string, openDb: () => Promise<Db>, onProgress: (p: BootProgress) => void, onManifest?: (m: DataManifest) => void): Promise<AtlasData | null> {
  onProgress({ stage: 'manifest', label: 'Reading the data manifest', fraction: null });
  const manifest = await fetchManifest(dataBase);
  if (!manifest) return null;
  onManifest?.(manifest);

  onProgress({ stage: 'database', label: 'Starting the in-browser database (DuckDB)', fraction: null });
  performance.mark('atlas:db-start');
  const dbPromise = openDb();
  const tables = Object.entries(manifest.tables);
  const sizes = new Map(manifest.outputs.map((o) => [o.path, o.bytes]));
  const total = tables.reduce((s, [, t]) => s + (sizes.get(t.path) ?? 0), 0);
  const received = new Map<string, number>();
  const report = () => {
    const got = [...received.values()].reduce((a, b) => a + b, 0);
    onProgress({ stage: 'tables', label: `Downloading data tables (${(got / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB)`, fraction: total ? got / total : null });
  };
  const files = await Promise.all(tables.map(async ([, t]) => [t.path, await fetchBytes(`${dataBase}${t.path}`, (r) => { received.set(t.path, r); report(); })] as const));
  const db = await dbPromise;
  performance.mark('atlas:db-ready');
  let loaded = 0;
  for (const [name, t] of tables) {
    onProgress({ stage: 'tables', label: `Loading table ${name} into DuckDB`, fraction: loaded / tables.length });
    const bytes = files.find(([p]) => p === t.path)![1];
    await db.registerFile(t.path, bytes);
    await db.query(createTableFromCsv(name, t.path));
    loaded++;
  }
  performance.mark('atlas:tables-loaded');
  return { db, manifest, queries: new QueryRunner(db), dataUrl: (p) => `${dataBase}${p}` };
}
