/**
 * The service worker (public/sw.js) in Chromium, with the site under a sub-path (/atlas/):
 *   - a second visit with the server stopped still opens the map (shell and the first map's files
 *     come from the worker's caches);
 *   - a new deploy is picked up: an online visit gets the new index.html and scripts at once, the new
 *     worker takes over, old shell caches go, and a page still running the old build is told a new
 *     version is available and reloads into it.
 * The site is served by the bench's static server on one fixed port, so the origin stays the same
 * across "deploys" (a service worker belongs to its origin).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../bench/static-server';
import { collectErrors, DIST, launch, offlineContext, waitForReady } from './support/browser';
import { mapPixels } from './support/map-pixels';

const BASE = '/atlas/';
let browser: Browser;
let context: BrowserContext;
let server: StaticServer | null = null;
let port = 0;
let work = '';

/** Waits until this page is controlled by a service worker that has stored every file of the first map. */
async function waitForOfflineCopy(page: Page, build: string): Promise<void> {
  await page.waitForFunction((b) => navigator.serviceWorker.controller?.scriptURL.includes(`build=${b}`) && navigator.serviceWorker.controller.state === 'activated', build, { timeout: 60_000 });
  // Polled from here: waitForFunction does not wait for a promise the page function returns.
  for (let i = 0; i < 120; i++) {
    const stored = await page.evaluate(async () => {
      if (!(await caches.has('hotspot-atlas-data'))) return false;
      const urls = (await (await caches.open('hotspot-atlas-data')).keys()).map((k) => k.url);
      return [/\/data\/manifest\.json$/, /\/data\/geo\/lsoa21\.[0-9a-f]{8}\.bin$/, /\/data\/geo\/lad24\.[0-9a-f]{8}\.bin$/, /\/data\/views\/lsoa21\.[0-9a-f]{8}\.cols$/]
        .every((re) => urls.some((u) => re.test(u)));
    });
    if (stored) return;
    await page.waitForTimeout(500);
  }
  throw new Error('the service worker did not store the first map\'s files within 60 s');
}

const entryOf = (html: string) => /src="\.\/assets\/(index-[^"]+)\.js"/.exec(html)![1];

/**
 * A "new deploy": index.html names a new entry script (a new content-hashed name, so a new build
 * id). The new entry runs the old one, so every chunk still finds the module it imports by name, as
 * in a real build where all names change together.
 */
function redeploy(dir: string): string {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const old = entryOf(html);
  const next = `${old}-2`;
  writeFileSync(join(dir, 'assets', `${next}.js`), `import './${old}.js';\n`);
  writeFileSync(join(dir, 'index.html'), html.replace(`${old}.js`, `${next}.js`));
  return next;
}

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run "npm run build" first`);
  work = mkdtempSync(join(tmpdir(), 'atlas-sw-'));
  cpSync(DIST, join(work, 'site'), { recursive: true });
  server = await serveStatic(join(work, 'site'), { base: BASE });
  port = server.port;
  browser = await launch();
  ({ context } = await offlineContext(browser));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('service worker', () => {
  let first: Page;
  const build1 = () => entryOf(readFileSync(join(work, 'site/index.html'), 'utf8'));

  it('opens the map on a second visit with the server stopped', async () => {
    first = await context.newPage();
    const errors = collectErrors(first);
    await first.goto(`http://127.0.0.1:${port}${BASE}`);
    await waitForReady(first);
    await waitForOfflineCopy(first, build1());
    expect(errors).toEqual([]);

    await server!.stop();
    server = null;
    const again = await context.newPage();
    await again.goto(`http://127.0.0.1:${port}${BASE}`);
    await waitForReady(again);
    // Seen twice on a machine loaded by other builds: the first read of the canvas right after
    // "ready" was the background alone, while the map drew a moment later. The map must draw
    // within a few seconds; a map that stays blank still fails here.
    let px = await mapPixels(again);
    for (let i = 0; i < 50 && px.drawn <= 0.1; i++) {
      await again.waitForTimeout(200);
      px = await mapPixels(again);
    }
    await again.screenshot({ path: 'test/output/e2e-offline-revisit.png' });
    expect(px.drawn).toBeGreaterThan(0.1);
    expect(px.colours).toBeGreaterThanOrEqual(5);
    await again.close();
  });

  it('picks up a new deploy, and tells a page of the old build to reload', async () => {
    const site = join(work, 'site');
    const oldBuild = build1();
    const newBuild = redeploy(site);
    server = await serveStatic(site, { base: BASE, port });

    const fresh = await context.newPage();
    const errors = collectErrors(fresh);
    await fresh.goto(`http://127.0.0.1:${port}${BASE}`);
    await waitForReady(fresh);
    // The new index.html and its scripts came from the network, not a stale copy.
    expect(await fresh.evaluate(() => document.querySelector<HTMLScriptElement>('script[type=module][src]')!.src)).toContain(newBuild);
    await waitForOfflineCopy(fresh, newBuild);
    expect(await fresh.evaluate(() => caches.keys())).not.toContain(`hotspot-atlas-shell-${oldBuild}`);
    expect(errors).toEqual([]);

    // The page opened before the deploy still runs the old build: it is offered the new one.
    const prompt = first.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    expect(await prompt.innerText()).toMatch(/new version of Hotspot Atlas is available/);
    await Promise.all([first.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await waitForReady(first);
    await first.screenshot({ path: 'test/output/e2e-after-update.png' });
    expect(await first.evaluate(() => document.querySelector<HTMLScriptElement>('script[type=module][src]')!.src)).toContain(newBuild);
  });
});
