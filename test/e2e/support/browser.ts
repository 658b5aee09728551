/**
 * End-to-end harness: serves the built app with `vite preview` (correct wasm MIME types and Range
 * requests) and drives Debian's Chromium through playwright-core. Every request that does not go to
 * 127.0.0.1 is blocked and counted, to prove the app works offline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** The built site to serve: `dist/`, or $HOTSPOT_DIST_DIR (so parallel work can use private builds). */
export const DIST = process.env.HOTSPOT_DIST_DIR ?? resolve(ROOT, 'dist');

/** Serves the built site at `base` (e.g. "/atlas/") on a free port. The build must exist (`npm run build`). */
export async function startPreview(base = '/'): Promise<Server> {
  if (!existsSync(resolve(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run "npm run build" before the e2e tests`);
  const port = await freePort();
  const args = [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port), '--base', base, '--outDir', DIST];
  // Run vite itself (not through npx) so stopping it really stops the server.
  const proc: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://127.0.0.1:${port}${base}`;
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

/** A port nobody is listening on (asked from the OS), so a stale server can never answer. */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface OfflineContext {
  context: BrowserContext;
  /** URLs of every blocked request that was not to 127.0.0.1. */
  blocked: string[];
}

export async function offlineContext(browser: Browser, opts: Parameters<Browser['newContext']>[0] = {}): Promise<OfflineContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...opts });
  // Every Content-Security-Policy violation becomes a console error, which each suite's "no errors"
  // check then reports (Chromium logs blocked resources, but not every violation, by itself).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return { context, blocked };
}

/** Waits until the root element says the requested map is drawn. */
export async function waitForReady(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout });
}

/** Collects console errors and uncaught exceptions of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

export interface AtlasSession {
  server: Server;
  browser: Browser;
  ctx: OfflineContext;
  page: Page;
  /** Console errors and uncaught exceptions of `page`. */
  errors: string[];
}

/**
 * Serves the built app, starts Chromium with an offline context and opens one page; with
 * `open`, the page also loads the app and waits for the first map.
 */
export async function openAtlasSession(base = '/', opts: { open?: boolean; context?: Parameters<Browser['newContext']>[0] } = {}): Promise<AtlasSession> {
  const server = await startPreview(base);
  const browser = await launch();
  const ctx = await offlineContext(browser, opts.context);
  const page = await ctx.context.newPage();
  const errors = collectErrors(page);
  if (opts.open) {
    await page.goto(server.url);
    await waitForReady(page);
  }
  return { server, browser, ctx, page, errors };
}

/** Ends what openAtlasSession started (safe when it failed half-way). */
export async function closeAtlasSession(s: Partial<Pick<AtlasSession, 'browser' | 'server'>>): Promise<void> {
  await s.browser?.close();
  await s.server?.stop();
}
