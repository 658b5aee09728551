/** What every pipeline step gets: source files, the join report, the output writer and the built areas. */
import type { DataManifest, ManifestSource } from '../../src/data/manifest';
import type { Topology } from 'topojson-specification';
import type { LevelId } from '../../src/geo/levels';
import type { AreaRow } from './area-row';
import type { LevelContiguity } from './build-topology';
import type { JoinReport } from './join-report';
import type { OutputWriter } from './output-writer';
import type { SourceId } from './sources';

export interface InputResolver {
  mode: DataManifest['mode'];
  /** Local path of the source's file, and where it came from (for the manifest). */
  resolve(id: SourceId): Promise<{ path: string; origin: string }>;
}

export interface PipelineContext {
  /** Local path of a source file; records it in the manifest's source list. */
  source(id: SourceId): Promise<string>;
  report: JoinReport;
  out: OutputWriter;
  log: (line: string) => void;
  /** Every area of every level (filled by the geography steps). */
  areas: AreaRow[];
  topologies: Partial<Record<LevelId, Topology>>;
  /** Neighbours per level from the unquantised boundaries (filled by the geography steps). */
  contiguity: Partial<Record<LevelId, LevelContiguity>>;
  /** Tables written so far, by DuckDB table name. */
  tables: DataManifest['tables'];
  sourcesUsed: ManifestSource[];
}

/**
 * A step after the geography is built: writes tables or other outputs. Steps run in order; add new
 * data families by adding a step to `STEPS` in steps.ts.
 */
export type PipelineStep = { name: string; run(ctx: PipelineContext): Promise<void> };
