/**
 * `npm run hosting:nginx`: writes hosting/nginx.conf from site-policy.ts, with the basemap origins in
 * $HOTSPOT_BASEMAP_ORIGINS if the site is built with them (the committed file has none; a test
 * checks it is up to date). The other hosts' files are written into dist/ by the build itself.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nginxSnippet } from './host-configs';
import { basemapOrigins } from './site-policy';

const out = resolve(import.meta.dirname, '../../hosting/nginx.conf');
writeFileSync(out, nginxSnippet(basemapOrigins()));
console.log(`wrote ${out}`);
