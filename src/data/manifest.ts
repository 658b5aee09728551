/** The shape of `manifest.json`, written by the data pipeline and shown under "About the data". */
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
  path: string;
  kind: 'geometry' | 'table' | 'weights';
  level?: LevelId;
  rows: number;
  bytes: number;
  gzipBytes: number;
  sha256: string;
}

export interface DataManifest {
  schema: 1;
  generatedAt: string;
  generator: string;
  /** How the inputs were obtained. */
  mode: 'raw' | 'download';
  sources: ManifestSource[];
  outputs: ManifestOutput[];
  /** Geometry file and TopoJSON object name per level. */
  levels: Partial<Record<LevelId, { geometry: string; object: string; features: number }>>;
  /** CSV tables for DuckDB, by table name. */
  tables: Record<string, { path: string; rows: number; columns: string[] }>;
  joinReport: string[];
}
