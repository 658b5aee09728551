/**
 * Reads a whole ArcGIS FeatureServer layer (ONS Open Geography Portal) page by page. The server
 * caps each page at its maxRecordCount and flags `exceededTransferLimit` while more remain; the
 * total is checked against a `returnCountOnly` query, so a short or repeated page cannot pass.
 * Layers with geometry come back as GeoJSON (WGS84), tables as CSV; fields are renamed to the
 * raw-directory column names given in sources.ts.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { toCsv } from '../../../src/lib/csv-write';
import type { OfficialRelease } from '../sources';

type ArcgisRelease = Extract<OfficialRelease, { format: 'arcgis' }>;
type Get = (url: string) => Promise<Buffer>;

export interface ArcgisDownload {
  /** The query URL without paging parameters: what the manifest records as the origin. */
  origin: string;
  text: string;
  records: number;
}

export async function downloadArcgisLayer(release: ArcgisRelease, queryUrl: string, get: Get, log: (s: string) => void, label: string): Promise<ArcgisDownload> {
  const onsFields = Object.keys(release.fields);
  const base = new URLSearchParams({ where: release.where, outFields: onsFields.join(','), orderByFields: release.orderBy });
  const origin = `${queryUrl}?${base}&f=${release.geometry ? 'geojson' : 'json'}`;
  const total = (await arcgisJson(get, `${queryUrl}?${base}&returnCountOnly=true&f=json`)).count;
  if (typeof total !== 'number') throw new Error(`${queryUrl}: the count query returned no "count"`);

  const rows: Record<string, unknown>[] = [];
  const geometries: (Geometry | null)[] = [];
  let lastLog = Date.now();
  for (let offset = 0; ; ) {
    const body = await arcgisJson(get, `${queryUrl}?${pageQuery(release, base, offset)}`);
    const features = (body.features ?? []) as { attributes?: Record<string, unknown>; properties?: Record<string, unknown>; geometry?: Geometry | null }[];
    for (const f of features) {
      rows.push(pickFields(release.geometry ? f.properties : f.attributes, release.fields, queryUrl));
      if (release.geometry) geometries.push(f.geometry ?? null);
    }
    offset += features.length;
    if (Date.now() - lastLog > 2000) {
      lastLog = Date.now();
      log(`  ${label}: ${offset.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} records`);
    }
    // f=json reports the flag at the top level, f=geojson under "properties"; some servers omit it when false.
    const more = body.exceededTransferLimit ?? (body.properties as { exceededTransferLimit?: boolean } | undefined)?.exceededTransferLimit;
    if (features.length === 0 || more === false || offset >= total) break;
  }

  if (rows.length !== total) throw new Error(`${queryUrl}: paging returned ${rows.length} records but the layer has ${total}`);
  const key = release.fields[release.orderBy];
  if (new Set(rows.map((r) => r[key])).size !== rows.length) throw new Error(`${queryUrl}: paging returned repeated ${release.orderBy} values`);

  const text = release.geometry
    ? JSON.stringify({
        type: 'FeatureCollection',
        features: rows.map((properties, i) => ({ type: 'Feature', properties, geometry: geometries[i] })),
      } satisfies FeatureCollection<Geometry | null>)
    : toCsv(Object.values(release.fields), rows.map((r) => Object.values(release.fields).map((c) => r[c] as string | number | null)));
  return { origin, text, records: rows.length };
}

/** One page: the server may return fewer than `pageSize` records (its maxRecordCount), so offsets follow what came back. */
function pageQuery(release: ArcgisRelease, base: URLSearchParams, offset: number): URLSearchParams {
  const q = new URLSearchParams(base);
  q.set('resultOffset', String(offset));
  q.set('resultRecordCount', String(release.pageSize));
  q.set('returnGeometry', String(release.geometry));
  if (release.geometry) {
    q.set('outSR', '4326');
    q.set('geometryPrecision', '6');
  }
  q.set('f', release.geometry ? 'geojson' : 'json');
  return q;
}

/** ArcGIS reports query errors inside a 200 response, so they are checked here. */
async function arcgisJson(get: Get, url: string): Promise<Record<string, unknown>> {
  const buf = await get(url);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(buf.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new Error(`${url}: the response is not JSON (${buf.length} bytes)`);
  }
  const err = body.error as { code?: number; message?: string; details?: string[] } | undefined;
  if (err) throw new Error(`${url}: ArcGIS error ${err.code ?? ''} ${err.message ?? ''} ${(err.details ?? []).join(' ')}`.trim());
  return body;
}

/** ONS field names are matched without case (some layers use lower case) and saved under their raw-layout column names. */
function pickFields(attrs: Record<string, unknown> | undefined, fields: Record<string, string>, url: string): Record<string, unknown> {
  const byLower = new Map(Object.entries(attrs ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const out: Record<string, unknown> = {};
  for (const [ons, column] of Object.entries(fields)) {
    if (!byLower.has(ons.toLowerCase())) throw new Error(`${url}: field ${ons} missing from the response (has ${[...byLower.keys()].join(', ')})`);
    out[column] = byLower.get(ons.toLowerCase());
  }
  return out;
}
