/**
 * The shape of `manifest.json`, written by the data pipeline and shown under "About the data".
 *
 * File naming contract: every file the app downloads in normal use has a content hash in its name
 * (`geo/lsoa21.1a2b3c4d.bin`), so hosts can cache it for a year; `files` maps each logical name
 * (`geo/lsoa21.bin`) to that path. manifest.json itself keeps its name and must be served no-cache.
 * The readable CSV tables keep plain names (`tables/areas.csv`): the app's database loads the
 * compact packs instead; the CSVs are for analysts, tests and the import worker's code lists.
 */
import type { LevelId } from '../geo/levels';

export interface ManifestSource {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  vintage: string;
  attribution: string;
  /** Where the file came from: a path in the raw-data directory or the official URL downloaded. */
  origin: string;
  bytes: number;
  sha256: string;
}

export interface ManifestOutput {
  /** Path under data/ as served (with the content hash, for hashed files). */
  path: string;
  /** Logical name when `path` carries a content hash (e.g. `weights/lsoa21-queen.gal`). */
  name?: string;
  /**
   * geometry: TopoJSON; shapes: triangulated binary geometry; table: CSV; pack: a table as a
   * column pack; view: first-map query results; weights: GAL.
   */
  kind: 'geometry' | 'shapes' | 'table' | 'pack' | 'view' | 'weights';
  level?: LevelId;
  rows: number;
  bytes: number;
  gzipBytes: number;
  sha256: string;
}

export interface ManifestLevel {
  /** TopoJSON (for exports and tools) and its object name. */
  geometry: string;
  object: string;
  features: number;
  /** Binary shapes file the map draws (shapes-format.ts). */
  shapes?: string;
  /** Column pack with the level's area rows and its default view's values (first-views.ts). */
  views?: string;
}

export interface ManifestTable {
  /** The readable CSV. */
  path: string;
  rows: number;
  columns: string[];
  /** The same table as a column pack (what the app loads into DuckDB). */
  pack?: string;
}

/** A precomputed first-map view and the pack holding its values. */
export interface ManifestView {
  level: LevelId;
  indicator: string;
  dims: Record<string, string>;
  path: string;
}

export interface DataManifest {
  schema: 1;
  generatedAt: string;
  generator: string;
  /** How the inputs were obtained. */
  mode: 'raw' | 'download';
  sources: ManifestSource[];
  outputs: ManifestOutput[];
  /** Logical name → served, content-hashed path. */
  files?: Record<string, string>;
  /** Geometry files per level. */
  levels: Partial<Record<LevelId, ManifestLevel>>;
  /** Tables for DuckDB, by table name. */
  tables: Record<string, ManifestTable>;
  views?: ManifestView[];
  joinReport: string[];
}

/** Served path of a data file: its content-hashed name when the manifest has one. */
export function servedPath(m: Pick<DataManifest, 'files'>, logical: string): string {
  return m.files?.[logical] ?? logical;
}
