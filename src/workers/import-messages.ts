/**
 * Messages between the app and the import worker. A `read` job reads a user's file (or opens a
 * project file: every part of it is checked and decoded there, see read-project.ts); a table read
 * stays in the worker under the job's `table` key so the mapping dialog can ask again (`rejoin`
 * with another key column or units) and finally `take` the columns it adds to the atlas. `release`
 * frees a table. There is no cancel message: cancelling terminates the worker (see import-client).
 */
import type { ReadErrorCode } from '../data/import/import-issue';
import type { PlacePoints } from '../data/import/place-points';
import type { RegisteredFile } from '../data/import/registered-file';
import type { ImportedColumn } from '../data/import/imported-table';
import type { JoinOptions, JoinReport } from '../data/import/join-report';
import type { ReadOptions, ReadProgress } from '../data/import/read-options';
import type { CheckedProject } from '../data/import/read-project';
import type { TableSummary } from '../data/import/table-summary';
import type { BoundaryChoice } from '../data/import/boundary-topology';
import type { WeightSpec } from '../data/import/user-dataset';
import type { UserLevelGeometry } from '../geo/user-level-geometry';
import type { MultiPolygon, Polygon } from 'geojson';

export type ImportJobOptions = Pick<ReadOptions, 'sheet' | 'delimiter'> & JoinOptions;

export type ImportRequest =
  | {
    id: number; type: 'read';
    /** The key the table is kept under (the client's job number). */
    table: number;
    file: Blob; name: string;
    /**
     * URL of the app's data directory (holding tables/areas.csv and tables/ref_*.csv); null when the
     * atlas has no data built, so codes are read but nothing can join.
     */
    referenceBase: string | null;
    options: ImportJobOptions;
  }
  /** Report again on a table already read, with the user's choices. */
  | { id: number; type: 'rejoin'; table: number; options: JoinOptions }
  /**
   * The columns to add to the atlas, with each row's join code. `placeAt: 'lsoa21'` replaces GP
   * practice codes by the LSOA each practice is in (null when its location is unknown). `weight`
   * asks for each row's weight for averages (row-weights.ts).
   */
  | { id: number; type: 'take'; table: number; columns: string[]; options: JoinOptions; placeAt?: 'lsoa21'; weight?: WeightSpec }
  /** The boundaries of a GeoJSON table as a new level: topology, geometry and contiguity. */
  | { id: number; type: 'boundaries'; table: number; objectName: string; choice: BoundaryChoice }
  /** Loads the reference code lists ahead of the first file, so reading files makes no request. */
  | { id: number; type: 'prepare'; referenceBase: string | null }
  | { id: number; type: 'release'; table: number };

export interface ImportFailure {
  /** 'internal' for bugs and unreadable reference tables: not the user's fault. */
  code: ReadErrorCode | 'internal';
  message: string;
  sheets?: string[];
}

export type ImportResponse =
  | { id: number; type: 'progress'; progress: ReadProgress }
  | { id: number; type: 'read-done'; table: TableSummary; report: JoinReport }
  | { id: number; type: 'project-done'; project: CheckedProject }
  /** A file of places (latitude/longitude columns or GeoJSON points): nothing is kept in the worker. */
  | { id: number; type: 'places-done'; places: PlacePoints }
  /** NHS England's registered patients by LSOA (registered-file.ts): loaded by the app, not kept here. */
  | { id: number; type: 'registered-done'; registered: RegisteredFile }
  | { id: number; type: 'rejoin-done'; report: JoinReport }
  | {
    id: number; type: 'take-done'; columns: ImportedColumn[]; joinKeys: (string | null)[];
    rowNumbers: Uint32Array; geometries?: (Polygon | MultiPolygon)[];
    /** Per row, its weight for averages (when asked for). */
    weights: Float64Array | null;
    /** With `placeAt: 'lsoa21'`: per row, the GP practice code it joined (the rows are also kept per practice). */
    practiceKeys: (string | null)[] | null;
  }
  | {
    id: number; type: 'level-done'; geometry: UserLevelGeometry;
    /** The topology as JSON text (kept for the project file). */
    topology: string;
    /** Per feature of the table (file order), its area code. */
    rowCodes: string[];
  }
  | { id: number; type: 'prepare-done' }
  | { id: number; type: 'error'; error: ImportFailure };
