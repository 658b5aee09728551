/**
 * Hosting, end to end: the built site's `<meta>` policy and every host file the build wrote carry
 * the same Content-Security-Policy (scripts/hosting/site-policy.ts); `vite preview` serves it as a
 * header, as a configured host does; the app's workers run under it (a worker fetched from the site
 * gets the policy from its own response header, which a `<meta>` tag never reaches); and nothing the
 * app draws needs an exception, inline styles included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerPolicy, IMMUTABLE } from '../../scripts/hosting/site-policy';
import { closeAtlasSession, DIST, openAtlasSession, type AtlasSession } from './support/browser';

let s: AtlasSession;
const dist = (path: string) => readFileSync(join(DIST, path), 'utf8');
const metaCsp = () => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(dist('index.html'))?.[1];

beforeAll(async () => {
  s = await openAtlasSession('/', { open: true });
}, 300_000);
afterAll(() => closeAtlasSession(s));

describe('the site as a host serves it', () => {
  it('the <meta> tag and every host file in dist/ carry one policy; the headers add frame-ancestors', () => {
    const meta = metaCsp();
    expect(meta).toMatch(/^default-src 'self'; .*style-src 'self';/);
    const header = `${meta}; frame-ancestors 'none'`;
    // Built with the same basemap origins as this test run, so the policy module gives the same text.
    expect(header).toBe(headerPolicy((process.env.HOTSPOT_BASEMAP_ORIGINS ?? '').split(/\s+/).filter(Boolean)));
    expect(/^\s+Content-Security-Policy: (.*)$/m.exec(dist('_headers'))?.[1]).toBe(header);
    expect(/Header always set Content-Security-Policy "(.*)"/.exec(dist('.htaccess'))?.[1]).toBe(header);
    expect((JSON.parse(dist('staticwebapp.config.json')) as { globalHeaders: Record<string, string> }).globalHeaders['Content-Security-Policy']).toBe(header);
    expect(/<add name="Content-Security-Policy" value="([^"]*)" \/>/.exec(dist('web.config'))?.[1]).toBe(header);
  });

  it('every file Vite wrote to assets/ (cached as immutable) has a content hash in its name', () => {
    const files = readdirSync(join(DIST, 'assets'));
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => !/-[A-Za-z0-9_-]{8}\.(js|mjs|css|wasm)$/.test(f))).toEqual([]);
    expect(dist('_headers')).toContain(`/assets/*\n  Cache-Control: ${IMMUTABLE}`);
  });

  it('vite preview sends the policy and the other headers with the page, workers and wasm', async () => {
    const assets = readdirSync(join(DIST, 'assets'));
    const worker = assets.find((f) => /\.worker.*\.js$/.test(f))!;
    const wasm = assets.find((f) => f.endsWith('.wasm'))!;
    for (const path of ['', 'index.html', `assets/${worker}`, `assets/${wasm}`, 'data/manifest.json']) {
      const res = await fetch(`${s.server.url}${path}`, { method: 'HEAD' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy'), path).toBe(`${metaCsp()}; frame-ancestors 'none'`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    expect((await fetch(`${s.server.url}assets/${wasm}`, { method: 'HEAD' })).headers.get('content-type')).toBe('application/wasm');
  });

  it('the app\'s workers run under the policy: a request to another origin is refused inside them', async () => {
    // By the first drawn map DuckDB's worker has loaded the tables and the geometry worker the shapes.
    const workers = s.page.workers();
    expect(workers.length).toBeGreaterThanOrEqual(2);
    const before = s.ctx.blocked.length;
    for (const w of workers) {
      // Another port of 127.0.0.1 is another origin: connect-src 'self' refuses it before any request
      // is made (a worker without the policy would send it, and the connection would be refused).
      const result = await w.evaluate(async () => {
        const violation = new Promise<string>((resolve) => self.addEventListener('securitypolicyviolation', (e) => resolve(`violation of ${e.effectiveDirective}`), { once: true }));
        await fetch('http://127.0.0.1:9/outside').catch(() => undefined);
        return Promise.race([violation, new Promise<string>((resolve) => setTimeout(() => resolve('no violation'), 3000))]);
      });
      expect(result, w.url()).toBe('violation of connect-src');
    }
    expect(s.ctx.blocked.length).toBe(before);
    // The refusals were reported as errors; they were the test's, not the app's.
    s.errors.splice(0, s.errors.length, ...s.errors.filter((e) => !e.includes('127.0.0.1:9/outside')));
  });

  it('draws the map and panels with no policy violation (no inline styles needed) and no request outside the site', async () => {
    await s.page.getByTestId('tab-hotspots').click();
    await s.page.getByTestId('tab-combine').click();
    await s.page.screenshot({ path: 'test/output/e2e-hosting.png' });
    expect(s.errors).toEqual([]);
    expect(s.ctx.blocked).toEqual([]);
  });
});
