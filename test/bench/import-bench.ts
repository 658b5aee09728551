/**
 * Issue 7's figures, measured in Chromium on the built app (dist/, or $HOTSPOT_DIST_DIR): a
 * 1,000,000-row CSV of LSOA 2021 codes (every LSOA about 30 times, values generated here), written
 * to a temporary folder at bench time and deleted after, loaded through the "Your data" file chooser:
 *
 *   toReportMs:  file chosen → join report on screen (read, parse, detect the codes, join, report,
 *                all in the import worker)
 *   toAddedMs:   "Add" clicked → dataset listed (columns sent to the main thread, Arrow into DuckDB,
 *                rows combined to one per LSOA)
 *   toMappedMs:  "Add" clicked → the new measure drawn at local authority level (aggregated from LSOAs)
 *   memory:      peak while loading of the page's JS heap (CDP Performance.getMetrics JSHeapUsedSize,
 *                main thread), the largest renderer process's RSS (page + its workers + DuckDB wasm)
 *                and all of Chromium's processes together, sampled every 100 ms; baselines before.
 *
 * `benchImport()` returns the figures; `npm run bench -- import` prints them as JSON.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { linkTo, waitForView } from '../e2e/support/atlas-page';
import { DIST, launch, offlineContext, startPreview } from '../e2e/support/browser';

const ROWS = 1_000_000;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Writes the CSV in chunks (never the whole text in memory at once). */
function writeCsv(path: string, codes: string[]): number {
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const chunk: string[] = ['lsoa21_code,month,screening_uptake_pct,referrals'];
  writeFileSync(path, '');
  for (let i = 0; i < ROWS; i++) {
    chunk.push(`${codes[i % codes.length]},${1 + Math.floor(i / codes.length)},${(40 + rand() * 50).toFixed(1)},${Math.floor(rand() * 40)}`);
    if (chunk.length === 50_000) {
      writeFileSync(path, `${chunk.join('\n')}\n`, { flag: 'a' });
      chunk.length = 0;
    }
  }
  if (chunk.length) writeFileSync(path, `${chunk.join('\n')}\n`, { flag: 'a' });
  return statSync(path).size;
}

/** Chromium's processes: every descendant of this node process (RSS in bytes, renderer or not). */
function chromiumProcesses(): { rss: number; renderer: boolean }[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid), k = 0; p && k < 50; p = parent.get(p), k++) if (p === process.pid) return true;
    return false;
  };
  const out: { rss: number; renderer: boolean }[] = [];
  for (const pid of parent.keys()) {
    if (!mine(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chrom')) continue;
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      out.push({ rss, renderer: cmd.includes('--type=renderer') });
    } catch {
      // gone
    }
  }
  return out;
}

export async function benchImport(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'hotspot-import-bench-'));
  const server = await startPreview('/');
  const browser = await launch();
  try {
    const areas = Papa.parse<Record<string, string>>(readFileSync(join(DIST, 'data/tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const codes = areas.filter((r) => r.level === 'lsoa21').map((r) => r.code);
    const file = join(dir, 'screening-1m-rows.csv');
    const bytes = writeCsv(file, codes);

    const { context, blocked } = await offlineContext(browser);
    const page = await context.newPage();
    await page.goto(linkTo(server.url, { level: 'lad24' }));
    await waitForView(page, 'lad24', 'imd2025.imd.score', 180_000);
    await page.getByTestId('tab-your-data').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=your-data-panel]')?.getAttribute('data-references') === 'ready', undefined, { timeout: 180_000 });

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
    const sample = () => {
      const ps = chromiumProcesses();
      return { renderer: Math.max(0, ...ps.filter((p) => p.renderer).map((p) => p.rss)), total: ps.reduce((s, p) => s + p.rss, 0) };
    };
    const base = { heap: await heap(), ...sample() };
    const peak = { ...base };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const s = sample();
        peak.renderer = Math.max(peak.renderer, s.renderer);
        peak.total = Math.max(peak.total, s.total);
        peak.heap = Math.max(peak.heap, await heap().catch(() => 0));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const t0 = Date.now();
    await page.getByTestId('yd-drop-input').setInputFiles(file);
    await page.getByTestId('yd-report').waitFor({ timeout: 600_000 });
    const toReportMs = Date.now() - t0;
    const report = {
      rowsRead: await page.getByTestId('yd-report-rows-read').innerText(),
      rowsMatched: await page.getByTestId('yd-report-rows-matched').innerText(),
      duplicateCodes: await page.getByTestId('yd-report-duplicates').innerText(),
    };
    const t1 = Date.now();
    await page.getByTestId('yd-add').click();
    await page.getByTestId('yd-dataset').waitFor({ timeout: 600_000 });
    const toAddedMs = Date.now() - t1;
    await page.waitForFunction(() => {
      const r = document.getElementById('root');
      return r?.dataset.state === 'ready' && (r.dataset.view ?? '').startsWith('lad24|user.');
    }, undefined, { timeout: 600_000 });
    const toMappedMs = Date.now() - t1;
    sampling = false;
    await sampler;

    return {
      rows: ROWS,
      fileMB: mb(bytes),
      columns: 'LSOA 2021 code, month (1–30), uptake %, referrals; every LSOA ~30 times (combined: mean / sum)',
      report,
      toReportMs,
      toAddedMs,
      toMappedMs,
      loadAndJoinMs: toReportMs + toAddedMs,
      memoryMB: {
        jsHeapMainThread: { before: mb(base.heap), peak: mb(peak.heap) },
        largestRendererRss: { before: mb(base.renderer), peak: mb(peak.renderer) },
        allChromiumRss: { before: mb(base.total), peak: mb(peak.total) },
      },
      requestsWhileLoading: requests.length,
      outsideRequests: blocked.length,
      note: 'Headless Chromium (SwiftShader), 2 shared cores; the file is generated at bench time in a temporary folder and deleted after.',
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
