import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, htaccess, nginxSnippet, staticWebAppConfig, webConfig } from './host-configs';
import { IMMUTABLE, metaPolicy, REVALIDATE } from './site-policy';

/**
 * Each host file is read back the way its host reads it (well enough for these files), and what it
 * would send is compared with the `<meta>` policy: the same directives, plus frame-ancestors.
 */
interface Sent { all: Record<string, string>; assets: Record<string, string>; index: Record<string, string>; data: Record<string, string>; wasm: string }

const unxml = (v: string) => v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function fromHeadersFile(text: string): Sent {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.startsWith('/')) rules.set(line.trim(), (current = {}));
    else if (/^\s+\S/.test(line)) {
      const [, n, v] = /^\s+([^:]+):\s*(.*)$/.exec(line)!;
      current[n] = v;
    }
  }
  // Every rule whose pattern matches is applied (Netlify, Cloudflare Pages).
  const sent = (path: string) => [...rules].filter(([p]) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p)).reduce<Record<string, string>>((all, [, h]) => ({ ...all, ...h }), {});
  return { all: sent('/'), index: sent('/index.html'), assets: sent('/assets/index-abc123.js'), data: sent('/data/manifest.json'), wasm: 'application/wasm' };
}

function fromHtaccess(text: string): Sent {
  const all = Object.fromEntries([...text.matchAll(/^ {2}Header (?:always )?set (\S+) "(.*)"$/gm)].map((m) => [m[1], m[2]]));
  const inIf = /<If "%\{REQUEST_URI\} =~ m#\((.*)\)#">\n\s+Header set Cache-Control "(.*)"/.exec(text)!;
  const assets = new RegExp(inIf[1]).test('/atlas/assets/index-abc123.js') ? { ...all, 'Cache-Control': inIf[2] } : all;
  return { all, index: all, assets, data: all, wasm: /AddType (\S+) \.wasm/.exec(text)![1] };
}

function fromStaticWebApp(text: string): Sent {
  const c = JSON.parse(text) as { globalHeaders: Record<string, string>; routes: { route: string; headers: Record<string, string> }[]; mimeTypes: Record<string, string> };
  const route = (path: string) => c.routes.filter((r) => path.startsWith(r.route.replace(/\*$/, ''))).reduce((h, r) => ({ ...h, ...r.headers }), c.globalHeaders);
  return { all: c.globalHeaders, index: route('/index.html'), assets: route('/assets/index-abc123.js'), data: route('/data/manifest.json'), wasm: c.mimeTypes['.wasm'] };
}

function fromWebConfig(text: string): Sent {
  const adds = (block: string) => Object.fromEntries([...block.matchAll(/<add name="([^"]+)" value="([^"]*)" \/>/g)].map((m) => [m[1], unxml(m[2])]));
  const [root, ...locations] = text.split('<location path=');
  const all = adds(root);
  const assets = locations.find((l) => l.startsWith('"assets"'));
  return { all, index: all, data: all, assets: { ...all, ...adds(assets ?? '') }, wasm: /<mimeMap fileExtension=".wasm" mimeType="([^"]+)"/.exec(text)![1] };
}

function fromNginx(text: string): Sent {
  const block = (loc: string) => Object.fromEntries([...text.split(`location ${loc} {`)[1].split('\n}')[0].matchAll(/add_header (\S+) "(.*)" always;/g)].map((m) => [m[1], m[2]]));
  return { all: block('/'), index: block('/'), data: block('/'), assets: block('/assets/'), wasm: /default_type (\S+);/.exec(text)![1] };
}

const HOSTS = [
  ['_headers (Netlify, Cloudflare Pages)', (o: string[]) => fromHeadersFile(headersFile(o))],
  ['.htaccess (Apache)', (o: string[]) => fromHtaccess(htaccess(o))],
  ['staticwebapp.config.json (Azure Static Web Apps)', (o: string[]) => fromStaticWebApp(staticWebAppConfig(o))],
  ['web.config (IIS)', (o: string[]) => fromWebConfig(webConfig(o))],
  ['nginx snippet', (o: string[]) => fromNginx(nginxSnippet(o))],
] as const;

describe('host configuration files', () => {
  for (const [host, read] of HOSTS) {
    for (const origins of [[], ['https://tiles.example.org', 'https://fonts.example.org:8443']]) {
      it(`${host}${origins.length ? ' with basemap origins' : ''}: the <meta> policy plus frame-ancestors as a header, nosniff, referrer policy, wasm type and caching`, () => {
        const sent = read(origins);
        for (const path of ['all', 'index', 'assets', 'data'] as const) {
          expect(sent[path]['Content-Security-Policy'], path).toBe(`${metaPolicy(origins)}; frame-ancestors 'none'`);
          expect(sent[path]['X-Content-Type-Options'], path).toBe('nosniff');
          expect(sent[path]['Referrer-Policy'], path).toBe('no-referrer');
        }
        expect(sent.assets['Cache-Control']).toBe(IMMUTABLE);
        expect(sent.index['Cache-Control']).toBe(REVALIDATE);
        expect(sent.data['Cache-Control']).toBe(REVALIDATE);
        expect(sent.wasm).toBe('application/wasm');
        if (origins.length) expect(sent.all['Content-Security-Policy']).toContain(`img-src 'self' ${origins.join(' ')} data: blob:`);
      });
    }
  }

  it('the committed hosting/nginx.conf is what npm run hosting:nginx writes', () => {
    expect(readFileSync(resolve(import.meta.dirname, '../../hosting/nginx.conf'), 'utf8')).toBe(nginxSnippet([]));
  });

  it('the policy allows nothing inline and no other origin unless a basemap is named', () => {
    expect(metaPolicy([])).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    expect(metaPolicy(['https://tiles.example.org'])).toContain("connect-src 'self' https://tiles.example.org blob: data:");
    expect(metaPolicy([])).not.toContain('frame-ancestors');
  });
});
