/**
 * GeoJSON boundaries (a FeatureCollection of Polygon/MultiPolygon features): properties become the
 * table's columns, polygons are kept per row in WGS84 (reprojected when needed, see geojson-crs).
 * Every feature must be a usable polygon: the error lists the features that are not, so the user
 * can fix them in their GIS.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ByteSource } from './byte-source';
import { decideCrs, ENGLAND_BBOX, toWgs84, type Bbox } from './geojson-crs';
import { INPUT_LIMITS } from '../../lib/input-limits';
import { allPoints, geojsonPointsTable } from './geojson-points';
import { extendBbox, geometryProblem, positionCount, rewritePositions } from './geojson-geometry';
import { ImportError, listRows, throwIfAborted, tooLarge, type ImportIssue } from './import-issue';
import type { ImportedTable } from './imported-table';
import { POINT_DECIMALS } from './parse-number';
import type { ReadOptions } from './read-options';
import { TableBuilder } from './table-builder';

interface RawFeature { type?: unknown; geometry?: unknown; properties?: unknown }

function invalidJson(file: string, text: string, e: unknown): ImportError {
  const msg = (e as Error).message;
  const pos = /position (\d+)/.exec(msg);
  let where = '';
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    where = ` near line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
  } else if (/end of JSON input|Unterminated/i.test(msg)) where = ' at the end: the file seems cut short';
  return new ImportError('invalid-json', `${file}: not valid JSON${where}. Export the boundaries again from your GIS as GeoJSON.`);
}

function asFeatures(doc: unknown, file: string): RawFeature[] {
  const d = doc as { type?: unknown; features?: unknown } | null;
  const type = d && typeof d === 'object' ? d.type : undefined;
  if (type === 'FeatureCollection' && Array.isArray(d!.features)) {
    if (!d!.features.length) throw new ImportError('not-geojson', `${file}: the FeatureCollection has no features. Export the boundaries again, with their polygons.`);
    return d!.features as RawFeature[];
  }
  const what = type === 'Topology' ? 'TopoJSON, not GeoJSON; convert it to GeoJSON (e.g. with mapshaper)'
    : type === 'Feature' ? 'a single Feature; the atlas needs a FeatureCollection'
    : typeof type === 'string' ? `a GeoJSON ${type}, not a FeatureCollection` : 'JSON but not GeoJSON (no "type": "FeatureCollection")';
  throw new ImportError('not-geojson', `${file}: this is ${what}. Export your boundaries as a GeoJSON FeatureCollection of polygons.`);
}

function propertyText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export async function readGeoJson(src: ByteSource, opts: ReadOptions = {}): Promise<ImportedTable> {
  const file = src.name;
  const text = new TextDecoder('utf-8').decode(await src.read(0, src.size));
  throwIfAborted(opts.signal, file);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw invalidJson(file, text, e);
  }
  const features = asFeatures(doc, file);
  if (allPoints(features)) return geojsonPointsTable(file, features);
  const simplify = 'Simplify or split the boundaries in your GIS (e.g. mapshaper: 1 % of the points is plenty for a map) and export again.';
  if (features.length > INPUT_LIMITS.geojsonFeatures) throw tooLarge(file, 'geojsonFeatures', `it has ${features.length.toLocaleString('en-GB')} features`, simplify);
  const bad = features.map((f, i) => ({ i: i + 1, why: f?.type === 'Feature' ? geometryProblem(f.geometry) : 'is not a Feature' })).filter((b) => b.why);
  if (bad.length) {
    const first = bad[0];
    throw new ImportError('bad-geometry', `${file}: ${listRows(bad.map((b) => b.i), bad.length, 'feature')} cannot be used as boundaries (feature ${first.i} ${first.why}). Every feature must be a Polygon or MultiPolygon; fix or remove those features in your GIS and export again.`);
  }
  opts.onProgress?.({ phase: 'reading', done: src.size / 2, total: src.size, rows: 0 });
  const geometries = features.map((f) => f.geometry as Polygon | MultiPolygon);
  const vertices = geometries.reduce((s, g) => s + positionCount(g), 0);
  if (vertices > INPUT_LIMITS.geojsonVertices) throw tooLarge(file, 'geojsonVertices', `its boundaries have ${vertices.toLocaleString('en-GB')} points`, simplify);
  const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) extendBbox(bbox, g);
  const crs = decideCrs((doc as { crs?: unknown }).crs, bbox, file);
  const convert = toWgs84(crs.crs);
  let closed = 0;
  for (const g of geometries) closed += rewritePositions(g, convert);
  const issues: ImportIssue[] = [];
  if (closed) issues.push({ severity: 'info', code: 'ring-closed', count: closed, message: `${file}: ${closed} polygon rings were not closed (last point ≠ first); they were closed.` });
  const wgs: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) extendBbox(wgs, g);
  if (wgs[0] < ENGLAND_BBOX[0] || wgs[1] < ENGLAND_BBOX[1] || wgs[2] > ENGLAND_BBOX[2] || wgs[3] > ENGLAND_BBOX[3]) {
    issues.push({ severity: 'warning', code: 'outside-england-bbox', message: `${file}: some boundaries lie outside England (longitude ${wgs[0].toFixed(2)} to ${wgs[2].toFixed(2)}, latitude ${wgs[1].toFixed(2)} to ${wgs[3].toFixed(2)}). Check that the file is the one you meant and that its coordinate system is right.` });
  }

  const names: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys((f.properties as object | null) ?? {})) {
      if (!seen.has(k)) {
        names.push(k);
        seen.add(k);
      }
    }
  }
  if (!names.length) throw new ImportError('not-geojson', `${file}: the features have no properties, so there is no code or name to tell the areas apart. Add an identifier property (e.g. "code") to each feature and export again.`);
  const builder = new TableBuilder({ file, format: 'geojson', rowNoun: 'feature', numberStyle: POINT_DECIMALS, keepBlankRows: true });
  builder.add(names, 0);
  features.forEach((f, i) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    builder.add(names.map((k) => propertyText(props[k])), i + 1);
  });
  opts.onProgress?.({ phase: 'reading', done: src.size, total: src.size, rows: builder.rowCount });
  return builder.finish({ readNotes: [`GeoJSON: ${features.length.toLocaleString('en-GB')} features.`, crs.note], geometries, issues });
}
