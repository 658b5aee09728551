import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { haversineKm } from '../../analysis/places/nearest-place';
import { bytesSource } from './byte-source';
import { ImportError } from './import-issue';
import { placeColumns, readPlacePoints } from './place-points';
import { readCsv } from './read-csv';
import { readGeoJson } from './read-geojson';

const csv = (text: string, name = 'pharmacies.csv') => readCsv(bytesSource(new TextEncoder().encode(text), name));
const places = async (text: string, name?: string) => readPlacePoints(await csv(text, name));
async function refused(text: string): Promise<ImportError> {
  try {
    await places(text);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('placeColumns', () => {
  it('recognises the common names of position columns, and not an area table', async () => {
    for (const [head, lat, lon] of [['Latitude,Longitude', 'Latitude', 'Longitude'], ['lat,lng', 'lat', 'lng'], ['Y,X', 'Y', 'X'], ['LONG,LAT', 'LAT', 'LONG'], ['oseast1m,osnrth1m', 'osnrth1m', 'oseast1m']]) {
      const c = placeColumns(await csv(`name,${head}\nA,1,2\n`));
      expect(c && [c.lat.name, c.lon.name]).toEqual([lat, lon]);
    }
    expect(placeColumns(await csv('lsoa21_code,value\nE01000001,3\n'))).toBeNull();
  });
});

describe('readPlacePoints', () => {
  it('reads positions, names and types; names stay plain text', async () => {
    const p = await places('Pharmacy name,Type,lat,lon\n"Boots, High St",pharmacy,53.3811,-1.4701\n<img src=x onerror=alert(1)>,venue,51.5074,-0.1278\n');
    expect(Array.from(p.lat)).toEqual([53.3811, 51.5074]);
    expect(Array.from(p.lon)).toEqual([-1.4701, -0.1278]);
    expect(p.names).toEqual(['Boots, High St', '<img src=x onerror=alert(1)>']);
    expect(p.types).toEqual(['pharmacy', 'venue']);
    expect(Array.from(p.rows)).toEqual([2, 3]);
    expect(p.issues).toEqual([]);
    expect(p.notes.join(' ')).toMatch(/"lat" \(latitude\) and "lon" \(longitude\)/);
  });

  it('refuses a file whose latitude and longitude columns are swapped, saying which and what to do', async () => {
    const e = await refused('name,latitude,longitude\nA,-1.4701,53.3811\nB,-0.1278,51.5074\n');
    expect(e.code).toBe('swapped-coordinates');
    expect(e.message).toMatch(/^pharmacies\.csv: the column "latitude" holds longitudes and "longitude" holds latitudes \(row 2: latitude -1\.4701, longitude 53\.3811\).*Swap the two column names/);
  });

  it('leaves out single rows that are swapped, blank, text or outside England, naming the rows', async () => {
    const p = await places('name,lat,lon\nA,53.38,-1.47\nB,-1.47,53.38\nC,,-1.4\nD,abc,-1.4\nE,48.85,2.35\nF,52.2,0.12\n');
    expect(p.names).toEqual(['A', 'F']);
    const msgs = p.issues.map((i) => i.message);
    expect(msgs).toContain('pharmacies.csv: rows 4 and 5 have a blank or non-numeric "lat" or "lon" (first: row 4: "", "-1.4"); they were left out. Correct them in the file and load it again to include them.');
    expect(msgs.find((m) => m.includes('row 3 ')) ?? '').toMatch(/row 3 has latitude and longitude the wrong way round/);
    expect(msgs.find((m) => m.includes('row 6 ')) ?? '').toMatch(/row 6 lies outside England/);
  });

  it('refuses a file where nothing can be placed (all outside England, or all blank)', async () => {
    expect((await refused('name,lat,lon\nParis,48.85,2.35\nNY,40.7,-74\n')).message).toMatch(/^pharmacies\.csv: none of the places can be put on the map: no row lies in England/);
    expect((await refused('name,lat,lon\nA,n/a,\n')).message).toMatch(/every row has a blank or non-numeric position \(row 2: "n\/a", ""\)/);
  });

  it('converts British National Grid numbers in lat/lon columns (or eastings/northings) and says so', async () => {
    // The OS worked example (A guide to coordinate systems in Great Britain, annex C): Caister water
    // tower, OSGB36 52°39′27.2531″N 1°43′4.5177″E ↔ E 651409.903, N 313177.270. The projection is
    // checked to the millimetre with OSGB36 (no datum shift), independently of our converter.
    const osgb36 = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs';
    const [e, n] = proj4('+proj=longlat +ellps=airy +no_defs', osgb36, [1 + 43 / 60 + 4.5177 / 3600, 52 + 39 / 60 + 27.2531 / 3600]);
    expect(e).toBeCloseTo(651409.903, 2);
    expect(n).toBeCloseTo(313177.270, 2);
    for (const text of ['name,latitude,longitude\nTower,313177.270,651409.903\n', 'name,Easting,Northing\nTower,651409.903,313177.270\n']) {
      const p = await places(text);
      expect(p.columns.grid).toBe(true);
      expect(p.notes[0]).toMatch(/British National Grid eastings and northings \(EPSG:27700, metres\) and converted/);
      // The guide's ETRS89 (≈ WGS84) position of the tower by OSTN15, 52°39′28.8282″N 1°42′57.8663″E:
      // the 7-parameter Helmert shift is good to a few metres (OSTN15 is the exact transformation).
      const km = haversineKm(p.lon[0], p.lat[0], 1 + 42 / 60 + 57.8663 / 3600, 52 + 39 / 60 + 28.8282 / 3600);
      expect(km).toBeLessThan(0.005);
    }
  });

  it('reads GeoJSON Points and MultiPoints as places (one place per point, quoting the feature)', async () => {
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'Lung check A', type: 'screening' }, geometry: { type: 'Point', coordinates: [-1.4701, 53.3811] } },
      { type: 'Feature', properties: { name: 'Van stops' }, geometry: { type: 'MultiPoint', coordinates: [[-0.1278, 51.5074], [53.38, -1.47]] } },
    ] };
    const t = await readGeoJson(bytesSource(new TextEncoder().encode(JSON.stringify(fc)), 'sites.geojson'));
    const p = readPlacePoints(t);
    expect(p.names).toEqual(['Lung check A', 'Van stops']);
    expect(p.types).toEqual(['screening', '']);
    expect(Array.from(p.lon)).toEqual([-1.4701, -0.1278]);
    expect(Array.from(p.rows)).toEqual([1, 2]);
    expect(p.issues.map((i) => i.message)).toEqual(['sites.geojson: feature 2 has latitude and longitude the wrong way round (swapped, it falls in England); it was left out. Correct it in the file and load it again to include it.']);
  });

  it('says "feature N", not "row N", for GeoJSON places everywhere: unnamed places, notes, warnings and refusals', async () => {
    const geo = (features: unknown[]) => readGeoJson(bytesSource(new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })), 'vans.geojson'));
    const p = readPlacePoints(await geo([
      { type: 'Feature', properties: { kind: 'van' }, geometry: { type: 'Point', coordinates: [-1.4701, 53.3811] } },
      { type: 'Feature', properties: { kind: 'van' }, geometry: { type: 'Point', coordinates: [12.5, 41.9] } },
    ]));
    expect(p.rowNoun).toBe('feature');
    expect(p.names).toEqual(['feature 1']);
    expect(p.notes.join(' ')).toMatch(/No name property was found \(e\.g\. "name"\); places are named by their feature number\./);
    expect(p.issues.map((i) => i.message)).toEqual(['vans.geojson: feature 2 lies outside England; it was left out. Correct it in the file and load it again to include it.']);
    expect((await refused('lat,lon\n41.9,12.5\n')).message).toMatch(/no row lies in England/);
    await expect(geo([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [12.5, 41.9] } }]).then(readPlacePoints)).rejects.toThrow(/no feature lies in England/);
  });
});
