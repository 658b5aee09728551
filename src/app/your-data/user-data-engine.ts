/**
 * Adds and removes what users load, in one place: datasets (a DuckDB table + catalogue entries),
 * boundary levels (a registered level, its areas rows, its geometry and contiguity) and project
 * files. Every change is checked and staged first, then applied in one step (user-data-swap.ts:
 * staged tables renamed in one transaction), and only then registered with the catalogue, the
 * levels and the map, so a failure at any point leaves everything as it was. Changes run one at a
 * time.
 */
import { tableToIPC } from 'apache-arrow';
import { splitSpec } from '../../data/import/dataset-split';
import type { JoinOptions, JoinReport } from '../../data/import/join-report';
import { decimalsOf, stageDataset, type JoinedRows } from '../../data/import/load-dataset';
import type { BoundarySpec, LevelCoverage } from '../../data/import/load-user-level';
import { LEVEL_OBJECT, packProject } from '../../data/import/project-file';
import { placeDataset } from '../../data/import/place-dataset';
import type { PlacePoints } from '../../data/import/place-points';
import type { RegisteredFile } from '../../data/import/registered-file';
import { registeredToIpc } from '../../data/import/project-registered';
import { loadRegisteredDeprivation, loadRegisteredPatients } from '../../data/registered-patients';
import { registeredShareDataset, registeredUserShareDataset } from '../../data/registered-share';
import { userPracticeMeasures } from '../../data/import/user-practice-measures';
import type { RegisteredState } from '../registered/registered-store';
import type { CheckedProject } from '../../data/import/read-project';
import { stageProjectTable } from '../../data/import/stage-project-table';
import type { TableSummary } from '../../data/import/table-summary';
import { applyUserDataChange, type UserDataChange } from '../../data/import/user-data-swap';
import type { Combine, DatasetSpec, RatioSpec, UnitChoice, WeightSpec } from '../../data/import/user-dataset';
import { dropTableSql, practiceTableOf } from '../../data/import/user-table-sql';
import type { AtlasData } from '../../data/load-atlas';
import type { Polarity } from '../../data/catalogue/types';
import type { Db } from '../../data/db/db';
import { sqlIdent } from '../../data/sql/sql-text';
import type { UserLevelId } from '../../geo/levels';
import type { UserLevelGeometry } from '../../geo/user-level-geometry';
import { newUserLevelId } from '../../geo/user-levels';
import { ImportClient } from '../../workers/import-client';
import type { MeasurePlaces } from '../../workers/places-client';
import type { AreaRings } from '../../workers/places-messages';
import type { GeometryStore } from '../geometry-store';
import { registerDataset, registerLevel, unregisterDataset, unregisterLevel } from './user-data-registry';
import { UserDataStore, type UserDataSnapshot } from './user-data-store';

/** A file read by the worker, waiting in the mapping dialog. */
export interface ReadFile {
  /** The read job's id: the worker keeps the table under it. */
  job: number;
  name: string;
  sheet: string | null;
  summary: TableSummary;
  report: JoinReport;
}

/** One value as chosen in the mapping dialog; `ratio` exactly when `unit` is 'ratio' (the column is the numerator). */
export interface ValueChoice { column: string; label: string; unit: UnitChoice; unitText: string; polarity: Polarity; ratio?: RatioSpec }

export interface MappingChoice {
  mode: 'join' | 'boundaries';
  keyColumn: string | null;
  values: ValueChoice[];
  combine: Combine;
  split: string | null;
  /** The weight of averages (values without a denominator). */
  weight: WeightSpec;
  boundary: { codeColumn: string | null; nameColumn: string | null; label: string; noun: string };
}

