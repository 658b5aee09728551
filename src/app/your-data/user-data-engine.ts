/**
 * Adds and removes what users load, in one place: datasets (a DuckDB table + catalogue entries),
 * boundary levels (a registered level, its areas rows, its geometry and contiguity) and project
 * files. Every step that can fail on the user's input runs before anything is registered, and a
 * failure part-way undoes its own work, so nothing loaded earlier is ever lost.
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { extendLevel, registerUserIndicator, removeLevelExtension, unregisterUserIndicator } from '../../data/catalogue';
import { ruleAtUserLevel } from '../../data/import/dataset-level-rules';
import { ImportError } from '../../data/import/import-issue';
import type { JoinReport } from '../../data/import/join-report';
import { decimalsOf, loadDataset } from '../../data/import/load-dataset';
import { loadUserLevelAreas, removeUserLevelAreas, type BoundarySpec } from '../../data/import/load-user-level';
import { LEVEL_OBJECT, packProject, unpackProject } from '../../data/import/project-file';
import type { TableSummary } from '../../data/import/table-summary';
import { datasetIndicators, indicatorId, type Combine, type DatasetSpec, type UnitChoice } from '../../data/import/user-dataset';
import { dropTableSql } from '../../data/import/user-table-sql';
import type { AtlasData } from '../../data/load-atlas';
import type { Polarity } from '../../data/catalogue/types';
import type { UserLevelId } from '../../geo/levels';
import type { UserLevelGeometry } from '../../geo/user-level-geometry';
import { newUserLevelId, registerUserLevel, unregisterUserLevel, userLevelInfo } from '../../geo/user-levels';
import { ImportClient } from '../../workers/import-client';
import type { GeometryStore } from '../geometry-store';
import { UserDataStore, type LoadedLevel } from './user-data-store';

/** A file read by the worker, waiting in the mapping dialog. */
export interface ReadFile {
  /** The read job's id: the worker keeps the table under it. */
  job: number;
  name: string;
  sheet: string | null;
  summary: TableSummary;
  report: JoinReport;
}

export interface ValueChoice { column: string; label: string; unit: UnitChoice; unitText: string; polarity: Polarity }

export interface MappingChoice {
  mode: 'join' | 'boundaries';
  keyColumn: string | null;
  values: ValueChoice[];
  combine: Combine;
  split: string | null;
  boundary: { codeColumn: string | null; nameColumn: string | null; label: string; noun: string };
}

const newDatasetId = () => `d${Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0')}`;
const yearLike = (values: string[]) => values.every((v) => /^\d{4}(?:\D+\d{2,4})?$/.test(v));

export class UserDataEngine {
  readonly client: ImportClient;
  readonly store = new UserDataStore();

  /** @param bare true when the atlas has no built data (only users' own boundaries can be mapped) */
  constructor(readonly data: AtlasData, readonly shapes: GeometryStore, readonly bare: boolean) {
    this.client = new ImportClient(bare ? null : data.dataUrl(''));
  }

