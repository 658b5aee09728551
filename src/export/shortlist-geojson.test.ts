import { area, bbox as turfBbox, booleanClockwise, booleanValid } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fixtureGeometries, shortlistFixture } from './shortlist-fixture';
import { writeShortlistGeoJson } from './shortlist-geojson';
import { shortlistTable } from './shortlist-table';

type Fc = FeatureCollection<Polygon | MultiPolygon | null> & Record<string, unknown>;

describe('writeShortlistGeoJson', () => {
  const input = shortlistFixture();
  const geoms = fixtureGeometries();
  const text = writeShortlistGeoJson(input, (code) => geoms.get(code));
  const fc = JSON.parse(text) as Fc;
  const polygonsOf = (f: Feature<Polygon | MultiPolygon | null>) =>
    !f.geometry ? [] : f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;

  it('is a FeatureCollection of the shortlisted areas, in shortlist order, ids = codes', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.id)).toEqual(['E05999001', 'E05999002', 'E05999003', 'E05999004']);
    expect(fc).not.toHaveProperty('crs');
  });

  it('carries the same attributes as the CSV, keyed by machine names', () => {
    const { columns, rows } = shortlistTable(input);
    fc.features.forEach((f, i) => {
      expect(Object.keys(f.properties ?? {})).toEqual(columns.map((c) => c.key));
      expect(Object.values(f.properties ?? {})).toEqual(rows[i]);
    });
    const p = fc.features[0].properties ?? {};
    expect(p).toMatchObject({ rank: 1, name: 'Ashbury North', smoking_prev: 23.5, smoking_prev_lower: 20.1, smoking_prev_upper: 26.8, change_pp: -2.5 });
    // Untrusted text is data in JSON: kept verbatim, escaped by the serializer.
    expect(fc.features[1].properties?.name).toBe('=HYPERLINK("http://x","y")');
    expect(fc.features[1].properties?.icb_name).toBe('\r=1');
  });

  it('writes every shape as a MultiPolygon, so GDAL/QGIS see one polygon layer', () => {
    expect(fc.features.map((f) => f.geometry?.type ?? null)).toEqual(['MultiPolygon', 'MultiPolygon', null, 'MultiPolygon']);
  });

  it('winds exterior rings counter-clockwise and holes clockwise (right-hand rule)', () => {
    let rings = 0;
    for (const f of fc.features) {
      for (const poly of polygonsOf(f)) {
        poly.forEach((ring, k) => {
          expect(booleanClockwise(ring)).toBe(k > 0);
          rings++;
        });
      }
    }
    // 2 (polygon + hole) + 2 (multipolygon) + 1 (the sliver collapsed and was dropped).
    expect(rings).toBe(5);
  });

  it('closes every ring and keeps at least four positions', () => {
    for (const f of fc.features) {
      for (const ring of polygonsOf(f).flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[ring.length - 1]).toEqual(ring[0]);
      }
    }
    // The fixture's unclosed ring (four positions) got its closing position.
    expect((fc.features[1].geometry as MultiPolygon).coordinates[0][0]).toHaveLength(5);
  });

  it('rounds coordinates to 6 decimals, in lon/lat order, with valid geometry', () => {
    const coords = fc.features.flatMap((f) => polygonsOf(f).flat(2));
    expect(coords.length).toBeGreaterThan(0);
    for (const [lon, lat] of coords) {
      for (const v of [lon, lat]) expect(String(v)).toMatch(/^-?\d+(\.\d{1,6})?$/);
      expect(lon).toBeGreaterThan(-3);
      expect(lon).toBeLessThan(-1.9);
      expect(lat).toBeGreaterThan(53);
    }
    expect(coords).toContainEqual([-2.3, 53.4]);
    for (const f of fc.features.filter((x) => x.geometry)) {
      expect(booleanValid(f)).toBe(true);
      expect(area(f)).toBeGreaterThan(0);
    }
  });

  it('writes a null geometry for an area with no shape, keeping its attributes', () => {
    expect(fc.features[2].geometry).toBeNull();
    expect(fc.features[2].properties?.note).toBe('Ynys Môn – ok');
  });

  it('puts provenance in foreign members of the collection, with a bbox of the output', () => {
    expect(fc.name).toBe(input.title);
    expect(fc.description).toContain('Share link: https://example.org/atlas/#v=1&s=abc,def');
    expect(fc.description).toContain('Synthetic Lifestyle Survey: Made-up Statistics Office; vintage 2023');
    const prov = fc.provenance as Record<string, unknown>;
    expect(prov).toMatchObject({
      generatedAt: '2026-11-21T10:30:00Z',
      generatedDate: '2026-11-21',
      shareUrl: input.provenance.shareUrl,
      application: { name: 'Hotspot Atlas', version: '0.1.0' },
      level: { id: 'ward24', label: 'Electoral ward (2024)' },
    });
    expect((prov.columns as { id: string }[]).map((c) => c.id)).toEqual(['smoking_prev', 'imd_score', 'change_pp']);
    const shaped = fc.features.filter((f): f is Feature<Polygon | MultiPolygon> => f.geometry !== null);
    expect(fc.bbox).toEqual(turfBbox({ type: 'FeatureCollection', features: shaped }));
  });

  it('is one JSON text with one feature per line', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(input.rows.length + 2);
    expect(lines[1].startsWith('{"type":"Feature"')).toBe(true);
  });
});
