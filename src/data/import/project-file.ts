/**
 * The project file: one ZIP that re-opens a whole session, data included, when dropped back in.
 *
 *   hotspot-atlas-project.json   what was loaded and how (dataset and boundary specs) + the view
 *   tables/user_<id>.arrow       each dataset's table as an Arrow IPC stream (one row per area)
 *   tables/user_<id>_practice.arrow  a GP practice file's per-practice table (version 3)
 *   places/<id>.json             a file of places: its points, names and types (project-places.ts, version 3)
 *   registered/patients.arrow    the registered-patient file's rows (project-registered.ts, version 3)
 *   levels/user_<id>.topo.json   each user level's boundaries as TopoJSON (object "areas")
 *   README.txt                   what the file is, for whoever finds it in a folder
 *
 * A project file is a user's file like any other: every field is checked on the way in (ids and
 * column names against fixed patterns, strings by length, numbers by range), its declared sizes
 * against the limits before anything is unzipped (input-limits.ts), and a bad file is refused with a
 * message naming it, before anything already loaded is touched.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { formatBytes, INPUT_LIMITS } from '../../lib/input-limits';
import { inflatedSize, zipDirectory } from '../../lib/zip-directory';
import { USER_LEVEL_ID, isBuiltInLevel, type LevelId, type UserLevelId } from '../../geo/levels';
import { ImportError, tooLarge } from './import-issue';
import type { BoundarySpec } from './load-user-level';
import { reviseSplit } from './dataset-split';
import type { PlacePoints } from './place-points';
import { placesFromJson, placesToJson } from './project-places';
import { REGISTERED_ENTRY } from './project-registered';
import { practiceTableOf } from './user-table-sql';
import { DATASET_ID, RATE_MULTIPLIERS, type Combine, type DatasetSpec, type RatioSpec, type UnitChoice, type ValueSpec, type WeightSpec } from './user-dataset';

export const PROJECT_MANIFEST = 'hotspot-atlas-project.json';
const PROJECT_FORMAT = 'hotspot-atlas-project';
/**
 * 2: values can be rates from a numerator and a denominator (their tables hold both), datasets name
 * the weight of their averages, and "neutral" is a direction. Version 1 files (none of these) open
 * as they were saved; an atlas that reads only version 1 refuses version 2 with a message.
 * 3: also the places of place files, GP practice files' per-practice tables and the registered-patient
 * file (earlier versions have none of them and open as they were saved).
 */
const PROJECT_VERSION = 3;
const READABLE_VERSIONS = [1, 2, 3];
/** The TopoJSON object every user level's topology holds. */
export const LEVEL_OBJECT = 'areas';

export interface ProjectContents {
  savedAt: string;
  /** The view state as saved (normalised again on opening, like a share link). */
  view: unknown;
  datasets: DatasetSpec[];
  levels: { spec: BoundarySpec; topology: string }[];
  /** Arrow IPC stream per dataset table name, and per practice table (`user_<id>_practice`) of datasets with one. */
  tables: Map<string, Uint8Array>;
  /** The places of each place file, by the id of the dataset of their measures. */
  places: { datasetId: string; places: PlacePoints }[];
  /** The registered-patient file's rows (project-registered.ts), and the file's name. */
  registered: { file: string; ipc: Uint8Array } | null;
}

const README = `This is a Hotspot Atlas project file. It holds the data you loaded from your own files
(as Arrow tables), your own boundaries (as TopoJSON) and the map you were looking at.
To re-open it, drop it onto the "Your data" tab of Hotspot Atlas (or choose it with "Choose files").
It contains your data: store and share it as you would the original files.
`;

