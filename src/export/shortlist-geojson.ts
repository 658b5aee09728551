/**
 * GeoJSON (RFC 7946) FeatureCollection of the shortlisted areas, in shortlist order.
 *
 * Attributes: each feature's `properties` holds the same fields as the CSV, keyed by machine names
 * (`rank`, `code`, …, `<indicator id>`, `<id>_lower`, `<id>_upper`) so QGIS shows them as typed
 * fields. Areas the app has no geometry for keep their row with `geometry: null` (RFC 7946 §3.2).
 *
 * Provenance goes in foreign members of the FeatureCollection (RFC 7946 §6.1), not in every
 * feature's properties, where it would repeat a long share link per area and add fake columns:
 * `name` (GDAL/QGIS use it as the layer name), `description` (the plain-text method and sources)
 * and `provenance` (the same, structured, for scripts). No `crs` member: RFC 7946 coordinates are
 * always WGS84 lon/lat.
 */
import { isoDatePart } from './format-value';
import { geometryBbox, normaliseGeometry } from './geojson-geometry';
import { APP_NAME, provenanceText } from './provenance';
import { shortlistTable } from './shortlist-table';
import { practiceFeatures } from './shortlist-practices';
import type { GeometryLookup, ShortlistExport } from './types';

/** The structured provenance member; field names are part of the file format, so keep them stable. */
function provenanceMember(input: ShortlistExport) {
  const p = input.provenance;
  return {
    title: input.title,
    level: { id: input.level.id, label: input.level.label },
    generatedAt: p.generatedAt,
    generatedDate: isoDatePart(p.generatedAt),
    application: { name: APP_NAME, version: p.appVersion },
    shareUrl: p.shareUrl,
    totals: input.totals,
    columns: input.columns.map((c) => ({
      id: c.id,
      label: c.label,
      unit: c.unit,
      decimals: c.decimals,
      ciLevel: c.ciLevel,
      ...(c.source ? { source: c.source } : {}),
      ...Object.fromEntries((['vintage', 'publisher', 'dataset', 'role', 'part'] as const).flatMap((k) => (c[k] ? [[k, c[k]]] : []))),
    })),
    method: p.method,
    parameters: p.parameters,
    datasets: p.datasets,
  };
}

export function writeShortlistGeoJson(input: ShortlistExport, geometryOf: GeometryLookup): string {
  const { columns, rows } = shortlistTable(input);
  const geometries = input.rows.map((r) => normaliseGeometry(geometryOf(r.code)));
  const features = rows.map((cells, i) => ({
    type: 'Feature',
    id: input.rows[i].code,
    geometry: geometries[i],
    properties: Object.fromEntries(columns.map((c, j) => [c.key, cells[j]])),
  }));
  const bbox = geometryBbox(geometries);
  const head = {
    type: 'FeatureCollection',
    name: input.title,
    description: provenanceText(input),
    provenance: provenanceMember(input),
    ...(bbox ? { bbox } : {}),
  };
  // One feature per line: still a single JSON text, but readable and diffable in an editor.
  const open = JSON.stringify(head).slice(0, -1);
  const body = [...features, ...practiceFeatures(input.practices ?? [])].map((f) => JSON.stringify(f)).join(',\n');
  return `${open},"features":[\n${body}\n]}\n`;
}