/** What the worker checks a choice against: units, rates' numerators and denominators, the weight. */
export function joinOptions(keyColumn: string | undefined, c: Pick<MappingChoice, 'values' | 'weight'>): JoinOptions {
  return {
    keyColumn,
    // a rate's numerator is checked as a count
    valueKinds: Object.fromEntries(c.values.map((v) => [v.column, v.unit === 'ratio' ? 'count' : v.unit])),
    ratios: c.values.flatMap((v) => (v.ratio ? [{ numerator: v.column, denominator: v.ratio.denominator, proportion: v.ratio.ci === 'proportion' }] : [])),
    weight: c.weight,
  };
}

const newDatasetId = () => `d${Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0')}`;

type NewLevel = { spec: BoundarySpec; topology: string; geometry: UserLevelGeometry };

/** A file of places as it is saved in a project: its points, by the dataset of its measures. */
interface SavedPlaces { datasetId: string; places: PlacePoints }

export class UserDataEngine {
  readonly store = new UserDataStore();
  /** The registered-patient file loaded last (its rows, kept so a project file can carry them). */
  private registeredFile: RegisteredFile | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The table of the QOF registers shared out by the registered-patient file loaded last (registered-share.ts). */
  private sharedTable: string | null = null;
  /** Per practice-file dataset id, the tables of its values shared out by the registered-patient file (`registeredFile`). */
  private sharedUser = new Map<string, string[]>();

  /**
   * @param bare true when the atlas has no built data (only users' own boundaries can be mapped)
   * @param client the import worker's client (tests pass one that runs in-process)
   */
  constructor(
    readonly data: Pick<AtlasData, 'queries' | 'dataUrl'> & { db: Db },
    readonly shapes: Pick<GeometryStore, 'provide' | 'forget'>,
    readonly bare: boolean,
    readonly client = new ImportClient(bare ? null : data.dataUrl('')),
  ) {}

