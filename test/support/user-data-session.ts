/**
 * A user's session in node, as the app runs it: DuckDB-wasm, the "Your data" engine, and the import
 * worker's handler in-process, reading reference lists served from memory. `offer` puts a file
 * through what a user would do with it (read; open it if it is a project; add it with the mapping
 * dialog's default choices, then remove it again), and `fingerprint` captures everything loaded, so
 * a test can show that a bad file left it exactly as it was.
 */
import { findIndicator } from '../../src/data/catalogue';
import type { Db } from '../../src/data/db/db';
import { DEFAULT_POLARITY, defaultRatio, defaultWeight, numericColumns, unitOfColumn } from '../../src/data/import/mapping-defaults';
import { indicatorId, type Combine, type RatioSpec, type UnitChoice, type WeightSpec } from '../../src/data/import/user-dataset';
import { QueryRunner } from '../../src/data/query-runner';
import { indicatorSql } from '../../src/data/sql/indicator-sql';
import { joinOptions, UserDataEngine, type MappingChoice, type ReadFile } from '../../src/app/your-data/user-data-engine';
import { ImportClient, type ReadResult } from '../../src/workers/import-client';
import { inProcessWorkers } from './in-process-import';
import { openNodeDb } from './node-db';
import { rows, type ResultRow } from './query-rows';

/**
 * Mapping choices other than the dialog's defaults: the value columns; per column a unit (for
 * 'ratio': the dialog's default rate, changed by `ratios`); the weight; the split and combine rule.
 */
export interface AddChoice {
  values?: string[]; split?: string; combine?: Combine; mode?: 'join' | 'boundaries';
  units?: Record<string, UnitChoice>; ratios?: Record<string, Partial<RatioSpec>>; weight?: WeightSpec;
}

export type Outcome =
  | { kind: 'refused'; at: 'read' | 'open' | 'add'; code: string; message: string; report?: Extract<ReadResult, { kind: 'table' }>['report'] }
  | { kind: 'opened' }
  /** A file of places (latitude/longitude): read whole in the worker, nothing kept there. */
  | { kind: 'places'; places: Extract<ReadResult, { kind: 'places' }>['places'] }
  /** NHS England's registered patients by LSOA: the columns the app loads (registered-patients.ts). */
  | { kind: 'registered'; registered: Extract<ReadResult, { kind: 'registered' }>['registered'] }
  | { kind: 'read'; report: Extract<ReadResult, { kind: 'table' }>['report']; added: ResultRow[] | null };

const BASE = 'http://reference.test/data/';

const errorOf = (e: unknown) => ({ code: (e as { code?: string }).code ?? 'not-added', message: e instanceof Error ? e.message : String(e) });

/** The mapping dialog's defaults (MappingDialog.tsx, mapping-defaults.ts): null when it would not let the file be added. */
function defaultChoice(f: ReadFile, add: AddChoice = {}): MappingChoice | null {
  const { summary, report } = f;
  const mode = add.mode ?? (summary.hasGeometry && !report.key ? 'boundaries' : 'join');
  const numeric = numericColumns(report);
  const values = (add.values ?? (mode === 'join' ? numeric.slice(0, 1) : [])).map((column) => {
    const unit = add.units?.[column] ?? unitOfColumn(report, column);
    const ratio = unit === 'ratio' ? { ...defaultRatio(report, column)!, ...add.ratios?.[column] } : undefined;
    return { column, label: column, unit, unitText: '', polarity: DEFAULT_POLARITY, ...(ratio ? { ratio } : {}) };
  });
  const boundary = { codeColumn: summary.columns.find((c) => /code|_cd$|\bid$/i.test(c)) ?? null, nameColumn: summary.columns.find((c) => /name|_nm$/i.test(c)) ?? null, label: f.name, noun: 'area' };
  if (mode === 'join' && (!report.key || report.status === 'blocked' || !(report.key.geography === 'practice' || report.key.target?.atlasLevel) || !values.length)) return null;
  return { mode, keyColumn: report.key?.column ?? null, values, combine: add.combine ?? 'auto', split: add.split ?? null, weight: add.weight ?? defaultWeight(report), boundary };
}

