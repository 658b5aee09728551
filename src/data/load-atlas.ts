/**
 * Start-up of the data layer, in the order a first map needs it: read manifest.json, then hand out
 * the data at once. The database (AtlasDb) starts later and loads each table on first use; the
 * first map's areas and values come from the pipeline's stored results (first-views.ts), which the
 * query runner serves by SQL text. Returns null from `fetchManifest` when no data has been built,
 * so the app can show how to build or load it.
 */
import type { Table } from 'apache-arrow';
import { getIndicator, isAvailable } from './catalogue';
import { dimensionValues } from './catalogue/types';
import { AtlasDb, type TableSource } from './db/atlas-db';
import type { Db } from './db/db';
import { servedPath, type DataManifest } from './manifest';
import { QueryRunner } from './query-runner';
import type { LevelId } from '../geo/levels';
import { noteUsed } from '../lib/used-urls';

export interface AtlasData {
  /** The database: starts on demand and loads tables as statements name them. */
  db: AtlasDb;
  manifest: DataManifest;
  queries: QueryRunner;
  /** URL of a data file by its logical name (`weights/lsoa21-queen.gal`) or served path. */
  dataUrl(path: string): string;
}

export async function fetchManifest(dataBase: string): Promise<DataManifest | null> {
  let res: Response;
  try {
    // Always asked of the server: it names the content-hashed files of the current build.
    res = await fetch(`${dataBase}manifest.json`, { cache: 'no-cache' });
    noteUsed(`${dataBase}manifest.json`);
  } catch {
    return null;
  }
  if (!res.ok) return null;
  const text = await res.text();
  try {
    const m = JSON.parse(text) as DataManifest;
    performance.mark('atlas:manifest');
    return m && m.schema === 1 && m.tables ? m : null;
  } catch {
    // Dev servers answer unknown paths with index.html: that also means "no data".
    return null;
  }
}

export interface DataLoaders {
  openDb(): Promise<Db>;
  /** A table file as an Arrow IPC stream (column pack or Arrow file), off the main thread. */
  loadTable(url: string, onBytes: (received: number) => void): Promise<Uint8Array>;
}

export function createAtlasData(dataBase: string, manifest: DataManifest, loaders: DataLoaders): AtlasData {
  const url = (path: string) => `${dataBase}${servedPath(manifest, path)}`;
  const sizes = new Map(manifest.outputs.map((o) => [o.path, o.bytes]));
  const tables: TableSource = {
    bytes: Object.fromEntries(Object.entries(manifest.tables).map(([name, t]) => [name, sizes.get(t.pack ?? t.path) ?? 0])),
    async load(name, onBytes) {
      const t = manifest.tables[name];
      if (t.pack) return { ipc: await loaders.loadTable(url(t.pack), onBytes) };
      // Data built before table packs: the CSV, read by DuckDB itself.
      const res = await fetch(url(t.path));
      if (!res.ok) throw new Error(`${t.path}: HTTP ${res.status}`);
      const csv = new Uint8Array(await res.arrayBuffer());
      onBytes(csv.length);
      return { csv, file: t.path };
    },
  };
  const db = new AtlasDb(loaders.openDb, tables);
  return { db, manifest, queries: new QueryRunner(db), dataUrl: url };
}

/** What the first map shows (from the view state the page opens with). */
export interface FirstView {
  level: LevelId;
  indicator: string;
  dims: Record<string, string>;
  /** True when a measure colours the map (not a Combine, Hotspots or user mode). */
  indicatorMode: boolean;
}

/**
 * Files with stored results for the first map: the level's (its areas, default measure) and, when
 * the view is another stored one, that view's file. Loaded into the query runner; any SQL not among
 * them runs on the database as usual.
 */
function firstViewFiles(manifest: DataManifest, v: FirstView): string[] {
  const files = new Set<string>();
  const level = manifest.levels[v.level];
  if (level?.views) files.add(level.views);
  if (v.indicatorMode) {
    const ind = (() => {
      try {
        return getIndicator(v.indicator);
      } catch {
        return null;
      }
    })();
    if (ind && isAvailable(ind, v.level)) {
      const dims = JSON.stringify(dimensionValues(ind, v.dims));
      const stored = manifest.views?.find((s) => s.level === v.level && s.indicator === v.indicator && JSON.stringify(s.dims) === dims);
      if (stored) files.add(stored.path);
    }
  }
  return [...files];
}

/** Hands the first map's stored results to the query runner (statements wait for them, not the database). */
export function seedFirstView(data: AtlasData, v: FirstView, loadViews: (url: string) => Promise<{ sql: string; table: Table }[]>): void {
  const files = firstViewFiles(data.manifest, v).map((f) => data.dataUrl(f));
  data.queries.seed(Promise.all(files.map(loadViews)).then((rs) => {
    performance.mark('atlas:first-view-results');
    return rs.flat();
  }));
}
