/**
 * GeoJSON places (a FeatureCollection of Point or MultiPoint features, e.g. pharmacies exported
 * from a GIS) as a table: the properties become columns and each point becomes a row with
 * "longitude" and "latitude" columns, so the same reader as for CSV places (place-points.ts) checks
 * them. A MultiPoint gives one row per point, all quoting the feature's number.
 */
import { INPUT_LIMITS } from '../../lib/input-limits';
import { ImportError, listRows, tooLarge } from './import-issue';
import type { ImportedTable } from './imported-table';
import { POINT_DECIMALS } from './parse-number';
import { TableBuilder } from './table-builder';

interface PointFeature { geometry?: unknown; properties?: unknown }

const isPointType = (g: unknown) => {
  const t = (g as { type?: unknown } | null)?.type;
  return t === 'Point' || t === 'MultiPoint';
};

/** True when every feature is a Point or MultiPoint (then the file is a set of places, not boundaries). */
export const allPoints = (features: readonly PointFeature[]) => features.length > 0 && features.every((f) => isPointType(f?.geometry));

const text = (v: unknown) => (v == null ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
const position = (p: unknown): [string, string] => (Array.isArray(p) ? [text(p[0]), text(p[1])] : ['', '']);

export function geojsonPointsTable(file: string, features: readonly PointFeature[]): ImportedTable {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys((f.properties as object | null) ?? {})) {
      if (seen.has(k)) continue;
      names.push(k);
      seen.add(k);
    }
  }
  // The position columns are named so place-points.ts finds them, whatever the properties are called.
  const lonName = seen.has('longitude') ? '_longitude' : 'longitude';
  const latName = seen.has('latitude') ? '_latitude' : 'latitude';
  const builder = new TableBuilder({ file, format: 'geojson', rowNoun: 'feature', numberStyle: POINT_DECIMALS, keepBlankRows: true });
  builder.add([latName, lonName, ...names], 0);
  const empty: number[] = [];
  features.forEach((f, i) => {
    const g = f.geometry as { type: string; coordinates?: unknown };
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const values = names.map((k) => text(props[k]));
    const points = g.type === 'Point' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [];
    if (!points.length) empty.push(i + 1);
    for (const p of points) {
      const [x, y] = position(p);
      builder.add([y, x, ...values], i + 1);
    }
    if (builder.rowCount > INPUT_LIMITS.geojsonFeatures) throw tooLarge(file, 'geojsonFeatures', `it has more than ${INPUT_LIMITS.geojsonFeatures.toLocaleString('en-GB')} points`, 'Keep only the places you need (e.g. those in your ICB) and export again.');
  });
  if (empty.length) throw new ImportError('bad-geometry', `${file}: ${listRows(empty, empty.length, 'feature')} ${empty.length === 1 ? 'is a MultiPoint' : 'are MultiPoints'} without points. Remove ${empty.length === 1 ? 'it' : 'them'} in your GIS and export again.`);
  return builder.finish({ readNotes: [`GeoJSON: ${features.length.toLocaleString('en-GB')} point features, read as places (longitude, latitude).`] });
}
