import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { siteRootConfigs } from './scripts/hosting/host-configs';
import { basemapOrigins, metaPolicy, securityHeaders } from './scripts/hosting/site-policy';

const origins = basemapOrigins();

/**
 * The site's Content-Security-Policy and host configuration, all from scripts/hosting/site-policy.ts:
 * the `<meta>` tag in index.html, and the header files that static hosts read from the site folder
 * (_headers, .htaccess, staticwebapp.config.json, web.config), which also send the policy as a
 * header (so workers get it too) with frame-ancestors, nosniff, Referrer-Policy and caching rules.
 * Only the build gets them (the dev server injects inline scripts of its own).
 */
function sitePolicy(): Plugin {
  return {
    name: 'hotspot-site-policy',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${metaPolicy(origins)}" />`),
    generateBundle() {
      for (const [fileName, source] of Object.entries(siteRootConfigs(origins))) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

// `base: './'` makes every asset URL relative, so the built site works from any sub-path
// (https://example.org/atlas/) and any static host without rebuilding.
export default defineConfig({
  base: './',
  plugins: [react(), sitePolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  // `vite preview` (and so every e2e test) sends the policy as a header, as a configured host does.
  preview: { headers: Object.fromEntries(securityHeaders(origins)) },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
