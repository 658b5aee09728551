/**
 * The one input every shortlist writer takes. The app builds it from the view state and query
 * results; the writers never reach back into state, DuckDB or the map. Every string in it may have
 * come from a file (area names, notes, catalogue labels) and is treated as untrusted by the writers.
 */
import type { ShortlistPracticeRow } from './shortlist-practices';
import type { ReachProfile } from '../data/reach-profile';
import type { LevelId } from '../geo/levels';

export interface ShortlistExport {
  /** e.g. "Lung health check shortlist – Greater Manchester". */
  title: string;
  level: { id: LevelId; label: string };
  /** Indicator columns, in display order. */
  columns: readonly ExportColumn[];
  /** In shortlist order (the writers keep this order; `rank` is written as given). */
  rows: readonly ShortlistRow[];
  totals: ShortlistTotals;
  provenance: Provenance;
  /** Who the listed areas reach beside their ICB(s) and England (absent for LSOA 2011 lists). */
  reach?: ReachProfile;
  /**
   * Whether the files carry the overlap rule's "Conditions met" column: only when a rule is in use
   * (absent: when any row meets a condition).
   */
  conditionsColumn?: boolean;
  /**
   * The provenance without the profile's own method lines and sources, for the one-page print brief
   * (which names those sources in one line and leaves the detail to the file exports).
   */
  briefProvenance?: ShortlistExport['provenance'];
  /** GP practices and PCNs the planner added, a section apart from the areas (absent or empty: none). */
  practices?: readonly ShortlistPracticeRow[];
}

export interface ExportColumn {
  /** Stable machine id, e.g. "smoking_prev": keys `ShortlistRow.values` and names GeoJSON properties. */
  id: string;
  /** e.g. "Smoking prevalence". */
  label: string;
  /** e.g. "%", "per 100,000", or "" for a unitless score. */
  unit: string;
  /** Values are rounded to this many decimals in every format, matching what the planner saw. */
  decimals: number;
  /** Confidence level of the interval in percent (e.g. 95), or null when the data has none. */
  ciLevel: number | null;
  /** Title of the dataset in `provenance.datasets` this indicator comes from. */
  source?: string;
  /** Period or edition the values describe, e.g. "2024", "2016–2020 (pooled)", "IoD2025 (…)". */
  vintage?: string;
  /** Who publishes the measure, e.g. "Office for Health Improvement and Disparities (OHID), Fingertips". */
  publisher?: string;
  /** The publisher's dataset, e.g. "Local Tobacco Control Profiles: … indicator 92443". */
  dataset?: string;
  /** For the columns of a composite index's or a rule's inputs: the input's part in it, in words. */
  role?: string;
  /** For an input's columns: the measure's own label (as a list column of that measure is labelled). */
  measure?: string;
  /**
   * Which part of a composite or rule input the column holds: the measure's value, its normalised
   * score, or whether its condition is met (1 yes, 0 no). Absent for ordinary measure columns.
   */
  part?: 'value' | 'score' | 'met';
}

export interface ExportValue {
  /** Null when missing or suppressed. */
  value: number | null;
  lower?: number | null;
  upper?: number | null;
  /** Withheld by the publisher (small numbers); written as an empty cell plus a note. */
  suppressed?: boolean;
  /** Publisher's or app's caveat for this value, e.g. "fewer than 10 cases". */
  note?: string;
}

export interface AreaRef {
  code: string;
  name: string;
}

export interface ShortlistRow {
  rank: number;
  code: string;
  name: string;
  /** Null where the level has no such parent or the area is itself that parent. */
  la: AreaRef | null;
  icb: AreaRef | null;
  residents: number | null;
  /** Keyed by `ExportColumn.id`; a missing key is written as an empty value. */
  values: Readonly<Record<string, ExportValue | undefined>>;
  /** Labels of the rule conditions the area meets, e.g. "IMD decile 1–2". */
  conditionsMet: readonly string[];
  /** e.g. "High–High (hotspot)", or null when no hotspot analysis was run. */
  hotspotClass: string | null;
  /** The planner's free-text note ("" when none). */
  note: string;
}

export interface ShortlistTotals {
  areas: number;
  residents: number;
  /** Residents of the focus region (ICB / LA), to state the shortlist's share of them. */
  focusResidents?: number;
  /** e.g. "NHS Greater Manchester ICB". */
  focusLabel?: string;
}

export interface DatasetRef {
  title: string;
  publisher: string;
  licence: string;
  /** e.g. "2019", "mid-2022", "Dec 2024 boundaries". */
  vintage: string;
  /** The attribution statement the licence requires, e.g. "Contains OS data © Crown copyright ...". */
  attribution?: string;
  url?: string;
}

export interface Parameter {
  key: string;
  value: string;
}

export interface Provenance {
  datasets: readonly DatasetRef[];
  /** Plain-text sentences describing the method, in order. */
  method: readonly string[];
  /** Method parameters as ordered key/value pairs, e.g. {key: "Permutations", value: "999"}. */
  parameters: readonly Parameter[];
  /**
   * ISO 8601 date or date-time of the export, passed in (never read from the clock) so that writers
   * stay pure and tests deterministic, e.g. "2026-11-21" or "2026-11-21T10:30:00Z".
   */
  generatedAt: string;
  /** The share link that reopens this exact view. */
  shareUrl: string;
  appVersion: string;
}

/** GeoJSON geometry of one area, WGS84 lon/lat (as topojson-client's `feature()` returns it). */
export type Position = readonly number[];
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: readonly (readonly Position[])[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly Position[])[])[] };

/** Looks up an area's geometry by code; undefined/null when the app has none for it. */
export type GeometryLookup = (code: string) => AreaGeometry | null | undefined;
