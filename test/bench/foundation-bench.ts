/**
 * Issue 2's figures: pipeline time, payload per level (raw and gzipped), DuckDB start, time to the
 * first LSOA map in Chromium, recolour latency for all 33,755 LSOAs, and the naive path (the raw
 * GeoJSON handed to a deck.gl GeoJsonLayer) measured in the same run, with the ratio.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'vite';
import type { DataManifest } from '../../src/data/manifest';
import { launch, offlineContext, ROOT } from '../e2e/support/browser';
import { serveStatic } from './static-server';

const RAW = process.env.HOTSPOT_RAW_DIR ?? resolve(ROOT, '../shared/data/raw');
const WORK = '/tmp/hotspot-bench';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 10) / 10;

export async function benchFoundation(): Promise<Record<string, unknown>> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const t0 = performance.now();
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/build-data.ts'), '--raw', RAW, '--out', join(WORK, 'data')], { stdio: 'ignore' });
  const pipelineSeconds = (performance.now() - t0) / 1000;
  const manifest = JSON.parse(readFileSync(join(WORK, 'data/manifest.json'), 'utf8')) as DataManifest;
  const payload: Record<string, { bytes: number; gzipBytes: number; features: number }> = {};
  for (const o of manifest.outputs) if (o.kind === 'geometry' && o.level) payload[o.level] = { bytes: o.bytes, gzipBytes: o.gzipBytes, features: o.rows };
  const tables = manifest.outputs.filter((o) => o.kind === 'table').reduce((a, o) => ({ bytes: a.bytes + o.bytes, gzipBytes: a.gzipBytes + o.gzipBytes }), { bytes: 0, gzipBytes: 0 });

  await build({ root: ROOT, logLevel: 'warn', build: { outDir: join(WORK, 'dist'), emptyOutDir: true } });
  rmSync(join(WORK, 'dist/data'), { recursive: true, force: true });
  cpSync(join(WORK, 'data'), join(WORK, 'dist/data'), { recursive: true });
  await build({ root: resolve(ROOT, 'test/bench/naive'), base: './', logLevel: 'warn', build: { outDir: join(WORK, 'naive'), emptyOutDir: true } });
  writeFileSync(join(WORK, 'naive/lsoa21.geojson'), gunzipSync(readFileSync(join(RAW, 'boundaries/lsoa21_bsc_england_wgs84.geojson.gz'))));
  const rawGeojson = readFileSync(join(RAW, 'boundaries/lsoa21_bsc_england_wgs84.geojson.gz'));

  const app = await serveStatic(join(WORK, 'dist'));
  const naive = await serveStatic(join(WORK, 'naive'));
  const browser = await launch();
  try {
    const { context, blocked } = await offlineContext(browser);
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 180_000 });
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    const drawnName = Object.keys(marks).find((k) => k.startsWith('atlas:drawn:lsoa21|'))!;

    const recolours: number[] = [];
    for (const palette of ['YlOrRd', 'cividis', 'viridis', 'magma', 'PuBuGn', 'viridis']) {
      const start = await page.evaluate((p) => {
        const sel = document.querySelector('[data-testid=palette-select]') as HTMLSelectElement;
        const t = performance.now();
        const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
        setter.call(sel, p);
        sel.dispatchEvent(new Event('change', { bubbles: true }));
        return t;
      }, palette);
      await page.waitForFunction((t) => performance.getEntriesByType('mark').some((m) => m.name.startsWith('atlas:drawn:') && m.startTime > t), start, { timeout: 60_000 });
      const end = await page.evaluate((t) => Math.min(...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('atlas:drawn:') && m.startTime > t).map((m) => m.startTime)), start);
      recolours.push(end - start);
    }

    const npage = await (await browser.newContext()).newPage();
    await npage.goto(naive.url);
    await npage.waitForFunction(() => window.naiveResult !== undefined, undefined, { timeout: 300_000 });
    const naiveResult = await npage.evaluate(() => window.naiveResult!);
    const firstMapMs = marks[drawnName];
    return {
      pipelineSeconds: round(pipelineSeconds),
      payload: { geometry: payload, tables, rawLsoa21GeojsonGzipBytes: rawGeojson.length },
      browser: {
        duckdbStartMs: round(marks['atlas:db-ready'] - marks['atlas:db-start']),
        tablesLoadedMs: round(marks['atlas:tables-loaded']),
        lsoaGeometryReadyMs: round(marks['atlas:geometry:lsoa21']),
        firstLsoaMapMs: round(firstMapMs),
        recolourMs: { median: round(median(recolours.slice(1))), all: recolours.map(round) },
        outsideRequests: blocked.length,
      },
      naiveGeoJsonLayer: { firstMapMs: round(naiveResult.firstMapMs), features: naiveResult.features },
      naiveOverOursFirstMap: round(naiveResult.firstMapMs / firstMapMs),
      note: 'first-map times are from navigation start; ours includes starting DuckDB and loading every table, the naive page only draws the shapes',
    };
  } finally {
    await browser.close();
    await app.stop();
    await naive.stop();
  }
}
