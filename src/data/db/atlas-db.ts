/**
 * The atlas's database, on demand. DuckDB starts only when asked (`start`: after the first map is
 * drawn, or at once when the first map needs it), and each table is loaded the first time a
 * statement names it (see sql-tables.ts), or when a feature asks ahead with `ensureTables`. Until
 * then statements wait; everything else behaves as the plain Db. Progress is reported while some
 * statement is actually waiting, so the screen only says "loading" when someone waits for it.
 */
import type { Table } from 'apache-arrow';
import type { Db } from './db';
import { createTableFromCsv } from '../sql/load-tables-sql';
import { tablesInSql } from './sql-tables';

/** A table's data as DuckDB takes it: Arrow IPC (from a column pack), or CSV (data built before packs). */
export type TableBytes = { ipc: Uint8Array } | { csv: Uint8Array; file: string };

export interface TableSource {
  /** The table's data, downloaded (and decoded off the main thread). */
  load(name: string, onBytes: (received: number) => void): Promise<TableBytes>;
  /** Download size per table, for progress. */
  bytes: Record<string, number>;
}

export interface DbActivity {
  /** What statements are waiting for, in words; null when nothing waits. */
  label: string | null;
  /** 0..1 when known. */
  fraction: number | null;
}

export class AtlasDb implements Db {
  private db: Promise<Db> | null = null;
  /** Settles with the database once `start` has been called (statements sent earlier wait on it). */
  private readonly opening: Promise<Db>;
  private opened!: (db: Promise<Db>) => void;
  /** Resolves when `start` is called: downloads begin then, while DuckDB compiles. */
  private readonly startCalled: Promise<void>;
  private markStarted!: () => void;
  private readonly loading = new Map<string, Promise<void>>();
  private readonly received = new Map<string, number>();
  private readonly pending = new Set<string>();
  private readonly known: ReadonlySet<string>;
  /** Tables the app derives at run time (see `derive`), each with its latest statement's promise. */
  private readonly derived = new Map<string, Promise<unknown>>();
  private waiting = 0;
  private firstAnswer = false;
  private listeners = new Set<(a: DbActivity) => void>();

  constructor(private open: () => Promise<Db>, private tables: TableSource) {
    this.known = new Set(Object.keys(tables.bytes));
    this.opening = new Promise<Db>((resolve, reject) => (this.opened = (p) => void p.then(resolve, reject)));
    this.opening.catch(() => undefined); // reported to each statement that waits on it
    this.startCalled = new Promise<void>((resolve) => (this.markStarted = resolve));
  }

  get started(): boolean {
    return this.db !== null;
  }

  /** Starts DuckDB (once). Statements sent before this wait for it. */
  start(): Promise<Db> {
    if (!this.db) {
      performance.mark('atlas:db-start');
      this.db = this.open().then((db) => {
        performance.mark('atlas:db-ready');
        return db;
      });
      this.db.catch(() => undefined);
      this.opened(this.db);
      this.markStarted();
      this.emit();
    }
    return this.db;
  }

  onActivity(l: (a: DbActivity) => void): () => void {
    this.listeners.add(l);
    l(this.activity());
    return () => this.listeners.delete(l);
  }

  /** Loads these tables now (unknown names are ignored: user tables live only in the database). */
  ensureTables(names: readonly string[]): Promise<void> {
    return Promise.all(names.filter((n) => this.known.has(n)).map((n) => this.loadTable(n))).then(() => undefined);
  }

  /**
   * (Re)creates a table the app derives from atlas tables at run time (`CREATE OR REPLACE TABLE name
   * AS SELECT …`). Statements naming it that are sent later wait for this version: the creating
   * statement may wait for a table download while theirs would not, so order of sending alone would
   * not do. Versions are made in the order they are asked for (each waits for the one before).
   */
  derive(name: string, sql: string): Promise<void> {
    const made = this.query(sql).then(() => undefined);
    this.derived.set(name, made.catch(() => undefined)); // a failed version: later statements report the missing table
    return made;
  }