/**
 * `files`: the reference files served, by path (or a function finding them, e.g. in the built data);
 * `openDb`: the database (empty, with `areasSql` run in it; or the built data's).
 */
export async function openSession(files: Record<string, Uint8Array> | ((path: string) => Uint8Array | undefined), areasSql: string[], openDb: () => Promise<Db> = openNodeDb) {
  const db: Db = await openDb();
  for (const s of areasSql) await db.query(s);
  const workers = inProcessWorkers(async (url) => {
    const path = url.href.replace(BASE, '');
    const f = typeof files === 'function' ? files(path) : files[path];
    if (!f) throw new Error(`not served: ${url.href}`);
    return f;
  });
  const client = new ImportClient(BASE, workers.spawn);
  const engine = new UserDataEngine({ db, queries: new QueryRunner(db), dataUrl: (p) => `${BASE}${p}` }, { provide: () => undefined, forget: () => undefined }, false, client);

  async function offer(file: Blob, name: string, add?: AddChoice, keep = false): Promise<Outcome> {
    const job = client.read(file, name, {});
    let r: ReadResult;
    try {
      r = await job.done;
      // the dialog checks its choices again (rates' pairs, the weight) before anything is added
      if (r.kind === 'table' && (add?.units || add?.weight)) {
        const choice = defaultChoice({ job: job.id, name, sheet: null, summary: r.table, report: r.report }, { ...add, mode: 'join' });
        if (choice) r = { ...r, report: await client.rejoin(job.id, joinOptions(r.report.key?.column, choice)) };
      }
    } catch (e) {
      return { kind: 'refused', at: 'read', ...errorOf(e) };
    }
    if (r.kind === 'project') {
      try {
        await engine.openProject(r.project, name);
        return { kind: 'opened' };
      } catch (e) {
        return { kind: 'refused', at: 'open', ...errorOf(e) };
      }
    }
    if (r.kind === 'places') return { kind: 'places', places: r.places };
    if (r.kind === 'registered') return { kind: 'registered', registered: r.registered };
    const f: ReadFile = { job: job.id, name, sheet: null, summary: r.table, report: r.report };
    const choice = defaultChoice(f, add);
    let added: ResultRow[] | null = null;
    try {
      if (choice?.mode === 'boundaries') {
        const { level } = await engine.addBoundaries(f, choice);
        added = await rows(db, `SELECT code, population FROM areas WHERE level = '${level}' ORDER BY code`);
        if (!keep) await engine.removeLevel(level);
      } else if (choice) {
        const d = await engine.addDataset(f, choice);
        added = await rows(db, `SELECT * EXCLUDE ("rows") FROM ${d.table} ORDER BY ALL`);
        if (!keep) await engine.removeDataset(d.id);
      }
    } catch (e) {
      return { kind: 'refused', at: 'add', ...errorOf(e), report: r.report };
    } finally {
      client.release(job.id);
    }
    return { kind: 'read', report: r.report, added };
  }

  /** Everything the session holds: specs, tables, the catalogue's entries and the areas table. */
  async function fingerprint() {
    const s = engine.store.get();
    const values = await Promise.all(s.datasets.flatMap((d) => d.values.map(async (v) => {
      const ind = findIndicator(indicatorId(d, v));
      return ind ? rows(db, indicatorSql(ind.id, d.nativeLevel)) : 'not registered';
    })));
    return {
      datasets: s.datasets, levels: s.levels.map((l) => ({ ...l, topology: l.topology.length })), values,
      tables: await rows(db, `SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY 1`),
      areas: await rows(db, `SELECT * FROM areas ORDER BY level, code`),
    };
  }

  return { db, engine, client, workers: workers.workers, offer, fingerprint, rows: (sql: string) => rows(db, sql) };
}

export type Session = Awaited<ReturnType<typeof openSession>>;