  /** Runs changes one after another: each stages against the tables the last one left. */
  private exclusive<T>(f: () => Promise<T>): Promise<T> {
    const next = this.queue.then(f, f);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private spec(file: ReadFile, c: MappingChoice, nativeLevel: DatasetSpec['nativeLevel'], columns: JoinedRows['columns']): DatasetSpec {
    const id = newDatasetId();
    const merged = file.report.join?.merged ?? [];
    return {
      id, file: file.name, sheet: file.sheet, table: `user_${id}`, nativeLevel,
      joinNote: `${file.report.key?.note ?? ''}${merged.length ? ` Former districts combined into 2024 councils: ${merged.map((m) => m.label).join('; ')}.` : ''}`.trim().slice(0, 4000),
      practices: file.report.key?.geography === 'practice', combine: c.combine,
      split: c.split ? splitSpec(file.name, c.split, file.summary.smallDistinct[c.split] ?? []) : null,
      values: c.values.map((v, k) => ({
        ...v, field: `v${k + 1}`, label: v.label.trim() || v.column,
        // rates and percentages from a numerator and denominator: one decimal, as OHID shows them
        decimals: v.ratio ? 1 : decimalsOf(columns.find((x) => x.name === v.column)!.numbers, null, v.unit === 'count'),
      })),
      weight: c.weight,
      rowsRead: file.summary.rowCount, rowsJoined: 0, areas: 0,
    };
  }

  /** The file's columns a choice needs: values, rates' denominators, the weight column and the split. */
  private static columnsOf(c: MappingChoice): string[] {
    return [...new Set([
      ...c.values.flatMap((v) => [v.column, ...(v.ratio ? [v.ratio.denominator] : [])]),
      ...(c.weight.kind === 'column' ? [c.weight.column] : []),
      ...(c.split ? [c.split] : []),
    ])];
  }

  /** Applies a staged change to the database, then (nothing can fail after this) to the session. */
  private async commit(change: UserDataChange, add: { datasets?: DatasetSpec[]; levels?: NewLevel[] }, before?: () => void): Promise<void> {
    const coverage = await applyUserDataChange(this.data.db, { ...change, addLevels: add.levels?.map((l) => ({ id: l.spec.id, geometry: l.geometry })) });
    before?.();
    const droppedTables = new Set(change.dropTables);
    const droppedLevels = new Set<string>(change.dropLevels);
    const s = this.store.get();
    for (const d of s.datasets) if (droppedTables.has(d.table)) unregisterDataset(d);
    for (const l of s.levels) if (droppedLevels.has(l.spec.id)) unregisterLevel(l.spec.id, this.shapes);
    const kept = [...s.datasets.filter((d) => !droppedTables.has(d.table)), ...(add.datasets ?? [])];
    const levels = (add.levels ?? []).map((l) => registerLevel(l, coverage.get(l.spec.id) as LevelCoverage, this.shapes, this.bare, kept));
    for (const d of add.datasets ?? []) registerDataset(d);
    this.data.queries.clear();
    this.store.update((x): UserDataSnapshot => ({
      datasets: [...x.datasets.filter((d) => !droppedTables.has(d.table)), ...(add.datasets ?? [])],
      levels: [...x.levels.filter((l) => !droppedLevels.has(l.spec.id)), ...levels],
      practiceTables: [...x.practiceTables.filter((t) => !droppedTables.has(t)), ...(change.addTables ?? []).map((t) => t.table).filter((t) => (add.datasets ?? []).some((d) => practiceTableOf(d.table) === t))],
    }));
  }

  addDataset(file: ReadFile, c: MappingChoice): Promise<DatasetSpec> {
    return this.exclusive(async () => {
      const key = file.report.key;
      const practices = key?.geography === 'practice';
      const nativeLevel = practices ? 'lsoa21' : key?.target?.atlasLevel;
      if (!key || !nativeLevel) throw new Error(`${file.name}: choose the column of area codes first.`);
      const taken = await this.client.take(file.job, UserDataEngine.columnsOf(c), joinOptions(key.column, c), practices ? 'lsoa21' : undefined, c.weight);
      const staged = await stageDataset(this.data.db, this.spec(file, c, nativeLevel, taken.columns), taken);
      const perPractice = staged.stagedPractice ? [{ staged: staged.stagedPractice, table: practiceTableOf(staged.spec.table) }] : [];
      await this.commit({ addTables: [{ staged: staged.staged, table: staged.spec.table }, ...perPractice] }, { datasets: [staged.spec] });
      if (this.registeredFile) await this.shareUserMeasures(this.registeredFile.file, [staged.spec.id]);
      return staged.spec;
    });
  }

  /** The boundaries become a level; numeric properties chosen as values become its first dataset. */
  addBoundaries(file: ReadFile, c: MappingChoice): Promise<{ level: UserLevelId; dataset: DatasetSpec | null }> {
    return this.exclusive(async () => {
      const id = newUserLevelId();
      const b = c.boundary;
      const made = await this.client.boundaries(file.job, LEVEL_OBJECT, { codeColumn: b.codeColumn, nameColumn: b.nameColumn });
      const spec: BoundarySpec = { id, file: file.name, label: b.label.trim() || file.name, noun: b.noun.trim() || 'area', areas: made.geometry.polygons.ids.length };
      const level: NewLevel = { spec, topology: made.topology, geometry: made.geometry };
      if (!c.values.length) {
        await this.commit({}, { levels: [level] });
        return { level: id, dataset: null };
      }
      const taken = await this.client.take(file.job, UserDataEngine.columnsOf({ ...c, split: null }), {}, undefined, c.weight);
      const ds = { ...this.spec(file, { ...c, split: null, combine: 'first' }, id, taken.columns), joinNote: `Values of the properties of your boundaries (${file.name}), one per area.` };
      const staged = await stageDataset(this.data.db, ds, { ...taken, joinKeys: made.rowCodes });
      await this.commit({ addTables: [{ staged: staged.staged, table: ds.table }] }, { levels: [level], datasets: [staged.spec] });
      return { level: id, dataset: staged.spec };
    });
  }

  /**
   * A file of places becomes a dataset of two LSOA measures (place-dataset.ts): places in the area
   * and km to the nearest, computed by `measure` (the places worker) on the LSOA 2021 rings.
   */
  addPlaces(places: PlacePoints, lsoas: AreaRings, measure: MeasurePlaces): Promise<{ dataset: DatasetSpec; outside: number }> {
    return this.exclusive(async () => {
      const m = await measure(lsoas, places.lon, places.lat);
      const { spec, rows } = placeDataset(newDatasetId(), places, lsoas.ids, m);
      const staged = await stageDataset(this.data.db, spec, rows);
      await this.commit({ addTables: [{ staged: staged.staged, table: spec.table }] }, { datasets: [staged.spec] });
      return { dataset: staged.spec, outside: m.outside };
    });
  }

  /**
   * The registered-patient file becomes table registered_patients_lsoa21 (replacing an earlier one),
   * not a dataset: it is a practice-to-LSOA weighting that practice measures and pull partners read.
   * It also brings one dataset: QOF registers shared out to where patients live (replacing an earlier one).
   */
  addRegistered(f: RegisteredFile): Promise<RegisteredState> {
    return this.exclusive(async () => {
      const report = await loadRegisteredPatients(this.data.db, f);
      this.data.queries.clear();
      // QOF registers shared out to where patients live: a dataset replacing the one from an earlier file
      const { spec, rows } = await registeredShareDataset(this.data.db, newDatasetId(), f.file);
      const staged = await stageDataset(this.data.db, spec, rows);
      const earlier = this.store.get().datasets.filter((d) => d.table === this.sharedTable).map((d) => d.table);
      await this.commit({ addTables: [{ staged: staged.staged, table: spec.table }], dropTables: earlier }, { datasets: [staged.spec] });
      this.sharedTable = spec.table;
      this.registeredFile = f;
      await this.shareUserMeasures(f.file, this.store.get().datasets.map((d) => d.id));
      return { report, byPractice: await loadRegisteredDeprivation(this.data.db, 'practice'), byPcn: await loadRegisteredDeprivation(this.data.db, 'pcn') };
    });
  }

  /** Tables still loaded that hold dataset `id`'s values shared out to where patients live. */
  private liveShared(id: string): string[] {
    const tables = new Set(this.store.get().datasets.map((d) => d.table));
    return (this.sharedUser.get(id) ?? []).filter((t) => tables.has(t));
  }

  /**
   * Shares the practice-file shares of lists of datasets `ids` (user-practice-measures.ts) out to where
   * patients live, one dataset per value, replacing those shared by an earlier registered-patient file.
   */
  private async shareUserMeasures(registered: string, ids: readonly string[]): Promise<void> {
    const s = this.store.get();
    const sources = s.datasets.filter((d) => ids.includes(d.id));
    const measures = userPracticeMeasures(sources, s.practiceTables);
    if (!measures.length && !sources.some((d) => this.sharedUser.has(d.id))) return;
    const made: { source: string; spec: DatasetSpec; staged: string }[] = [];
    for (const m of measures) {
      const { spec, rows } = await registeredUserShareDataset(this.data.db, newDatasetId(), m, registered);
      // the measure's id is user.<dataset>.<field>
      made.push({ source: m.id.split('.')[1], ...(await stageDataset(this.data.db, spec, rows)) });
    }
    const earlier = sources.flatMap((d) => this.liveShared(d.id));
    await this.commit({ addTables: made.map((x) => ({ staged: x.staged, table: x.spec.table })), dropTables: earlier }, { datasets: made.map((x) => x.spec) });
    for (const d of sources) this.sharedUser.delete(d.id);
    for (const x of made) this.sharedUser.set(x.source, [...(this.sharedUser.get(x.source) ?? []), x.spec.table]);
  }

  removeDataset(id: string): Promise<void> {
    return this.exclusive(async () => {
      const d = this.store.get().datasets.find((x) => x.id === id);
      // a GP practice file's per-practice table (user-practice-sql.ts) goes with it
      if (d) await this.commit({ dropTables: [d.table, ...(d.practices ? [practiceTableOf(d.table)] : []), ...this.liveShared(d.id)] }, {});
      this.sharedUser.delete(id);
    });
  }

  /** Removes a boundary level and the datasets loaded for it. */
  removeLevel(id: UserLevelId): Promise<void> {
    return this.exclusive(async () => {
      if (!this.store.get().levels.some((l) => l.spec.id === id)) return;
      const owned = this.store.get().datasets.filter((x) => x.nativeLevel === id);
      await this.commit({ dropTables: owned.map((d) => d.table), dropLevels: [id] }, {});
    });
  }

  /**
   * The session's own data as a project file: datasets with their tables (and GP practice files'
   * per-practice tables), boundaries, `places` (the points of place files still loaded), the
   * registered-patient file, and the view.
   */
  async saveProject(view: unknown, places: readonly SavedPlaces[] = []): Promise<Uint8Array> {
    const { datasets, levels, practiceTables } = this.store.get();
    const tables = new Map<string, Uint8Array>();
    const ipcOf = async (table: string) => tableToIPC(await this.data.db.query(`SELECT * FROM ${sqlIdent(table)}`), 'stream');
    for (const d of datasets) {
      tables.set(d.table, await ipcOf(d.table));
      const perPractice = practiceTableOf(d.table);
      if (d.practices && practiceTables.includes(perPractice)) tables.set(perPractice, await ipcOf(perPractice));
    }
    const r = this.registeredFile;
    return packProject({
      savedAt: new Date().toISOString(), view, datasets, levels: levels.map((l) => ({ spec: l.spec, topology: l.topology })), tables,
      places: places.filter((p) => datasets.some((d) => d.id === p.datasetId)).map((p) => ({ datasetId: p.datasetId, places: p.places })),
      registered: r ? { file: r.file, ipc: registeredToIpc(r) } : null,
    });
  }

  /**
   * Replaces the session's own data with a project's (checked whole in the worker, see
   * read-project.ts). Its tables are staged and checked here; then everything is swapped in one
   * step. `beforeReplace` runs once the new data is in and before the old leaves the catalogue (the
   * view must leave it first). A project's registered-patient file replaces the one loaded (one
   * without keeps it); it is loaded after every table is staged and checked, as the file itself is.
   * On any failure before that nothing has changed.
   */
  openProject(p: CheckedProject, name: string, beforeReplace?: () => void): Promise<{ view: unknown; registered: RegisteredState | null }> {
    return this.exclusive(async () => {
      const staged: { staged: string; table: string }[] = [];
      let registered: RegisteredState | null = null;
      try {
        for (const d of p.datasets) {
          staged.push({ staged: await stageProjectTable(this.data.db, name, d, p.tables.get(d.table)!), table: d.table });
          const perPractice = p.tables.get(practiceTableOf(d.table));
          if (perPractice) staged.push({ staged: await stageProjectTable(this.data.db, name, d, perPractice, practiceTableOf(d.table)), table: practiceTableOf(d.table) });
        }
        if (p.registered) {
          const report = await loadRegisteredPatients(this.data.db, p.registered);
          this.registeredFile = p.registered;
          // the registers and practice-file values it shared out are datasets of the project: they come back with it
          registered = { report, byPractice: await loadRegisteredDeprivation(this.data.db, 'practice'), byPcn: await loadRegisteredDeprivation(this.data.db, 'pcn') };
        }
      } catch (e) {
        for (const t of staged) await this.data.db.query(dropTableSql(t.staged)).catch(() => undefined);
        throw e;
      }
      const s = this.store.get();
      await this.commit(
        { dropTables: s.datasets.flatMap((d) => [d.table, ...(d.practices ? [practiceTableOf(d.table)] : [])]), dropLevels: s.levels.map((l) => l.spec.id), addTables: staged },
        { datasets: p.datasets, levels: p.levels },
        beforeReplace,
      );
      // what the earlier session shared out went with its datasets; the project's shared datasets are ordinary ones now
      this.sharedTable = null;
      this.sharedUser.clear();
      return { view: p.view, registered };
    });
  }
}

