/**
 * Issues 2 and 15's figures: pipeline time, payload per level, and in Chromium, cold page loads of
 * the built app served with gzip like an ordinary host:
 *   - the first LSOA map from navigation, against the naive page (the raw GeoJSON handed to a deck.gl
 *     GeoJsonLayer) in the same run, with the ratio; bytes on the wire before the first map; when the
 *     first table query answers (DuckDB started and a table loaded);
 *   - the same for share links that open a ward map, a local-authority map and a Combine view;
 *   - recolouring all 33,755 LSOAs (a palette change), split into JavaScript and the rest (GL).
 * Every figure is the median of RUNS cold loads (other work shares this machine's two cores).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'vite';
import type { DataManifest } from '../../src/data/manifest';
import { linkTo } from '../e2e/support/atlas-page';
import { launch, offlineContext, ROOT } from '../e2e/support/browser';
import { firstMapRun, median, round, summarise } from './first-map-runs';
import { recolour } from './recolour-profile';
import { serveStatic } from './static-server';

const RAW = process.env.HOTSPOT_RAW_DIR ?? resolve(ROOT, '../shared/data/raw');
const WORK = join('/tmp', `hotspot-bench-${ROOT.split('/').filter(Boolean).join('-')}`);
const RUNS = Number(process.env.HOTSPOT_BENCH_RUNS ?? 3);
/** Reuse built data (a folder with manifest.json) instead of timing a fresh pipeline run. */
const REUSE_DATA = process.env.HOTSPOT_BENCH_DATA;

export async function benchFoundation(): Promise<Record<string, unknown>> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const t0 = performance.now();
  if (REUSE_DATA) cpSync(REUSE_DATA, join(WORK, 'data'), { recursive: true });
  else execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/build-data.ts'), '--raw', RAW, '--out', join(WORK, 'data')], { stdio: 'ignore' });
  const pipelineSeconds = REUSE_DATA ? null : round((performance.now() - t0) / 1000);
  const manifest = JSON.parse(readFileSync(join(WORK, 'data/manifest.json'), 'utf8')) as DataManifest;
  const payload: Record<string, Record<string, number>> = {};
  for (const o of manifest.outputs) {
    if (!o.level || (o.kind !== 'geometry' && o.kind !== 'shapes' && o.kind !== 'view')) continue;
    payload[o.level] = { ...payload[o.level], [`${o.kind}GzipBytes`]: o.gzipBytes, features: o.rows };
  }
  const total = (kind: string) => manifest.outputs.filter((o) => o.kind === kind).reduce((a, o) => ({ bytes: a.bytes + o.bytes, gzipBytes: a.gzipBytes + o.gzipBytes }), { bytes: 0, gzipBytes: 0 });

  await build({ root: ROOT, logLevel: 'warn', build: { outDir: join(WORK, 'dist'), emptyOutDir: true } });
  rmSync(join(WORK, 'dist/data'), { recursive: true, force: true });
  cpSync(join(WORK, 'data'), join(WORK, 'dist/data'), { recursive: true });
  await build({ root: resolve(ROOT, 'test/bench/naive'), base: './', logLevel: 'warn', build: { outDir: join(WORK, 'naive'), emptyOutDir: true } });
  const rawGeojson = readFileSync(join(RAW, 'boundaries/lsoa21_bsc_england_wgs84.geojson.gz'));
  writeFileSync(join(WORK, 'naive/lsoa21.geojson'), gunzipSync(rawGeojson));

  const app = await serveStatic(join(WORK, 'dist'));
  const naive = await serveStatic(join(WORK, 'naive'));
  const browser = await launch();
  try {
    const views = {
      lsoa21: app.url,
      ward24: linkTo(app.url, { level: 'ward24' }),
      lad24: linkTo(app.url, { level: 'lad24' }),
      combineLink: linkTo(app.url, { mode: 'composite' }),
    };
    const runs: Record<string, Awaited<ReturnType<typeof firstMapRun>>[]> = { lsoa21: [], ward24: [], lad24: [], combineLink: [] };
    const naiveRuns: { firstMapMs: number; bytes: number }[] = [];
    // Interleaved, so a burst of other work on the machine hits both sides alike.
    for (let r = 0; r < RUNS; r++) {
      for (const [k, url] of Object.entries(views)) runs[k].push(await firstMapRun(browser, app, url));
      const { context } = await offlineContext(browser, { serviceWorkers: 'block' });
      const from = naive.log.length;
      const page = await context.newPage();
      await page.goto(naive.url);
      await page.waitForFunction(() => window.naiveResult !== undefined, undefined, { timeout: 300_000 });
      const res = await page.evaluate(() => ({ ...window.naiveResult!, origin: performance.timeOrigin }));
      naiveRuns.push({ firstMapMs: res.firstMapMs, bytes: naive.log.slice(from).filter((e) => e.end <= res.origin + res.firstMapMs).reduce((s, e) => s + e.bytes, 0) });
      await context.close();
    }

    // Recolour: the LSOA map open, palettes changed one after another.
    const { context } = await offlineContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 300_000 });
    const recolours = [];
    // Every step must change the palette (the default is YlOrRd), or nothing is redrawn and there is nothing to time.
    const current = await page.getByTestId('palette-select').inputValue();
    const sequence = ['cividis', 'viridis', 'magma', 'PuBuGn', 'YlOrRd', 'viridis', 'cividis'].filter((p, i, all) => p !== (i === 0 ? current : all[i - 1]));
    for (const palette of sequence) recolours.push(await recolour(page, palette));
    await context.close();
    const warm = recolours.slice(1);

    const lsoa = summarise(runs.lsoa21, 'lsoa21');
    const naiveMs = round(median(naiveRuns.map((r) => r.firstMapMs)));
    return {
      runs: RUNS,
      pipelineSeconds,
      payload: { levels: payload, tablesCsv: total('table'), tablePacks: total('pack'), rawLsoa21GeojsonGzipBytes: rawGeojson.length },
      firstMap: { lsoa21: lsoa, ward24: summarise(runs.ward24, 'ward24'), lad24: summarise(runs.lad24, 'lad24'), combineLink: summarise(runs.combineLink, 'lsoa21') },
      naiveGeoJsonLayer: { firstMapMs: naiveMs, firstMapMsRuns: naiveRuns.map((r) => round(r.firstMapMs)), bytesBeforeFirstMap: median(naiveRuns.map((r) => r.bytes)) },
      naiveOverOursFirstMap: round(naiveMs / lsoa.firstMapMs),
      recolourLsoa21: {
        wallMs: round(median(warm.map((r) => r.wallMs))),
        jsMs: round(median(warm.map((r) => r.jsMs))),
        nativeAndGlMs: round(median(warm.map((r) => r.nativeMs))),
        runs: warm.map((r) => ({ wallMs: round(r.wallMs), jsMs: round(r.jsMs) })),
        topJs: warm[Math.floor(warm.length / 2)].topJs,
      },
      note: 'first-map times are from navigation start, medians of cold loads (fresh browser context, no service worker); bytes are on the wire (gzip as a host sends it) for responses finished before the first map; firstTableQueryMs is when DuckDB first answered a query',
    };
  } finally {
    await browser.close();
    await app.stop();
    await naive.stop();
  }
}
