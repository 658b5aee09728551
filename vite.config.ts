import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Content-Security-Policy of the built site: nothing beyond its own origin. A deployment that offers
 * an online basemap lists that basemap's origins (style, tiles, glyphs, sprites) at build time in
 * HOTSPOT_BASEMAP_ORIGINS (space-separated, e.g. "https://tiles.example.org"); nothing else is added.
 * 'wasm-unsafe-eval' lets DuckDB compile its WebAssembly; blob: covers downloads and worker URLs.
 * Only the build gets it (the dev server injects inline scripts of its own).
 */
function contentSecurityPolicy(): Plugin {
  const extra = (process.env.HOTSPOT_BASEMAP_ORIGINS ?? '').split(/\s+/).filter((o) => /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o)).join(' ');
  const self = extra ? `'self' ${extra}` : "'self'";
  const policy = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src ${self} blob: data:`,
    `img-src ${self} data: blob:`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'hotspot-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  };
}

// `base: './'` makes every asset URL relative, so the built site works from any sub-path
// (https://example.org/atlas/) and any static host without rebuilding.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
