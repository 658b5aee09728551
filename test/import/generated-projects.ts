/**
 * Project files for the bad-input corpus, made at test time: a good one (a dataset of LSOA values,
 * optionally with a boundary set) and variants that are damaged, tampered with, of the wrong types,
 * or built to exhaust memory (declared or real inflated sizes, entry counts).
 */
import { DenseUnion, Field, Float16, Float64, Int32, Table, Utf8, makeBuilder, makeVector, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildBoundaryTopology } from '../../src/data/import/boundary-topology';
import { bytesSource } from '../../src/data/import/byte-source';
import { LEVEL_OBJECT, packProject, PROJECT_MANIFEST } from '../../src/data/import/project-file';
import { readGeoJson } from '../../src/data/import/read-geojson';
import type { DatasetSpec } from '../../src/data/import/user-dataset';

const CODES = ['E01000001', 'E01000002', 'E01000003'];

const PROJECT_DATASET: DatasetSpec = {
  id: 'dproj01', file: 'uptake.csv', sheet: null, table: 'user_dproj01', nativeLevel: 'lsoa21', joinNote: 'Column "code": LSOA 2021 codes.', practices: false,
  combine: 'auto', split: null, values: [{ column: 'uptake', field: 'v1', label: 'Uptake', unit: 'percent', unitText: '', polarity: 'lower-worse', decimals: 1 }],
  rowsRead: 3, rowsJoined: 3, areas: 3,
};

const table = (columns: Record<string, Vector>) => tableToIPC(new Table(columns), 'stream');
const codes = (list = CODES) => vectorFromArray(list, new Utf8());
const doubles = (v: number[]) => makeVector({ type: new Float64(), data: Float64Array.from(v) });
const rowsCol = (n = CODES.length) => makeVector({ type: new Int32(), data: new Int32Array(n).fill(1) });

function union(values: (number | string)[]): Vector {
  const type = new DenseUnion([0, 1], [new Field('n', new Float64(), true), new Field('s', new Utf8(), true)]);
  const b = makeBuilder({ type, nullValues: [null], valueToChildTypeId: (_b: unknown, v: unknown) => (typeof v === 'number' ? 0 : 1) } as never);
  for (const v of values) b.append(v);
  return b.finish().toVector();
}

function project(ipc: Uint8Array, spec: Partial<DatasetSpec> = {}, levels: Parameters<typeof packProject>[0]['levels'] = []): Uint8Array {
  const d = { ...PROJECT_DATASET, ...spec };
  return packProject({ savedAt: '2026-11-22T10:00:00Z', view: { level: 'lsoa21', indicator: `user.${d.id}.v1` }, datasets: [d], levels, tables: new Map([[d.table, ipc]]) });
}

const goodIpc = () => table({ code: codes(), v1: doubles([50, 61.5, 70]), rows: rowsCol() });

/** Rewrites entries of a project (the manifest as an object). */
function edit(bytes: Uint8Array, f: (files: Record<string, Uint8Array>, manifest: Record<string, unknown>) => void): Uint8Array {
  const files = unzipSync(bytes);
  const m = JSON.parse(strFromU8(files[PROJECT_MANIFEST])) as Record<string, unknown>;
  f(files, m);
  files[PROJECT_MANIFEST] = strToU8(JSON.stringify(m));
  return zipSync(files);
}

