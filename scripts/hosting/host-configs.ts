/**
 * Ready-to-copy server configuration for common static hosts, each written from site-policy.ts:
 * the four files a host reads from the site folder itself (emitted into dist/ by the build) and an
 * nginx snippet (hosting/nginx.conf, for the server's own configuration). Paths are relative to the
 * site folder where the host allows it (Apache, IIS), so the site also works from a sub-path.
 */
import { CACHE_RULES, IMMUTABLE, MIME_TYPES, REVALIDATE, securityHeaders } from './site-policy';

const GENERATED = 'Generated from scripts/hosting/site-policy.ts by the build (npm run build); do not edit: change the policy there.';
const GENERATED_NGINX = 'Generated from scripts/hosting/site-policy.ts by npm run hosting:nginx; do not edit: change the policy there.';
const rulePaths = (cacheControl: string) => CACHE_RULES.filter((r) => r.cacheControl === cacheControl);

/** Netlify and Cloudflare Pages. Both merge every rule that matches, so no header appears in two rules. */
export function headersFile(origins: readonly string[]): string {
  const block = (path: string, headers: [string, string][]) => [path, ...headers.map(([n, v]) => `  ${n}: ${v}`)].join('\n');
  const cache = CACHE_RULES.map((r) => block(`/${r.path}${r.prefix ? '*' : ''}`, [['Cache-Control', r.cacheControl]]));
  return [`# ${GENERATED}`, '# Both hosts serve .wasm as application/wasm already.', block('/*', securityHeaders(origins)), ...cache].join('\n\n') + '\n';
}

/** Apache 2.4 (mod_headers, mod_mime). */
export function htaccess(origins: readonly string[]): string {
  const q = (v: string) => `"${v.replace(/"/g, '\\"')}"`;
  const immutable = rulePaths(IMMUTABLE).map((r) => `/${r.path}`).join('|');
  return [
    `# ${GENERATED}`,
    '<IfModule mod_mime.c>',
    ...MIME_TYPES.map(([ext, type]) => `  AddType ${type} ${ext}`),
    '</IfModule>',
    '<IfModule mod_headers.c>',
    ...securityHeaders(origins).map(([n, v]) => `  Header always set ${n} ${q(v)}`),
    `  Header set Cache-Control ${q(REVALIDATE)}`,
    `  <If "%{REQUEST_URI} =~ m#(${immutable})#">`,
    `    Header set Cache-Control ${q(IMMUTABLE)}`,
    '  </If>',
    '</IfModule>',
    '',
  ].join('\n');
}

/** Azure Static Web Apps. A route's headers override the global ones. */
export function staticWebAppConfig(origins: readonly string[]): string {
  const config = {
    $comment: GENERATED,
    globalHeaders: { ...Object.fromEntries(securityHeaders(origins)), 'Cache-Control': REVALIDATE },
    routes: rulePaths(IMMUTABLE).map((r) => ({ route: `/${r.path}*`, headers: { 'Cache-Control': IMMUTABLE } })),
    mimeTypes: Object.fromEntries(MIME_TYPES),
  };
  return JSON.stringify(config, null, 2) + '\n';
}

const xml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** IIS 10 (also Azure App Service on Windows). Each type is removed first: adding one IIS already knows is an error. */
export function webConfig(origins: readonly string[]): string {
  const header = (n: string, v: string, indent: string) => `${indent}<remove name="${n}" />\n${indent}<add name="${n}" value="${xml(v)}" />`;
  const location = (path: string) => [
    `  <location path="${path.replace(/\/$/, '')}">`,
    '    <system.webServer>',
    '      <httpProtocol>',
    '        <customHeaders>',
    header('Cache-Control', IMMUTABLE, '          '),
    '        </customHeaders>',
    '      </httpProtocol>',
    '    </system.webServer>',
    '  </location>',
  ].join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- ${GENERATED} -->`,
    '<configuration>',
    '  <system.webServer>',
    '    <staticContent>',
    ...MIME_TYPES.map(([ext, type]) => `      <remove fileExtension="${ext}" />\n      <mimeMap fileExtension="${ext}" mimeType="${type}" />`),
    '    </staticContent>',
    '    <httpProtocol>',
    '      <customHeaders>',
    ...[...securityHeaders(origins), ['Cache-Control', REVALIDATE] as [string, string]].map(([n, v]) => header(n, v, '        ')),
    '      </customHeaders>',
    '    </httpProtocol>',
    '  </system.webServer>',
    ...rulePaths(IMMUTABLE).map((r) => location(r.path)),
    '</configuration>',
    '',
  ].join('\n');
}

/**
 * nginx: goes inside the `server { }` that serves the site folder. nginx drops inherited add_header
 * lines in any block that has its own, so each location repeats the security headers.
 */
export function nginxSnippet(origins: readonly string[]): string {
  const headers = (cache: string, indent: string) => [...securityHeaders(origins), ['Cache-Control', cache]].map(([n, v]) => `${indent}add_header ${n} "${v}" always;`);
  const immutable = rulePaths(IMMUTABLE).map((r) => [
    `location /${r.path} {`,
    ...headers(IMMUTABLE, '    '),
    '    # Older mime.types lack wasm; an empty types map makes default_type apply (headers are inherited).',
    '    location ~* \\.wasm$ {',
    '        types { }',
    '        default_type application/wasm;',
    '    }',
    '}',
  ].join('\n'));
  return [
    `# ${GENERATED_NGINX}`,
    '# Hotspot Atlas: include inside the server { } block that serves the built site (dist/). For a',
    '# sub-path such as /atlas/, prefix each location with it (location /atlas/ { ... }).',
    'location / {',
    ...headers(REVALIDATE, '    '),
    '}',
    ...immutable,
    '',
  ].join('\n');
}

/** The files the build writes into the site folder, by name. */
export function siteRootConfigs(origins: readonly string[]): Record<string, string> {
  return { _headers: headersFile(origins), '.htaccess': htaccess(origins), 'staticwebapp.config.json': staticWebAppConfig(origins), 'web.config': webConfig(origins) };
}
