/**
 * The one statement of how the built site must be served: its Content-Security-Policy, the other
 * security headers, the wasm MIME type and the caching rules. vite.config.ts puts the policy in the
 * `<meta>` tag and sends it from `vite preview`; host-configs.ts writes every host's configuration
 * file from the same values, so the tag and the headers cannot disagree (host-configs.test.ts and
 * test/e2e/hosting.test.ts check it).
 *
 * The policy allows nothing beyond the site's own origin. A deployment that offers an online basemap
 * lists that basemap's origins (style, tiles, glyphs, sprites) at build time in
 * HOTSPOT_BASEMAP_ORIGINS (space-separated https:// origins); nothing else is added.
 * 'wasm-unsafe-eval' lets DuckDB compile its WebAssembly; blob: covers downloads and worker URLs.
 * Styles come only from the site's own stylesheets: React, deck.gl and maplibre set element styles
 * through the CSSOM, which style-src does not restrict, so no 'unsafe-inline' is needed.
 */

/** The https:// origins named in HOTSPOT_BASEMAP_ORIGINS (anything else in it is ignored). */
export function basemapOrigins(env: Record<string, string | undefined> = process.env): string[] {
  return (env.HOTSPOT_BASEMAP_ORIGINS ?? '').split(/\s+/).filter((o) => /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o));
}

function directives(origins: readonly string[]): string[] {
  const self = ["'self'", ...origins].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src ${self} blob: data:`,
    `img-src ${self} data: blob:`,
    "style-src 'self'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ];
}

/** The policy for the `<meta>` tag. frame-ancestors is left out: browsers ignore it there (and say so). */
export const metaPolicy = (origins: readonly string[]) => directives(origins).join('; ');

/** The policy as an HTTP header: the meta policy plus what only a header can carry. */
export const headerPolicy = (origins: readonly string[]) => [...directives(origins), "frame-ancestors 'none'"].join('; ');

/** Headers for every response, in the order the host files list them. */
export function securityHeaders(origins: readonly string[]): [name: string, value: string][] {
  return [
    ['Content-Security-Policy', headerPolicy(origins)],
    ['X-Content-Type-Options', 'nosniff'],
    // The app sends no request outside its folder unless a basemap is set; that request needs no referrer.
    ['Referrer-Policy', 'no-referrer'],
    // frame-ancestors 'none' for browsers that predate it.
    ['X-Frame-Options', 'DENY'],
  ];
}

/** Vite names every file in assets/ after a hash of its content, so a changed file is a new URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else keeps its name from build to build (index.html, data/manifest.json, the readable CSVs): revalidate each time. */
export const REVALIDATE = 'no-cache';

/**
 * Paths (relative to the site folder) with their Cache-Control. Disjoint, so no host has to merge two
 * rules. The pipeline names every file in data/geo/, data/views/ and data/weights/ after a hash of its
 * content (`geo/lsoa21.<hash8>.bin`, listed in manifest.json's `files`), so those folders are
 * immutable too; data/tables/ also holds the readable CSVs, which keep their names.
 */
export const CACHE_RULES: readonly { path: string; prefix: boolean; cacheControl: string }[] = [
  { path: 'assets/', prefix: true, cacheControl: IMMUTABLE },
  { path: 'data/geo/', prefix: true, cacheControl: IMMUTABLE },
  { path: 'data/views/', prefix: true, cacheControl: IMMUTABLE },
  { path: 'data/weights/', prefix: true, cacheControl: IMMUTABLE },
  { path: '', prefix: false, cacheControl: REVALIDATE },
  { path: 'index.html', prefix: false, cacheControl: REVALIDATE },
  { path: 'data/manifest.json', prefix: false, cacheControl: REVALIDATE },
  { path: 'data/tables/', prefix: true, cacheControl: REVALIDATE },
];

/** File types some hosts do not know (IIS refuses to serve unknown extensions at all). */
export const MIME_TYPES: readonly [extension: string, type: string][] = [
  ['.wasm', 'application/wasm'],
  ['.json', 'application/json'],
  ['.csv', 'text/csv'],
  ['.gal', 'text/plain'],
  // The pipeline's gzipped binary files (shapes, column packs): the app inflates them itself.
  ['.bin', 'application/octet-stream'],
  ['.cols', 'application/octet-stream'],
  ['.webmanifest', 'application/manifest+json'],
];
