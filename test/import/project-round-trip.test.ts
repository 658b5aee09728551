/**
 * Saving and reopening a project with everything a user loads, in node as the app runs it (DuckDB-wasm
 * with the built tables, the "Your data" engine, the import worker's handler in-process): a GP practice
 * file (its per-practice table), a file of places (points, names, per-LSOA measures) and the
 * registered-patient file (its join report). The files are generated here from real QOF 2022-23
 * practice codes and Census 2021 LSOA codes; the session is emptied between saving and reopening, and
 * what comes back is compared with what was there before saving.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeMeasures } from '../../src/geo/places-per-area';
import { userPracticeMeasures } from '../../src/data/import/user-practice-measures';
import type { PlacePoints } from '../../src/data/import/place-points';
import type { RegisteredFile } from '../../src/data/import/registered-file';
import { DATA_DIR, openBuiltDataDb } from '../support/node-db';
import { practiceFile } from '../support/practice-file';
import { rawRows } from '../support/raw-csv';
import { openSession, type Session } from '../support/user-data-session';

const served = (path: string) => (existsSync(join(DATA_DIR, path)) ? new Uint8Array(readFileSync(join(DATA_DIR, path))) : undefined);
const blob = (text: string) => new Blob([text]);
const { text: practiceCsv, values } = practiceFile(8);

// two real LSOAs (Sheffield, central London) as squares around two places each: the test is of saving, not of geometry
const LSOAS = rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').slice(0, 2).map((r) => r.lsoa21_code);
const square = (x: number, y: number) => [x - 0.01, y - 0.01, x + 0.01, y - 0.01, x + 0.01, y + 0.01, x - 0.01, y + 0.01];
const rings = {
  ids: LSOAS, positions: Float32Array.from([...square(-1.47, 53.38), ...square(-0.13, 51.51)]), indices: new Uint32Array(0),
  startIndices: Uint32Array.from([0, 4, 8]), ringStarts: Uint32Array.from([0, 4, 8]), areaRings: Uint32Array.from([0, 1, 2]),
};
const placesGeojson = JSON.stringify({ type: 'FeatureCollection', features: [
  { type: 'Feature', properties: { name: 'Lung check van <b>A</b>', type: 'screening' }, geometry: { type: 'Point', coordinates: [-1.471, 53.381] } },
  { type: 'Feature', properties: { type: 'screening' }, geometry: { type: 'Point', coordinates: [-1.469, 53.379] } },
  { type: 'Feature', properties: { name: 'Pharmacy', type: 'pharmacy' }, geometry: { type: 'Point', coordinates: [-0.131, 51.509] } },
] });

let session: Session;
beforeAll(async () => {
  session = await openSession(served, [], openBuiltDataDb);
  // Node's DuckDB-wasm build returns tables of apache-arrow's CommonJS copy, which the ES module copy's
  // tableToIPC (the engine's, as in the browser, where there is one copy) does not recognise and
  // writes as nothing: results are handed over as ES module tables, as the browser's are.
  const cjs = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');
  const query = session.db.query.bind(session.db);
  session.db.query = async (sql: string): Promise<Table> => tableFromIPC(cjs.tableToIPC(await query(sql), 'stream'));
}, 120_000);

async function readAs<K extends 'places' | 'registered'>(text: string, name: string, kind: K) {
  const out = await session.offer(blob(text), name);
  if (out.kind !== kind) throw new Error(`${name} was read as ${out.kind}: ${JSON.stringify(out).slice(0, 300)}`);
  return out as Extract<typeof out, { kind: K }>;
}

describe('a project file carries practice files, places and registered patients', () => {
  it('save, start again, reopen: the same per-practice values, places and registered-patient report return', async () => {
    const { engine } = session;
    // a GP practice file, kept, with its rate as a practice measure
    const added = await session.offer(blob(practiceCsv), 'screening.csv', { values: ['screened'], units: { screened: 'ratio' }, ratios: { screened: { denominator: 'eligible', multiplier: 100, ci: 'proportion' } } }, true);
    expect(added.kind).toBe('read');
    const practiceSet = engine.store.get().datasets[0];
    expect(practiceSet.practices).toBe(true);
    const measuresBefore = userPracticeMeasures(engine.store.get().datasets, engine.store.get().practiceTables);
    expect(measuresBefore.length).toBe(1);
    const perPractice = measuresBefore[0].rate.table;
    const practiceRows = await session.rows(`SELECT * FROM ${perPractice} ORDER BY code`);
    expect(practiceRows.length).toBe(values.size + 1);
    // places
    const { places } = await readAs(placesGeojson, 'vans.geojson', 'places') as { places: PlacePoints };
    const { dataset: placeSet } = await engine.addPlaces(places, rings, async (a, lon, lat) => placeMeasures({ ...a, indices: new Uint32Array(0) }, lon, lat));
    const placeRows = await session.rows(`SELECT code, v1, v2 FROM ${placeSet.table} WHERE v1 > 0 ORDER BY code`);
    expect(Object.fromEntries(placeRows.map((r) => [r.code, Number(r.v1)]))).toEqual({ [LSOAS[0]]: 2, [LSOAS[1]]: 1 });
    // registered patients: one closed practice, one unknown LSOA, one blank count
    const [p1, p2] = [...values.keys()];
    const regCsv = `PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\n${p1},${LSOAS[0]},120\n${p2},${LSOAS[1]},80\n${p2},${LSOAS[0]},\nY99998,${LSOAS[1]},30\n${p1},E01999998,9\n`;
    const { registered } = await readAs(regCsv, 'regpop.csv', 'registered') as { registered: RegisteredFile };
    const regBefore = await engine.addRegistered(registered);
    expect(regBefore.report.closed).toEqual([{ practice: 'Y99998', patients: 30 }]);
    const regRows = await session.rows('SELECT * FROM registered_patients_lsoa21 ORDER BY ALL');
    const view = { v: 1, level: 'lsoa21', indicator: `user.${placeSet.id}.v1` };
    // the registered file also shares registers and the practice file's value out to LSOAs: datasets of their own
    const idsBefore = engine.store.get().datasets.map((d) => d.id);
    expect(idsBefore).toEqual(expect.arrayContaining([practiceSet.id, placeSet.id]));
    const sharedRows = await Promise.all(engine.store.get().datasets.map((d) => session.rows(`SELECT * FROM ${d.table} ORDER BY ALL`)));

    const bytes = await engine.saveProject(view, [{ datasetId: placeSet.id, places }]);

    // start again: an empty project replaces everything; the practice table goes with its dataset
    await engine.openProject({ savedAt: '', view: null, datasets: [], levels: [], tables: new Map(), places: [], registered: null }, 'empty');
    expect(engine.store.get().datasets).toEqual([]);
    expect(await session.rows(`SELECT table_name FROM duckdb_tables() WHERE table_name = '${perPractice}'`)).toEqual([]);
    await session.db.query('DROP TABLE registered_patients_lsoa21');

    const job = session.client.read(new Blob([bytes as BlobPart]), 'my-project.zip', {});
    const r = await job.done;
    if (r.kind !== 'project') throw new Error(`read as ${r.kind}`);
    const opened = await engine.openProject(r.project, 'my-project.zip');
    expect(opened.view).toEqual(view);
    const s = engine.store.get();
    expect(s.datasets.map((d) => d.id)).toEqual(idsBefore);
    expect(await Promise.all(s.datasets.map((d) => session.rows(`SELECT * FROM ${d.table} ORDER BY ALL`)))).toEqual(sharedRows);
    // the practice measure is offered again, with the same per-practice values
    expect(userPracticeMeasures(s.datasets, s.practiceTables)).toEqual(measuresBefore);
    expect(await session.rows(`SELECT * FROM ${perPractice} ORDER BY code`)).toEqual(practiceRows);
    // the places: the same points, names (plain text), types and feature numbers, and the same per-LSOA measures
    expect(r.project.places).toEqual([{ datasetId: placeSet.id, places: { ...places, issues: [] } }]);
    expect(r.project.places[0].places.names).toEqual(['Lung check van <b>A</b>', 'feature 2', 'Pharmacy']);
    expect(await session.rows(`SELECT code, v1, v2 FROM ${placeSet.table} WHERE v1 > 0 ORDER BY code`)).toEqual(placeRows);
    // the registered patients: the same table and the same join report
    expect(opened.registered?.report).toEqual(regBefore.report);
    expect(await session.rows('SELECT * FROM registered_patients_lsoa21 ORDER BY ALL')).toEqual(regRows);
    expect([...opened.registered!.byPractice.entries()]).toEqual([...regBefore.byPractice.entries()]);
  }, 120_000);

  it('a project whose per-practice table is damaged is refused and changes nothing loaded', async () => {
    const { engine } = session;
    // what a refused file must leave as it was (the full fingerprint reads the whole built areas table: too slow here)
    const state = async () => ({
      store: engine.store.get(),
      tables: await session.rows("SELECT table_name, estimated_size FROM duckdb_tables() WHERE table_name LIKE 'user_%' OR table_name LIKE 'registered%' ORDER BY 1"),
      practice: await session.rows(`SELECT * FROM ${engine.store.get().practiceTables[0]} ORDER BY code`),
    });
    const before = await state();
    const { unzipSync, zipSync } = await import('fflate');
    const bytes = await engine.saveProject({ v: 1 });
    const files = unzipSync(bytes);
    const practiceEntry = Object.keys(files).find((k) => k.endsWith('_practice.arrow'))!;
    files[practiceEntry] = new Uint8Array([1, 2, 3, 4]);
    const out = await session.offer(new Blob([zipSync(files)]), 'damaged.zip');
    expect(out.kind).toBe('refused');
    expect(out.kind === 'refused' && out.message).toMatch(/^damaged\.zip: the per-practice table of "screening\.csv" in this project file cannot be read/);
    expect(await state()).toEqual(before);
  }, 120_000);
});