/** Sets the uncompressed size the central directory declares for `name`. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (strFromU8(out.subarray(i + 46, i + 46 + nameLength)) === name) {
      view.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`${name} not in the archive`);
}

async function levelTopology(): Promise<string> {
  const box = (x0: number) => [[[x0, 51.49], [x0 + 0.02, 51.49], [x0 + 0.02, 51.51], [x0, 51.51], [x0, 51.49]]];
  const fc = { type: 'FeatureCollection', features: ['P1', 'P2'].map((code, i) => ({ type: 'Feature', properties: { code, name: `PCN ${i + 1}` }, geometry: { type: 'Polygon', coordinates: box(-0.2 + 0.02 * i) } })) };
  const t = await readGeoJson(bytesSource(strToU8(JSON.stringify(fc)), 'pcn.geojson'));
  return JSON.stringify(buildBoundaryTopology(t, { codeColumn: 'code', nameColumn: 'name' }, LEVEL_OBJECT).topology);
}
const LEVEL = { id: 'user_pcn001', file: 'pcn.geojson', label: 'PCN areas', noun: 'PCN area', areas: 2 } as const;

export const GENERATED_PROJECTS: Record<string, () => Uint8Array | Promise<Uint8Array>> = {
  'project-good.zip': () => project(goodIpc()),
  'project-nan-values.zip': () => project(table({ code: codes(), v1: doubles([NaN, 61.5, Infinity]), rows: rowsCol() })),
  'project-int-values.zip': () => project(table({ code: codes(), v1: makeVector({ type: new Int32(), data: Int32Array.from([5, 6, 7]) }), rows: rowsCol() })),
  'project-float16-values.zip': () => project(table({ code: codes(), v1: makeVector({ type: new Float16(), data: Uint16Array.from([0x3c00, 0x4000, 0x4200]) }), rows: rowsCol() })),
  'project-union-values.zip': () => project(table({ code: codes(), v1: union([1.5, 'a', 2]), rows: rowsCol() })),
  'project-text-values.zip': () => project(table({ code: codes(), v1: vectorFromArray(['50', '61.5', '70'], new Utf8()), rows: rowsCol() })),
  'project-numeric-codes.zip': () => project(table({ code: makeVector({ type: new Int32(), data: Int32Array.from([1, 2, 3]) }), v1: doubles([1, 2, 3]), rows: rowsCol() })),
  'project-missing-column.zip': () => project(table({ code: codes(), rows: rowsCol() })),
  'project-split-missing.zip': () => project(goodIpc(), { split: { column: 'year', values: ['2023'], period: true } }),
  'project-not-arrow.zip': () => project(strToU8('code,v1\nE01000001,5\n')),
  'project-duplicate-rows.zip': () => project(table({ code: codes(['E01000001', 'E01000001', 'E01000002']), v1: doubles([1, 2, 3]), rows: rowsCol() })),
  'project-null-codes.zip': () => project(table({ code: vectorFromArray(['E01000001', null, 'E01000002'], new Utf8()), v1: doubles([1, 2, 3]), rows: rowsCol() })),
  'project-with-level.zip': async () => project(table({ code: codes(['P1', 'P2']), v1: doubles([10, 20]), rows: rowsCol(2) }), { nativeLevel: LEVEL.id }, [{ spec: { ...LEVEL }, topology: await levelTopology() }]),
  'project-bad-topology.zip': () => project(table({ code: codes(['P1']), v1: doubles([1]), rows: rowsCol(1) }), { nativeLevel: LEVEL.id }, [{ spec: { ...LEVEL }, topology: '{"type":"Topology","objects":{' }]),
  'project-empty-topology.zip': () => project(table({ code: codes(['P1']), v1: doubles([1]), rows: rowsCol(1) }), { nativeLevel: LEVEL.id }, [
    { spec: { ...LEVEL }, topology: JSON.stringify({ type: 'Topology', arcs: [], objects: { [LEVEL_OBJECT]: { type: 'GeometryCollection', geometries: [] } } }) },
  ]),
  'project-level-missing.zip': async () => edit(project(goodIpc(), { nativeLevel: LEVEL.id }, [{ spec: { ...LEVEL }, topology: await levelTopology() }]), (files) => delete files[`levels/${LEVEL.id}.topo.json`]),
  'project-version-9.zip': () => edit(project(goodIpc()), (_f, m) => (m.version = 9)),
  'project-sql-in-table-name.zip': () => edit(project(goodIpc()), (_f, m) => ((m.datasets as DatasetSpec[])[0].table = 'areas; DROP TABLE areas')),
  'project-too-many-parts.zip': () => edit(project(goodIpc()), (_f, m) => (m.datasets = Array.from({ length: 201 }, (_, i) => ({ ...PROJECT_DATASET, id: `d${String(i).padStart(6, '0')}`, table: `user_d${String(i).padStart(6, '0')}` })))),
  'project-too-many-entries.zip': () => edit(project(goodIpc()), (files) => {
    for (let i = 0; i < 10_001; i++) files[`padding/${i}.txt`] = strToU8('x');
  }),
  'project-declared-bomb.zip': () => declareSize(project(goodIpc()), `tables/${PROJECT_DATASET.table}.arrow`, 600 * 2 ** 20),
  // the case: a small archive whose manifest really inflates to 64 MB, declared as 200 bytes
  'project-real-bomb.zip': () => {
    const files = unzipSync(project(goodIpc()));
    const zip = zipSync({ ...files, [PROJECT_MANIFEST]: [new Uint8Array([...files[PROJECT_MANIFEST], ...new Uint8Array(64 * 2 ** 20).fill(0x20)]), { level: 9 }] });
    return declareSize(zip, PROJECT_MANIFEST, 200);
  },
  'project-damaged.zip': () => {
    const bytes = project(goodIpc());
    return bytes.slice(0, Math.floor(bytes.length * 0.7));
  },
  'zip-not-project.zip': () => zipSync({ 'uptake.csv': strToU8('code,v\nE01000001,5\n') }),
};
