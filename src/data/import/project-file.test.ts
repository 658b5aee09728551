import { strToU8, zipSync, unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-issue';
import { packProject, PROJECT_MANIFEST, unpackProject } from './project-file';
import type { PlacePoints } from './place-points';
import { columnsToIpc } from './arrow-ipc';
import { registeredFromIpc, registeredToIpc } from './project-registered';
import type { RegisteredFile } from './registered-file';
import { zipDirectory } from '../../lib/zip-directory';
import type { DatasetSpec } from './user-dataset';

const dataset: DatasetSpec = {
  id: 'dabc123', file: '<b>uptake</b>.csv', sheet: null, table: 'user_dabc123', nativeLevel: 'user_pcn001', joinNote: 'Column "code" …', practices: false,
  combine: 'auto', split: { column: 'year', values: ['2022', '2023'], period: true },
  values: [{ column: 'uptake %', field: 'v1', label: 'Uptake', unit: 'percent', unitText: '', polarity: 'lower-worse', decimals: 1 }],
  rowsRead: 10, rowsJoined: 9, areas: 3,
};
const project: Parameters<typeof packProject>[0] = {
  savedAt: '2026-11-22T10:00:00Z', view: { v: 1, level: 'user_pcn001', indicator: 'user.dabc123.v1' }, datasets: [dataset],
  levels: [{ spec: { id: 'user_pcn001', file: 'pcn.geojson', label: 'PCN areas', noun: 'PCN area', areas: 3 }, topology: '{"type":"Topology"}' }],
  tables: new Map([['user_dabc123', new Uint8Array([1, 2, 3])]]),
};

const refused = (bytes: Uint8Array) => {
  try {
    unpackProject(bytes, 'p.zip');
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as ImportError).message;
  }
  throw new Error('accepted');
};
const edit = (f: (m: Record<string, unknown>) => void) => {
  const files = unzipSync(packProject(project));
  const m = JSON.parse(strFromU8(files[PROJECT_MANIFEST])) as Record<string, unknown>;
  f(m);
  files[PROJECT_MANIFEST] = strToU8(JSON.stringify(m));
  return zipSync(files);
};

