/**
 * `--source-base URL` replaces the publishers' hosts and keeps each file's path, so a mirror (or the
 * offline test server) that copies the publishers' paths can stand in for all of them at once.
 * The official paths do not collide: /media/… (GOV.UK), /ESMARspQHYMw9BZ9/arcgis/… (ONS ArcGIS),
 * /sharing/rest/… (arcgis.com items), /v1/population-types/… (ONS API).
 */
export function withSourceBase(url: string, base: string | undefined): string {
  if (!base) return url;
  const u = new URL(url);
  const b = new URL(base);
  return `${b.origin}${b.pathname.replace(/\/+$/, '')}${u.pathname}${u.search}`;
}

/** Checks the option once, at the boundary, with a message naming it. */
export function parseSourceBase(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`--source-base must be an http(s) URL such as http://127.0.0.1:8080 (got "${value}")`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(`--source-base must be an http(s) URL (got "${value}")`);
  }
  return value;
}