/** Places and the registered-patient file may be left out (a session without them; tests of older parts). */
export function packProject(contents: Omit<ProjectContents, 'places' | 'registered'> & Partial<Pick<ProjectContents, 'places' | 'registered'>>): Uint8Array {
  const p: ProjectContents = { places: [], registered: null, ...contents };
  const manifest = {
    format: PROJECT_FORMAT, version: PROJECT_VERSION, savedAt: p.savedAt, view: p.view, datasets: p.datasets,
    levels: p.levels.map((l) => l.spec), places: p.places.map((x) => x.datasetId), registered: p.registered ? { file: p.registered.file } : null,
  };
  const files: Record<string, Uint8Array> = { [PROJECT_MANIFEST]: strToU8(JSON.stringify(manifest, null, 1)), 'README.txt': strToU8(README) };
  for (const [table, bytes] of p.tables) files[`tables/${table}.arrow`] = bytes;
  for (const l of p.levels) files[`levels/${l.spec.id}.topo.json`] = strToU8(l.topology);
  for (const x of p.places) files[`places/${x.datasetId}.json`] = strToU8(placesToJson(x.places));
  if (p.registered) files[REGISTERED_ENTRY] = p.registered.ipc;
  return zipSync(files, { level: 6 });
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads and checks a project file; throws an ImportError naming the file and the bad entry. */
export function unpackProject(bytes: Uint8Array, file: string): ProjectContents {
  const bad = (what: string) => new ImportError('bad-project', `${file}: this project file is damaged or was not made by Hotspot Atlas (${what}). Nothing was changed; save the project again from the atlas.`);
  const listed = zipDirectory(bytes);
  if (!listed) throw bad('it is not a readable ZIP archive');
  const advice = 'Nothing was changed. A project saved by the atlas is far smaller: check that this is the right file.';
  if (listed.length > INPUT_LIMITS.zipEntries) throw tooLarge(file, 'zipEntries', `it holds ${listed.length.toLocaleString('en-GB')} files`, advice);
  const inflated = inflatedSize(listed);
  if (inflated > INPUT_LIMITS.projectInflatedBytes) throw tooLarge(file, 'projectInflatedBytes', `it unzips to ${formatBytes(inflated)}`, advice);
  let entries: Record<string, Uint8Array>;
  try {
    // each entry inflates into a buffer of its declared size (checked above), never more
    entries = unzipSync(bytes);
  } catch {
    throw bad('it is not a readable ZIP archive');
  }
  const raw = entries[PROJECT_MANIFEST];
  if (!raw) throw bad(`it has no ${PROJECT_MANIFEST}`);
  let m: unknown;
  try {
    m = JSON.parse(strFromU8(raw));
  } catch {
    throw bad(`${PROJECT_MANIFEST} is not valid JSON`);
  }
  if (!isObj(m) || m.format !== PROJECT_FORMAT) throw bad('unknown format');
  if (!READABLE_VERSIONS.includes(m.version as number)) throw bad(`format version ${String(m.version)}; this atlas reads versions ${READABLE_VERSIONS.join(' and ')}`);
  const levelList = Array.isArray(m.levels) ? m.levels : [];
  const placeList = Array.isArray(m.places) ? m.places : [];
  const parts = levelList.length + (Array.isArray(m.datasets) ? m.datasets.length : 0) + placeList.length;
  if (parts > INPUT_LIMITS.projectParts) throw tooLarge(file, 'projectParts', `it lists ${parts.toLocaleString('en-GB')}`, advice);
  const levels = levelList.map((x, i) => {
    const spec = boundarySpec(x);
    if (!spec) throw bad(`boundary set ${i + 1} is incomplete`);
    const topo = entries[`levels/${spec.id}.topo.json`];
    if (!topo) throw bad(`the boundaries of "${spec.label}" are missing`);
    return { spec, topology: strFromU8(topo) };
  });
  const levelIds = new Set<string>(levels.map((l) => l.spec.id));
  const tables = new Map<string, Uint8Array>();
  const datasets = (Array.isArray(m.datasets) ? m.datasets : []).map((x, i) => {
    const d = datasetSpec(x, levelIds);
    if (!d) throw bad(`dataset ${i + 1} is incomplete`);
    const t = entries[`tables/${d.table}.arrow`];
    if (!t) throw bad(`the table of "${d.file}" is missing`);
    tables.set(d.table, t);
    // a GP practice file's per-practice table: absent from files before version 3 (its practice measures are then not offered)
    const perPractice = d.practices ? entries[`tables/${practiceTableOf(d.table)}.arrow`] : undefined;
    if (perPractice) tables.set(practiceTableOf(d.table), perPractice);
    return d;
  });
  if (new Set(datasets.map((d) => d.id)).size !== datasets.length || levelIds.size !== levels.length || new Set(placeList).size !== placeList.length) throw bad('an id is used twice');
  const places = placeList.map((id, i) => {
    const d = datasets.find((x) => x.id === id && x.nativeLevel === 'lsoa21');
    if (!d) throw bad(`place file ${i + 1} belongs to no dataset`);
    const json = entries[`places/${d.id}.json`];
    if (!json) throw bad(`the places of "${d.file}" are missing`);
    const read = placesFromJson(strFromU8(json));
    if (typeof read === 'string') throw bad(`the places of "${d.file}": the list ${read}`);
    return { datasetId: d.id, places: read };
  });
  let registered: ProjectContents['registered'] = null;
  if (m.registered !== undefined && m.registered !== null) {
    const r = m.registered;
    if (!isObj(r) || !text(r.file, 500)) throw bad('the registered-patient file is incomplete');
    const ipc = entries[REGISTERED_ENTRY];
    if (!ipc) throw bad(`the registered patients of "${r.file}" are missing`);
    registered = { file: r.file, ipc };
  }
  return { savedAt: typeof m.savedAt === 'string' ? m.savedAt.slice(0, 40) : '', view: m.view, datasets, levels, tables, places, registered };
}

const text = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const int = (x: unknown, lo: number, hi: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;
const oneOf = <T extends string>(x: unknown, list: readonly T[]): x is T => typeof x === 'string' && (list as readonly string[]).includes(x);

const UNITS: readonly UnitChoice[] = ['percent', 'proportion', 'count', 'rate', 'number', 'ratio'];
const COMBINES: readonly Combine[] = ['auto', 'sum', 'mean', 'first'];
const POLARITIES = ['higher-worse', 'lower-worse', 'neutral'] as const;

function boundarySpec(x: unknown): BoundarySpec | null {
  if (!isObj(x) || !(typeof x.id === 'string' && USER_LEVEL_ID.test(x.id))) return null;
  if (!text(x.file, 500) || !text(x.label, 200) || !text(x.noun, 100) || !int(x.areas, 1, 1e6)) return null;
  return { id: x.id as UserLevelId, file: x.file, label: x.label, noun: x.noun, areas: x.areas };
}

function ratioSpec(x: unknown): RatioSpec | null {
  if (!isObj(x) || !text(x.denominator, 500) || !(RATE_MULTIPLIERS as readonly unknown[]).includes(x.multiplier) || !oneOf(x.ci, ['proportion', 'poisson'] as const) || !int(x.suppressBelow, 0, 1000)) return null;
  return { denominator: x.denominator, multiplier: x.multiplier as number, ci: x.ci, suppressBelow: x.suppressBelow };
}

function valueSpec(x: unknown): ValueSpec | null {
  if (!isObj(x) || !text(x.column, 500) || !(typeof x.field === 'string' && /^v\d{1,3}$/.test(x.field))) return null;
  if (!text(x.label, 200) || !oneOf(x.unit, UNITS) || !text(x.unitText, 100) || !oneOf(x.polarity, POLARITIES) || !int(x.decimals, 0, 6)) return null;
  const v: ValueSpec = { column: x.column, field: x.field, label: x.label, unit: x.unit, unitText: x.unitText, polarity: x.polarity, decimals: x.decimals };
  // a rate and its numerator/denominator go together: one without the other is a damaged file
  if ((x.unit === 'ratio') !== (x.ratio !== undefined)) return null;
  if (x.ratio === undefined) return v;
  const ratio = ratioSpec(x.ratio);
  return ratio ? { ...v, ratio } : null;
}

/** The weight of a dataset's averages; undefined when absent (a version 1 file), null when malformed. */
function weightSpec(x: unknown): WeightSpec | undefined | null {
  if (x === undefined) return undefined;
  if (!isObj(x)) return null;
  if (x.kind === 'column') return text(x.column, 500) ? { kind: 'column', column: x.column } : null;
  return oneOf(x.kind, ['residents', 'list-size', 'equal'] as const) ? { kind: x.kind } : null;
}

/** A practice file's Sub-ICB join counts: undefined when absent (older projects), null when malformed. */
function practiceAreasOf(x: unknown): DatasetSpec['practiceAreas'] | null {
  if (x === undefined) return undefined;
  if (!isObj(x) || !int(x.mapped, 0, 1e6) || !int(x.unmapped, 0, 1e6)) return null;
  if (!(x.patients === null || (typeof x.patients === 'number' && Number.isFinite(x.patients) && x.patients >= 0))) return null;
  return { mapped: x.mapped, unmapped: x.unmapped, patients: x.patients };
}

function datasetSpec(x: unknown, levels: Set<string>): DatasetSpec | null {
  if (!isObj(x) || !(typeof x.id === 'string' && DATASET_ID.test(x.id)) || x.table !== `user_${x.id}`) return null;
  const level = x.nativeLevel;
  if (!(typeof level === 'string' && (isBuiltInLevel(level as LevelId) || levels.has(level)))) return null;
  if (!text(x.file, 500) || !(x.sheet === null || text(x.sheet, 200)) || !text(x.joinNote, 4000) || typeof x.practices !== 'boolean' || !oneOf(x.combine, COMBINES)) return null;
  let split: DatasetSpec['split'] = null;
  if (x.split !== null) {
    const s = x.split;
    if (!isObj(s) || !text(s.column, 500) || typeof s.period !== 'boolean' || !Array.isArray(s.values) || s.values.length > 200 || !s.values.every((v) => text(v, 100))) return null;
    // checked again by today's rule: earlier versions missed quarters and months, and sorted months as text
    split = reviseSplit({ column: s.column, values: s.values, period: s.period });
  }
  const values = Array.isArray(x.values) ? x.values.map(valueSpec) : [];
  if (!values.length || values.length > 100 || values.some((v) => !v) || new Set(values.map((v) => v!.field)).size !== values.length) return null;
  if (!int(x.rowsRead, 0, 1e9) || !int(x.rowsJoined, 0, 1e9) || !int(x.areas, 0, 1e7)) return null;
  const weight = weightSpec(x.weight);
  if (weight === null) return null;
  const practiceAreas = practiceAreasOf(x.practiceAreas);
  if (practiceAreas === null || (practiceAreas && !x.practices)) return null;
  return {
    id: x.id, file: x.file, sheet: x.sheet, table: x.table, nativeLevel: level as LevelId, joinNote: x.joinNote, practices: x.practices,
    combine: x.combine, split, values: values as ValueSpec[], ...(weight ? { weight } : {}), rowsRead: x.rowsRead, rowsJoined: x.rowsJoined, areas: x.areas,
    ...(practiceAreas ? { practiceAreas } : {}),
  };
}