  private spec(file: ReadFile, c: MappingChoice, nativeLevel: DatasetSpec['nativeLevel'], columns: { name: string; numbers: Float64Array }[]): DatasetSpec {
    const id = newDatasetId();
    const splitValues = c.split ? [...(file.summary.smallDistinct[c.split] ?? [])].filter(Boolean).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })) : [];
    return {
      id, file: file.name, sheet: file.sheet, table: `user_${id}`, nativeLevel, joinNote: file.report.key?.note ?? '',
      practices: file.report.key?.geography === 'practice', combine: c.combine,
      split: c.split ? { column: c.split, values: splitValues, period: yearLike(splitValues) || /year|period/i.test(c.split) } : null,
      values: c.values.map((v, k) => ({
        ...v, field: `v${k + 1}`, label: v.label.trim() || v.column,
        decimals: decimalsOf(columns.find((x) => x.name === v.column)!.numbers, null, v.unit === 'count'),
      })),
      rowsRead: file.summary.rowCount, rowsJoined: 0, areas: 0,
    };
  }

  async addDataset(file: ReadFile, c: MappingChoice): Promise<DatasetSpec> {
    const key = file.report.key;
    const practices = key?.geography === 'practice';
    const nativeLevel = practices ? 'lsoa21' : key?.target?.atlasLevel;
    if (!key || !nativeLevel) throw new Error(`${file.name}: choose the column of area codes first.`);
    const valueKinds = Object.fromEntries(c.values.map((v) => [v.column, v.unit]));
    const columns = [...c.values.map((v) => v.column), ...(c.split ? [c.split] : [])];
    const taken = await this.client.take(file.job, columns, { keyColumn: key.column, valueKinds }, practices ? 'lsoa21' : undefined);
    const spec = this.spec(file, c, nativeLevel, taken.columns);
    const loaded = await loadDataset(this.data.db, spec, taken);
    this.installDataset(loaded);
    return loaded;
  }

  /** The boundaries become a level; numeric properties chosen as values become its first dataset. */
  async addBoundaries(file: ReadFile, c: MappingChoice): Promise<{ level: UserLevelId; dataset: DatasetSpec | null }> {
    const id = newUserLevelId();
    const b = c.boundary;
    const made = await this.client.boundaries(file.job, LEVEL_OBJECT, { codeColumn: b.codeColumn, nameColumn: b.nameColumn });
    const spec: BoundarySpec = { id, file: file.name, label: b.label.trim() || file.name, noun: b.noun.trim() || 'area', areas: made.geometry.polygons.ids.length };
    await this.installLevel(spec, made.topology, made.geometry);
    if (!c.values.length) return { level: id, dataset: null };
    try {
      const taken = await this.client.take(file.job, c.values.map((v) => v.column), {});
      const ds = this.spec(file, { ...c, split: null, combine: 'first' }, id, taken.columns);
      const loaded = await loadDataset(this.data.db, { ...ds, joinNote: `Values of the properties of your boundaries (${file.name}), one per area.` }, { ...taken, joinKeys: made.rowCodes! });
      this.installDataset(loaded);
      return { level: id, dataset: loaded };
    } catch (e) {
      await this.removeLevel(id);
      throw e;
    }
  }

  private installDataset(d: DatasetSpec): void {
    for (const ind of datasetIndicators(d)) registerUserIndicator(ind);
    this.data.queries.clear();
    this.store.update((s) => ({ ...s, datasets: [...s.datasets, d] }));
  }

  private async installLevel(spec: BoundarySpec, topology: string, g: UserLevelGeometry): Promise<LoadedLevel> {
    registerUserLevel({ info: userLevelInfo(spec.id, spec.label, spec.noun), ids: g.polygons.ids, contiguity: g.contiguity, file: spec.file });
    let coverage;
    try {
      coverage = await loadUserLevelAreas(this.data.db, spec.id, g);
    } catch (e) {
      unregisterUserLevel(spec.id);
      throw e;
    }
    // without the atlas's data, built-in measures have no tables to aggregate
    extendLevel(spec.id, (ind) => (this.bare && !ind.id.startsWith('user.') ? null : ruleAtUserLevel(spec.id, ind)));
    this.shapes.provide(spec.id, { polygons: g.polygons, index: g.index, mesh: g.mesh });
    this.data.queries.clear();
    const loaded: LoadedLevel = { spec, topology, coverage, islands: g.contiguity.queen.filter((n) => n.length === 0).length };
    this.store.update((s) => ({ ...s, levels: [...s.levels, loaded] }));
    return loaded;
  }

  async removeDataset(id: string): Promise<void> {
    const d = this.store.get().datasets.find((x) => x.id === id);
    if (!d) return;
    for (const v of d.values) unregisterUserIndicator(indicatorId(d, v));
    this.store.update((s) => ({ ...s, datasets: s.datasets.filter((x) => x.id !== id) }));
    await this.data.db.query(dropTableSql(d.table));
    this.data.queries.clear();
  }

  /** Removes a boundary level and the datasets loaded for it. */
  async removeLevel(id: UserLevelId): Promise<void> {
    for (const d of this.store.get().datasets.filter((x) => x.nativeLevel === id)) await this.removeDataset(d.id);
    removeLevelExtension(id);
    unregisterUserLevel(id);
    this.shapes.forget(id);
    this.store.update((s) => ({ ...s, levels: s.levels.filter((l) => l.spec.id !== id) }));
    await removeUserLevelAreas(this.data.db, id);
    this.data.queries.clear();
  }

  async removeAll(): Promise<void> {
    for (const d of this.store.get().datasets) await this.removeDataset(d.id);
    for (const l of this.store.get().levels) await this.removeLevel(l.spec.id);
  }

  async saveProject(view: unknown): Promise<Uint8Array> {
    const { datasets, levels } = this.store.get();
    const tables = new Map<string, Uint8Array>();
    for (const d of datasets) tables.set(d.table, tableToIPC(await this.data.db.query(`SELECT * FROM ${d.table}`), 'stream'));
    return packProject({ savedAt: new Date().toISOString(), view, datasets, levels: levels.map((l) => ({ spec: l.spec, topology: l.topology })), tables });
  }

  /**
   * Replaces the session's own data with a project's. Everything is checked first (the manifest,
   * each table's columns, each topology decoded), so a bad project changes nothing. `beforeReplace`
   * runs once the project is known to be good, before the session's data is removed (the view must
   * leave it first).
   */
  async openProject(bytes: Uint8Array, name: string, beforeReplace?: () => void): Promise<unknown> {
    const p = unpackProject(bytes, name);
    for (const d of p.datasets) {
      let fields: string[];
      try {
        fields = tableFromIPC(p.tables.get(d.table)).schema.fields.map((f) => f.name);
      } catch {
        throw new ImportError('bad-project', `${name}: the table of "${d.file}" in this project file cannot be read. Nothing was changed; save the project again from the atlas.`);
      }
      const need = ['code', ...(d.split ? ['split'] : []), ...d.values.map((v) => v.field)];
      if (need.some((f) => !fields.includes(f))) throw new ImportError('bad-project', `${name}: the table of "${d.file}" lacks columns (${need.filter((f) => !fields.includes(f)).join(', ')}). Nothing was changed.`);
    }
    const shapes = await Promise.all(p.levels.map((l) => this.client.topology(l.topology, LEVEL_OBJECT).catch(() => {
      throw new ImportError('bad-project', `${name}: the boundaries "${l.spec.label}" in this project file cannot be read. Nothing was changed.`);
    })));
    beforeReplace?.();
    await this.removeAll();
    for (const [k, l] of p.levels.entries()) await this.installLevel(l.spec, shapes[k].topology, shapes[k].geometry);
    for (const d of p.datasets) {
      await this.data.db.insertArrow(d.table, p.tables.get(d.table)!);
      this.installDataset(d);
    }
    return p.view;
  }
}
