/**
 * What the page does first, in the order a first map needs it: read the manifest; start the level's
 * shapes and the first map's stored results (areas and values, first-views.ts) downloading; show the
 * atlas. DuckDB starts after the first map is drawn, or at once when the first map needs it (a view
 * the pipeline did not store, a Combine or Hotspots link), so it never competes with the first paint.
 */
import { tableFromIPC } from 'apache-arrow';
import { getIndicator, isAvailable } from '../data/catalogue';
import { dimensionValues } from '../data/catalogue/types';
import { createAtlasData, fetchManifest, seedFirstView, type AtlasData } from '../data/load-atlas';
import { indicatorSql } from '../data/sql/indicator-sql';
import { DataFileClient } from '../workers/data-file-client';
import { startEthnicGroupSync } from './ethnic-groups/ethnic-group-sync';
import { GeometryStore } from './geometry-store';
import { startServiceWorker } from './service-worker';
import { viewStore } from './view-store';

export interface Booted {
  data: AtlasData;
  shapes: GeometryStore;
}

/** Data files live next to index.html, so the site works from any sub-path. */
const DATA_BASE = new URL('data/', document.baseURI).toString();

/** If the first map never draws (an error), the database still starts for the rest of the app. */
const START_DB_AFTER_MS = 8000;

/** The SQL of the first map's values when a measure colours it, else null. */
function firstValuesSql(): string | null {
  const s = viewStore.get();
  if (s.mode !== 'indicator') return null;
  try {
    const ind = getIndicator(s.indicator);
    return isAvailable(ind, s.level) ? indicatorSql(s.indicator, s.level, dimensionValues(ind, s.dims)) : null;
  } catch {
    return null;
  }
}

/** Runs `f` once the first map is drawn (or after `fallbackMs`, if it never is). */
function afterFirstMap(f: () => void, fallbackMs: number): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    f();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.name.startsWith('atlas:drawn:'))) run();
  });
  observer.observe({ type: 'mark', buffered: true });
  const timer = setTimeout(run, fallbackMs);
}

const startDb = (data: AtlasData) => void data.db.start().catch((e: Error) => console.error('DuckDB did not start', e));

export async function boot(): Promise<Booted | null> {
  const manifest = await fetchManifest(DATA_BASE);
  if (!manifest) return null;
  // Two workers: one for the first map's files, one for tables (so a big table never delays shapes).
  const files = new DataFileClient();
  let tableFiles: DataFileClient | null = null;
  const data = createAtlasData(DATA_BASE, manifest, {
    openDb: () => import('../data/db/duckdb-browser').then((m) => m.openBrowserDb()),
    loadTable: (url, onBytes) => (tableFiles ??= new DataFileClient()).table(url, (p) => p.stage === 'download' && onBytes(p.received)),
  });
  // The user's groups of ethnic groups (from a link or local storage) join the catalogue before the
  // first map's SQL is made; their table is made once the database runs, before any query reads it.
  startEthnicGroupSync(data);
  const shapes = new GeometryStore(manifest, DATA_BASE, files);
  const s = viewStore.get();
  void shapes.load(s.level).catch(() => undefined);
  seedFirstView(data, { level: s.level, indicator: s.indicator, dims: s.dims, indicatorMode: s.mode === 'indicator' },
    async (url) => (await files.views(url)).map((r) => ({ sql: r.sql, table: tableFromIPC(r.ipc) })));
  const sql = firstValuesSql();
  void (sql ? data.queries.isSeeded(sql) : Promise.resolve(false)).then((served) => (served ? afterFirstMap(() => startDb(data), START_DB_AFTER_MS) : startDb(data)));
  // Offline revisits: the service worker comes after the first map, never before it.
  afterFirstMap(() => void startServiceWorker(manifest.outputs.map((o) => data.dataUrl(o.path))).catch((e: Error) => console.warn('service worker', e)), START_DB_AFTER_MS);
  return { data, shapes };
}
