/**
 * What the user has loaded in this session: datasets (their indicators are in the catalogue) and
 * boundary levels (registered next to the built-in levels). Session data, not view state: it is
 * never put in a share link or local storage, only in a project file the user saves.
 */
import type { BoundarySpec, LevelCoverage } from '../../data/import/load-user-level';
import type { DatasetSpec } from '../../data/import/user-dataset';

export interface LoadedLevel {
  spec: BoundarySpec;
  /** TopoJSON text, kept for the project file. */
  topology: string;
  coverage: LevelCoverage;
  /** Areas with no neighbour (hotspot statistics treat them as islands). */
  islands: number;
}

export interface UserDataSnapshot {
  datasets: DatasetSpec[];
  levels: LoadedLevel[];
  /** GP practice files' per-practice tables in DuckDB (not kept in project files, so absent after opening one). */
  practiceTables: string[];
}

export class UserDataStore {
  private snap: UserDataSnapshot = { datasets: [], levels: [], practiceTables: [] };
  private listeners = new Set<() => void>();

  get = (): UserDataSnapshot => this.snap;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  update(f: (s: UserDataSnapshot) => UserDataSnapshot): void {
    this.snap = f(this.snap);
    for (const l of this.listeners) l();
  }

  isEmpty(): boolean {
    return !this.snap.datasets.length && !this.snap.levels.length;
  }
}
