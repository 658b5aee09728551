/**
 * One cold page load, measured: from navigation to the first map drawn (mark `atlas:drawn:*`), the
 * bytes the server sent before that moment (gzip where a host would use it), and the marks the app
 * sets on the way (manifest, shapes, stored first-map results, database start and ready, first
 * table query answered). Each run uses a fresh browser context, so nothing comes from a cache.
 */
import type { Browser } from 'playwright-core';
import { offlineContext } from '../e2e/support/browser';
import type { StaticServer } from './static-server';

export interface FirstMapRun {
  firstMapMs: number;
  bytesBeforeFirstMap: number;
  requestsBeforeFirstMap: number;
  /** Largest downloads before the first map: path → bytes on the wire. */
  largestBefore: Record<string, number>;
  marks: Record<string, number>;
  /** The first answer from DuckDB (a table query), from navigation; null if none within the wait. */
  firstTableQueryMs: number | null;
  outsideRequests: number;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const round = (x: number) => Math.round(x * 10) / 10;

export async function firstMapRun(browser: Browser, server: StaticServer, url: string, waitForQueryMs = 120_000): Promise<FirstMapRun> {
  const { context, blocked } = await offlineContext(browser, { serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const from = server.log.length;
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByType('mark').some((m) => m.name.startsWith('atlas:drawn:')), undefined, { timeout: 300_000 });
    let firstTableQueryMs: number | null = null;
    try {
      await page.waitForFunction(() => performance.getEntriesByName('atlas:first-query').length > 0, undefined, { timeout: waitForQueryMs });
      firstTableQueryMs = await page.evaluate(() => performance.getEntriesByName('atlas:first-query')[0].startTime);
    } catch {
      // no table query within the wait: reported as null
    }
    const { origin, marks } = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    }));
    const firstMapMs = Math.min(...Object.entries(marks).filter(([k]) => k.startsWith('atlas:drawn:')).map(([, v]) => v));
    const before = server.log.slice(from).filter((r) => r.end <= origin + firstMapMs);
    const largest = [...before].sort((a, b) => b.bytes - a.bytes).slice(0, 6);
    return {
      firstMapMs,
      bytesBeforeFirstMap: before.reduce((s, r) => s + r.bytes, 0),
      requestsBeforeFirstMap: before.length,
      largestBefore: Object.fromEntries(largest.map((r) => [r.path.replace(/^.*\/(assets|data)\//, '$1/'), r.bytes])),
      marks: Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, round(v)])),
      firstTableQueryMs,
      outsideRequests: blocked.length,
    };
  } finally {
    await context.close();
  }
}

/** Medians over runs of the figures that matter, plus the runs' first-map times. */
export function summarise(runs: FirstMapRun[], level: string) {
  const q = runs.map((r) => r.firstTableQueryMs).filter((x): x is number => x !== null);
  const mark = (name: string) => {
    const xs = runs.map((r) => Object.entries(r.marks).find(([k]) => k === name || k.startsWith(`${name}:`))?.[1]).filter((x): x is number => x !== undefined);
    return xs.length ? round(median(xs)) : null;
  };
  return {
    firstMapMs: round(median(runs.map((r) => r.firstMapMs))),
    firstMapMsRuns: runs.map((r) => round(r.firstMapMs)),
    bytesBeforeFirstMap: median(runs.map((r) => r.bytesBeforeFirstMap)),
    requestsBeforeFirstMap: median(runs.map((r) => r.requestsBeforeFirstMap)),
    largestBefore: runs[0].largestBefore,
    firstTableQueryMs: q.length ? round(median(q)) : null,
    manifestMs: mark('atlas:manifest'),
    shapesMs: mark(`atlas:geometry:${level}`),
    firstViewResultsMs: mark('atlas:first-view-results'),
    dbStartMs: mark('atlas:db-start'),
    dbReadyMs: mark('atlas:db-ready'),
    outsideRequests: Math.max(...runs.map((r) => r.outsideRequests)),
  };
}