describe('project file', () => {
  it('round-trips specs, view, tables and topologies, and is recognised among ZIPs', () => {
    const bytes = packProject(project);
    const isProject = (b: Uint8Array) => zipDirectory(b)?.some((e) => e.name === PROJECT_MANIFEST) ?? false;
    expect(isProject(bytes)).toBe(true);
    expect(isProject(zipSync({ '[Content_Types].xml': strToU8('<x/>') }))).toBe(false);
    const back = unpackProject(bytes, 'p.zip');
    expect(back.datasets).toEqual([dataset]);
    expect(back.levels).toEqual(project.levels);
    expect(back.view).toEqual(project.view);
    expect([...back.tables.get('user_dabc123')!]).toEqual([1, 2, 3]);
  });

  it('round-trips rates (numerator, denominator, interval, per), the weight of averages and neutral directions; version 1 files still open', () => {
    const rated: DatasetSpec = {
      ...dataset, id: 'drate01', table: 'user_drate01', nativeLevel: 'lsoa21', practices: true, weight: { kind: 'column', column: 'list size' },
      practiceAreas: { mapped: 812, unmapped: 2, patients: 5400 },
      split: { column: 'quarter', values: ['2023-24 Q4', '2023-24 Q1'], period: true },
      values: [
        { column: 'referrals', field: 'v1', label: 'Urgent referrals', unit: 'ratio', unitText: 'patients', polarity: 'lower-worse', decimals: 1, ratio: { denominator: 'list size', multiplier: 1000, ci: 'poisson', suppressBelow: 10 } },
        { column: 'coverage %', field: 'v2', label: 'Coverage', unit: 'percent', unitText: '', polarity: 'neutral', decimals: 1 },
      ],
    };
    const view = { v: 1, level: 'ward24', indicator: 'user.drate01.v1', dims: { period: '2023-24 Q4' } };
    const back = unpackProject(packProject({ ...project, view, datasets: [rated], levels: [], tables: new Map([['user_drate01', new Uint8Array([4])]]) }), 'p.zip');
    // the saved split is put in time order again (Q1 before Q4)
    expect(back.datasets).toEqual([{ ...rated, split: { ...rated.split!, values: ['2023-24 Q1', '2023-24 Q4'] } }]);
    expect(back.view).toEqual(view);
    const files = unzipSync(packProject({ ...project, datasets: [rated], tables: new Map([['user_drate01', new Uint8Array([4])]]) }));
    const m = JSON.parse(strFromU8(files[PROJECT_MANIFEST])) as { datasets: { values: Record<string, unknown>[] }[] };
    delete m.datasets[0].values[0].ratio;
    files[PROJECT_MANIFEST] = strToU8(JSON.stringify(m));
    expect(refused(zipSync(files))).toMatch(/dataset 1 is incomplete/);
    const v1 = edit((x) => (x.version = 1));
    expect(unpackProject(v1, 'old.zip').datasets[0].weight).toBeUndefined();
    // Sub-ICB rows by practice belong to GP practice files only, with whole counts
    const bent = (f: (p: Record<string, unknown>) => void) => {
      const z = unzipSync(packProject({ ...project, datasets: [rated], tables: new Map([['user_drate01', new Uint8Array([4])]]) }));
      const j = JSON.parse(strFromU8(z[PROJECT_MANIFEST])) as { datasets: Record<string, unknown>[] };
      f(j.datasets[0]);
      z[PROJECT_MANIFEST] = strToU8(JSON.stringify(j));
      return zipSync(z);
    };
    expect(refused(bent((d) => (d.practices = false)))).toMatch(/dataset 1 is incomplete/);
    expect(refused(bent((d) => (d.practiceAreas = { mapped: 1.5, unmapped: 0, patients: null })))).toMatch(/dataset 1 is incomplete/);
  });

  it('refuses damaged or tampered files with a message naming the file, before anything is loaded', () => {
    expect(refused(new Uint8Array([0x50, 0x4b, 3, 4, 9]))).toMatch(/^p\.zip: .*not a readable ZIP/);
    expect(refused(zipSync({ 'x.txt': strToU8('x') }))).toMatch(/has no hotspot-atlas-project\.json/);
    expect(refused(edit((m) => (m.version = 9)))).toMatch(/format version 9/);
    expect(refused(edit((m) => ((m.datasets as DatasetSpec[])[0].table = 'areas; DROP TABLE areas')))).toMatch(/dataset 1 is incomplete/);
    expect(refused(edit((m) => ((m.datasets as DatasetSpec[])[0].values[0].field = 'v1"; --')))).toMatch(/dataset 1 is incomplete/);
    expect(refused(edit((m) => ((m.datasets as DatasetSpec[])[0].nativeLevel = 'user_other')))).toMatch(/dataset 1 is incomplete/);
    expect(refused(edit((m) => ((m.levels as { id: string }[])[0].id = 'user_../x')))).toMatch(/boundary set 1 is incomplete/);
    const files = unzipSync(packProject(project));
    delete files['tables/user_dabc123.arrow'];
    expect(refused(zipSync(files))).toMatch(/the table of "<b>uptake<\/b>\.csv" is missing/);
  });

  describe('version 3: places, per-practice tables and the registered-patient file', () => {
    const placeSet: PlacePoints = {
      file: 'vans.geojson', rowNoun: 'feature', lon: Float64Array.from([-1.4701, -0.1278]), lat: Float64Array.from([53.3811, 51.5074]),
      names: ['<img src=x onerror=alert(1)>', 'feature 2'], types: ['van', ''], rows: Uint32Array.from([1, 3]),
      columns: { lat: 'lat', lon: 'lon', name: 'name', type: null, grid: false }, notes: ['Place names from "name".'], issues: [],
    };
    const practiceFile: DatasetSpec = { ...dataset, id: 'dprac01', table: 'user_dprac01', nativeLevel: 'lsoa21', practices: true, split: null };
    const placesFile: DatasetSpec = { ...dataset, id: 'dplac01', table: 'user_dplac01', nativeLevel: 'lsoa21', split: null };
    const registered: RegisteredFile = { file: 'gp-reg-pat-prac-lsoa.csv', practice: ['A81001', 'A81001', 'Y99999'], lsoa: ['E01012007', 'E01012008', 'E01000001'], sex: null, patients: Float64Array.from([120, NaN, 7]) };
    const full = {
      ...project, levels: [], datasets: [practiceFile, placesFile],
      tables: new Map([['user_dprac01', new Uint8Array([1])], ['user_dprac01_practice', new Uint8Array([2])], ['user_dplac01', new Uint8Array([3])]]),
      places: [{ datasetId: 'dplac01', places: placeSet }],
      registered: { file: registered.file, ipc: registeredToIpc(registered) },
    };
    const editFiles = (f: (files: Record<string, Uint8Array>, m: Record<string, unknown>) => void) => {
      const files = unzipSync(packProject(full));
      const m = JSON.parse(strFromU8(files[PROJECT_MANIFEST])) as Record<string, unknown>;
      f(files, m);
      files[PROJECT_MANIFEST] = strToU8(JSON.stringify(m));
      return zipSync(files);
    };

    it('round-trip: the places (points, names as plain text, types, feature numbers), the per-practice table and the registered rows come back', () => {
      const back = unpackProject(packProject(full), 'p.zip');
      expect(back.datasets).toEqual([practiceFile, placesFile]);
      expect([...back.tables.keys()].sort()).toEqual(['user_dplac01', 'user_dprac01', 'user_dprac01_practice']);
      expect([...back.tables.get('user_dprac01_practice')!]).toEqual([2]);
      expect(back.places).toEqual([{ datasetId: 'dplac01', places: placeSet }]);
      expect(back.registered?.file).toBe(registered.file);
      const r = registeredFromIpc('p.zip', back.registered!.file, back.registered!.ipc);
      expect(r.practice).toEqual(registered.practice);
      expect(r.lsoa).toEqual(registered.lsoa);
      expect(r.sex).toBeNull();
      // a blank count stays blank (NaN → NULL → NaN), so the reopened join report counts it again
      expect([...r.patients]).toEqual([120, NaN, 7]);
      const withSex = registeredFromIpc('p.zip', 'x.csv', registeredToIpc({ ...registered, sex: ['MALE', 'FEMALE', 'MALE'] }));
      expect(withSex.sex).toEqual(['MALE', 'FEMALE', 'MALE']);
    });

    it('older files (versions 1 and 2) open without places, practice tables or registered patients', () => {
      const v2 = editFiles((files, m) => {
        m.version = 2;
        delete m.places;
        delete m.registered;
        delete files['tables/user_dprac01_practice.arrow'];
        delete files['places/dplac01.json'];
        delete files['registered/patients.arrow'];
      });
      const back = unpackProject(v2, 'old.zip');
      expect(back.places).toEqual([]);
      expect(back.registered).toBeNull();
      expect([...back.tables.keys()].sort()).toEqual(['user_dplac01', 'user_dprac01']);
    });

    it('refuses damaged places and registered patients, naming what is wrong', () => {
      const placesJson = (f: (x: Record<string, unknown>) => void) => editFiles((files) => {
        const x = JSON.parse(strFromU8(files['places/dplac01.json'])) as Record<string, unknown>;
        f(x);
        files['places/dplac01.json'] = strToU8(JSON.stringify(x));
      });
      expect(refused(placesJson((x) => ((x.lat as number[])[1] = 41.9)))).toMatch(/^p\.zip: .*the places of "<b>uptake<\/b>\.csv": the list has a position outside England \(place 2\)/);
      expect(refused(placesJson((x) => (x.names as string[]).pop()))).toMatch(/different lengths/);
      expect(refused(placesJson((x) => ((x.names as unknown[])[0] = { html: '<b>' })))).toMatch(/name or type that is not short text/);
      expect(refused(placesJson((x) => ((x.rows as number[])[0] = 1.5)))).toMatch(/row number that is not a whole number/);
      expect(refused(placesJson((x) => (x.rowNoun = 'line')))).toMatch(/the list is incomplete/);
      expect(refused(placesJson((x) => ((x.lon as unknown[])[0] = 'NaN')))).toMatch(/position outside England/);
      expect(refused(editFiles((files) => (files['places/dplac01.json'] = strToU8('{'))))).toMatch(/is not valid JSON/);
      expect(refused(editFiles((files) => delete files['places/dplac01.json']))).toMatch(/the places of "<b>uptake<\/b>\.csv" are missing/);
      expect(refused(editFiles((_, m) => (m.places = ['dother1'])))).toMatch(/place file 1 belongs to no dataset/);
      expect(refused(editFiles((_, m) => (m.places = ['dplac01', 'dplac01'])))).toMatch(/an id is used twice/);
      expect(refused(editFiles((files) => delete files['registered/patients.arrow']))).toMatch(/the registered patients of "gp-reg-pat-prac-lsoa\.csv" are missing/);
      expect(refused(editFiles((_, m) => (m.registered = { file: 7 })))).toMatch(/registered-patient file is incomplete/);
      expect(() => registeredFromIpc('p.zip', 'r.csv', new Uint8Array([1, 2, 3]))).toThrow(/^p\.zip: the registered patients \(r\.csv\) in this project file lack the column "PRACTICE_CODE"\. Nothing was changed/);
      const textCounts = columnsToIpc({ PRACTICE_CODE: ['A81001'], LSOA_CODE: ['E01012007'], NUMBER_OF_PATIENTS: ['=1+1'] });
      expect(() => registeredFromIpc('p.zip', 'r.csv', textCounts)).toThrow(/hold "NUMBER_OF_PATIENTS" as something other than numbers/);
    });
  });
});
