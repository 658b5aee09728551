import { strToU8, zipSync, unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-issue';
import { packProject, PROJECT_MANIFEST, unpackProject, type ProjectContents } from './project-file';
import { zipDirectory } from '../../lib/zip-directory';
import type { DatasetSpec } from './user-dataset';

const dataset: DatasetSpec = {
  id: 'dabc123', file: '<b>uptake</b>.csv', sheet: null, table: 'user_dabc123', nativeLevel: 'user_pcn001', joinNote: 'Column "code" …', practices: false,
  combine: 'auto', split: { column: 'year', values: ['2022', '2023'], period: true },
  values: [{ column: 'uptake %', field: 'v1', label: 'Uptake', unit: 'percent', unitText: '', polarity: 'lower-worse', decimals: 1 }],
  rowsRead: 10, rowsJoined: 9, areas: 3,
};
const project: ProjectContents = {
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
});
