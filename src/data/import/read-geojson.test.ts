import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source';
import { cellText } from './imported-table';
import { readGeoJson } from './read-geojson';

const square = (x: number, y: number, d: number) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
const fc = (features: unknown[], extra: object = {}) => ({ type: 'FeatureCollection', ...extra, features });
const feature = (props: object, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties: props, geometry: { type, coordinates } });
const read = (doc: unknown, name = 'b.geojson') => readGeoJson(bytesSource(new TextEncoder().encode(typeof doc === 'string' ? doc : JSON.stringify(doc)), name));

describe('readGeoJson', () => {
  it('turns properties into columns and keeps one WGS84 polygon per feature', async () => {
    const t = await read(fc([feature({ code: 'PCN1', pop: 1200 }, square(-1.5, 52.4, 0.1)), feature({ code: 'PCN2', note: { a: 1 } }, [square(-1.4, 52.4, 0.1)], 'MultiPolygon')]));
    expect(t.columns.map((c) => c.name)).toEqual(['code', 'pop', 'note']);
    expect(t.columns.map((c) => cellText(c, 1))).toEqual(['PCN2', '', '{"a":1}']);
    expect(t.rowNoun).toBe('feature');
    expect(t.geometries).toHaveLength(2);
    expect(t.readNotes[1]).toMatch(/longitude\/latitude/);
  });

  it('reprojects British National Grid named in a crs member, within 10 m of the OS reference point', async () => {
    // Ordnance Survey's worked example (Caister water tower): E 651409.903, N 313177.270 is
    // 52°39'28.8282" N, 1°42'57.8663" E in ETRS89 (= WGS84 to within a metre); the Helmert shift is good to ~5 m
    const ring = [[[651409.903, 313177.27], [651509.903, 313177.27], [651509.903, 313277.27], [651409.903, 313177.27]]];
    const t = await read(fc([feature({ code: 'A' }, ring)], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } } }));
    const [lon, lat] = (t.geometries![0].coordinates as number[][][])[0][0];
    const metres = Math.hypot((lat - 52.6580078) * 111_250, (lon - 1.7160740) * 67_500);
    expect(metres).toBeLessThan(10);
    expect(t.readNotes[1]).toMatch(/British National Grid \(EPSG:27700, named in the file\)/);
  });

  it('recognises British National Grid metres without a crs member, and says so', async () => {
    const t = await read(fc([feature({ code: 'A' }, square(530000, 180000, 500))]));
    const [lon, lat] = (t.geometries![0].coordinates as number[][][])[0][0];
    expect([lon, lat].map((v) => Math.round(v * 100) / 100)).toEqual([-0.13, 51.5]);
    expect(t.readNotes[1]).toMatch(/names no coordinate system.*British National Grid/);
  });

  it('rejects other projections, swapped latitude/longitude and unknown crs names', async () => {
    await expect(read(fc([feature({ code: 'A' }, square(2_000_000, 9_000_000, 10))]))).rejects.toMatchObject({ code: 'unknown-crs' });
    await expect(read(fc([feature({ code: 'A' }, square(52.4, -1.5, 0.1))]))).rejects.toMatchObject({ code: 'swapped-coordinates', message: expect.stringContaining('longitude first') });
    await expect(read(fc([feature({ code: 'A' }, square(1, 1, 1))], { crs: { type: 'name', properties: { name: 'EPSG:2157' } } }))).rejects.toMatchObject({ code: 'unknown-crs', message: expect.stringContaining('EPSG:2157') });
  });

  it('lists features that are not polygons, and closes open rings', async () => {
    const open = [[[-1, 52], [-0.9, 52], [-0.9, 52.1], [-1, 52.1]]];
    await expect(read(fc([feature({ code: 'A' }, open), feature({ code: 'B' }, [-1, 52], 'Point'), { type: 'Feature', properties: {}, geometry: null }]))).rejects.toMatchObject({
      code: 'bad-geometry', message: expect.stringMatching(/^b\.geojson: features 2 and 3 cannot be used as boundaries \(feature 2 is a Point/),
    });
    const t = await read(fc([feature({ code: 'A' }, open)]));
    expect((t.geometries![0].coordinates as number[][][])[0]).toHaveLength(5);
    expect(t.issues.map((i) => i.code)).toEqual(['ring-closed']);
  });

  it('explains invalid JSON and JSON that is not a FeatureCollection', async () => {
    await expect(read('{"type": "FeatureCollection",\n "features": [\n  {"type": "Feature",, }\n]}')).rejects.toMatchObject({ code: 'invalid-json', message: expect.stringContaining('line 3') });
    await expect(read('{"type": "FeatureCollection", "features": [')).rejects.toMatchObject({ code: 'invalid-json' });
    await expect(read({ type: 'Topology', objects: {} })).rejects.toMatchObject({ code: 'not-geojson', message: expect.stringContaining('TopoJSON') });
    await expect(read(fc([]))).rejects.toMatchObject({ code: 'not-geojson', message: expect.stringContaining('no features') });
  });
});
