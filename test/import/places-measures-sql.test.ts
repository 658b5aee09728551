/**
 * A file of places as atlas measures on DuckDB-wasm with the built tables: pharmacy-like places
 * (real GP site coordinates in Sheffield, MANIFEST §8) counted per LSOA 2021 and measured to the
 * nearest, then read back at LSOA and local-authority level through the catalogue's SQL. Expected
 * values are recomputed here with turf on the same built LSOA polygons and areas.csv (residents).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { booleanPointInPolygon, polygon } from '@turf/turf';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUserIndicator, unregisterUserIndicator } from '../../src/data/catalogue';
import type { Db } from '../../src/data/db/db';
import { datasetIndicators } from '../../src/data/import/dataset-indicators';
import { loadDataset } from '../../src/data/import/load-dataset';
import { placeDataset } from '../../src/data/import/place-dataset';
import { readPlacePoints } from '../../src/data/import/place-points';
import { readCsv } from '../../src/data/import/read-csv';
import { bytesSource } from '../../src/data/import/byte-source';
import { placeMeasures } from '../../src/geo/places-per-area';
import { decodeShapes } from '../../src/geo/shapes-file';
import { DATA_DIR, dataFile, openBuiltDataDb } from '../support/node-db';
import { indicatorRows } from '../support/query-rows';
import { rawRows } from '../support/raw-csv';

const built = existsSync(join(DATA_DIR, 'tables/areas.csv'));
type Area = Record<string, string>;
const SHEFFIELD = 'E08000019';

describe.skipIf(!built && !process.env.CI)('places as measures (DuckDB-wasm, built tables)', () => {
  let db: Db;
  let areas: Area[];
  const registered: string[] = [];
  beforeAll(async () => {
    db = await openBuiltDataDb();
    areas = Papa.parse<Area>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  });
  afterAll(() => registered.forEach(unregisterUserIndicator));

  it('counts places per LSOA and per local authority, and averages LSOA distances by residents', async () => {
    const sites = rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv')
      .filter((r) => r.ltla24_code === SHEFFIELD && r.latitude && r.longitude);
    const text = `name,type,latitude,longitude\n${sites.map((r, i) => `"Pharmacy ${i}",pharmacy,${r.latitude},${r.longitude}`).join('\n')}\n`;
    const places = readPlacePoints(await readCsv(bytesSource(new TextEncoder().encode(text), 'sheffield pharmacies.csv')));
    expect(places.lon.length).toBe(sites.length);
    const g = decodeShapes(gunzipSync(readFileSync(dataFile('geo/lsoa21.bin'))), 'lsoa21').polygons;
    const m = placeMeasures(g, places.lon, places.lat);
    const { spec, rows } = placeDataset('dplace1', places, g.ids, m);
    const d = await loadDataset(db, spec, rows);
    for (const ind of datasetIndicators(d)) {
      registerUserIndicator(ind);
      registered.push(ind.id);
    }
    expect(d.values.map((v) => v.label)).toEqual(['sheffield pharmacies: places in the area', 'sheffield pharmacies: km to the nearest']);

    // Independent: each place's LSOA by turf, over the Sheffield LSOAs' rings (even-odd over rings).
    const lsoas = areas.filter((a) => a.level === 'lsoa21' && a.lad24_code === SHEFFIELD);
    const index = new Map(g.ids.map((id, i) => [id, i]));
    const expected = new Map<string, number>();
    for (let k = 0; k < places.lon.length; k++) {
      const p = [places.lon[k], places.lat[k]];
      for (const a of lsoas) {
        const i = index.get(a.code)!;
        let inside = 0;
        for (let r = g.areaRings[i]; r < g.areaRings[i + 1]; r++) {
          const ring: number[][] = [];
          for (let v = g.ringStarts[r]; v < g.ringStarts[r + 1]; v++) ring.push([g.positions[2 * v], g.positions[2 * v + 1]]);
          if (ring.length >= 3 && booleanPointInPolygon(p, polygon([[...ring, ring[0]]]), { ignoreBoundary: true })) inside++;
        }
        if (inside % 2) expected.set(a.code, (expected.get(a.code) ?? 0) + 1);
      }
    }
    const countLsoa = await indicatorRows(db, `user.${d.id}.v1`, 'lsoa21');
    for (const a of lsoas) expect(countLsoa.get(a.code)?.value ?? 0, a.code).toBe(expected.get(a.code) ?? 0);
    const inSheffield = [...expected.values()].reduce((s, x) => s + x, 0);
    expect(inSheffield).toBeGreaterThan(places.lon.length * 0.95);
    expect((await indicatorRows(db, `user.${d.id}.v1`, 'lad24')).get(SHEFFIELD)!.value).toBe(inSheffield);

    // Distance at LA level: Census 2021 residents-weighted mean of the LSOAs' distances (read back at LSOA).
    const kmLsoa = await indicatorRows(db, `user.${d.id}.v2`, 'lsoa21');
    let [s, w] = [0, 0];
    for (const a of lsoas) {
      const km = kmLsoa.get(a.code)!.value as number;
      expect(km, a.code).toBeCloseTo(m.nearestKm[index.get(a.code)!], 2);
      s += Number(a.population) * km;
      w += Number(a.population);
    }
    expect((await indicatorRows(db, `user.${d.id}.v2`, 'lad24')).get(SHEFFIELD)!.value as number).toBeCloseTo(s / w, 2);
  });
});