  async query(sql: string): Promise<Table> {
    await this.derivedIn([sql]);
    const db = await this.ready(tablesInSql(sql, this.known));
    const t = await db.query(sql);
    if (!this.firstAnswer) {
      this.firstAnswer = true;
      performance.mark('atlas:first-query');
    }
    return t;
  }

  /** Loads every atlas table the statements name, then runs them as one transaction. */
  async transaction(statements: readonly string[]): Promise<void> {
    await this.derivedIn(statements);
    const tables = new Set(statements.flatMap((s) => tablesInSql(s, this.known)));
    return (await this.ready([...tables])).transaction(statements);
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    return (await this.ready([])).registerFile(name, bytes);
  }

  async insertArrow(table: string, ipc: Uint8Array): Promise<void> {
    return (await this.ready([])).insertArrow(table, ipc);
  }

  /** Waits for the latest version of each derived table the statements name. */
  private async derivedIn(statements: readonly string[]): Promise<void> {
    if (!this.derived.size) return;
    const names = new Set(this.derived.keys());
    await Promise.all([...new Set(statements.flatMap((s) => tablesInSql(s, names)))].map((n) => this.derived.get(n) ?? Promise.resolve()));
  }

  /** The database with these tables loaded; counts as waiting (for progress) until then. */
  private async ready(tables: string[]): Promise<Db> {
    const missing = tables.filter((t) => !this.loading.has(t) || this.pending.has(t));
    if (this.db && missing.length === 0) return this.db;
    this.waiting++;
    this.emit();
    try {
      await this.ensureTables(tables);
      return await (this.db ?? this.opening);
    } finally {
      this.waiting--;
      this.emit();
    }
  }

  private loadTable(name: string): Promise<void> {
    let p = this.loading.get(name);
    if (!p) {
      this.pending.add(name);
      this.emit();
      // Nothing is downloaded before the database is started (the first map has the network to
      // itself); then tables download and decode while DuckDB compiles, and go in once both are ready.
      const bytes = this.startCalled.then(() => this.tables.load(name, (r) => {
        this.received.set(name, r);
        this.emit();
      }));
      p = Promise.all([bytes, this.db ?? this.opening]).then(async ([data, db]) => {
        if ('ipc' in data) await db.insertArrow(name, data.ipc);
        else {
          await db.registerFile(data.file, data.csv);
          await db.query(createTableFromCsv(name, data.file));
        }
        performance.mark(`atlas:table:${name}`);
      });
      p.then(
        () => this.pending.delete(name),
        () => {
          // a later statement tries again
          this.pending.delete(name);
          this.loading.delete(name);
          this.received.delete(name);
        },
      ).finally(() => this.emit());
      this.loading.set(name, p);
    }
    return p;
  }

  private activity(): DbActivity {
    if (this.waiting === 0) return { label: null, fraction: null };
    if (this.pending.size) {
      const names = [...this.pending];
      const total = names.reduce((s, n) => s + (this.tables.bytes[n] ?? 0), 0);
      const got = names.reduce((s, n) => s + (this.received.get(n) ?? 0), 0);
      // Small tables in kB: "0.0 of 0.0 MB" says nothing.
      const [unit, scale] = total < 1e6 ? ['kB', 1e3] : ['MB', 1e6];
      const size = (x: number) => (x / scale).toFixed(unit === 'kB' ? 0 : 1);
      return { label: `Loading data tables (${names.join(', ')}: ${size(got)} of ${size(total)} ${unit})`, fraction: total ? Math.min(1, got / total) : null };
    }
    return { label: this.db ? 'Starting the in-browser database' : 'Waiting for the in-browser database', fraction: null };
  }

  private emit(): void {
    const a = this.activity();
    for (const l of this.listeners) l(a);
  }
}
