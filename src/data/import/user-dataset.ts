/**
 * A dataset loaded from a user's file, as the mapping dialog confirmed it: which table holds it, the
 * level its codes joined, how repeated rows were combined, and per value column its label, unit
 * and direction. Catalogue entries (group "Your data") are derived from it, so a project file only
 * has to store this and the table.
 */
import type { Dimension, Indicator, Polarity, ValueKind } from '../catalogue/types';
import { LEVELS, type LevelId } from '../../geo/levels';
import { datasetLevels, type Aggregate } from './dataset-level-rules';

export type UnitChoice = 'percent' | 'proportion' | 'count' | 'rate' | 'number';

export const UNIT_LABELS: Record<UnitChoice, string> = {
  percent: 'Percentage (0–100)', proportion: 'Proportion (0–1)', count: 'Count (summed for larger areas)',
  rate: 'Rate (e.g. per 1,000)', number: 'Other number (score, average, …)',
};

export interface ValueSpec {
  /** The column in the user's file. */
  column: string;
  /** Its column in the DuckDB table (v1, v2, …: always a safe identifier). */
  field: string;
  label: string;
  unit: UnitChoice;
  /** Free text for rates and other numbers ("per 1,000 patients"). */
  unitText: string;
  polarity: Polarity;
  decimals: number;
}

/**
 * `auto`: counts are added up, other values averaged. Blank and suppressed cells are missing, not
 * zero: every rule uses the rows that have a value ("first" is the first row with one), and an area
 * whose rows are all blank has no value.
 */
export type Combine = 'auto' | 'sum' | 'mean' | 'first';

export const COMBINE_LABELS: Record<Combine, string> = {
  auto: 'Add up counts, average other values', sum: 'Add them up', mean: 'Average them', first: 'Keep the first row with a value',
};

/** How one column's repeated rows are combined. */
export const combineOf = (d: Pick<DatasetSpec, 'combine'>, v: ValueSpec): Exclude<Combine, 'auto'> =>
  d.combine === 'auto' ? (v.unit === 'count' ? 'sum' : 'mean') : d.combine;

export interface DatasetSpec {
  /** "d" + 6 letters or digits. */
  id: string;
  file: string;
  sheet: string | null;
  /** `user_<id>`. */
  table: string;
  nativeLevel: LevelId;
  /** How the codes were recognised and joined (the join report's key note). */
  joinNote: string;
  /** GP practice values were placed in the LSOA each practice is in. */
  practices: boolean;
  /** How rows with the same area (and split value) were combined. */
  combine: Combine;
  /** A column whose values split the rows (a year, a sex): becomes a choice in the Map tab. */
  split: { column: string; values: string[]; period: boolean } | null;
  values: ValueSpec[];
  rowsRead: number;
  rowsJoined: number;
  areas: number;
}

const USER_GROUP = 'Your data';
export const DATASET_ID = /^d[a-z0-9]{6}$/;

export const indicatorId = (d: DatasetSpec, v: ValueSpec) => `user.${d.id}.${v.field}`;

const KIND: Record<UnitChoice, ValueKind> = { percent: 'percent', proportion: 'share', count: 'count', rate: 'rate', number: 'score' };

function unitOf(v: ValueSpec): string {
  if (v.unit === 'percent') return '%';
  return v.unitText.trim();
}

const aggregateOf = (v: ValueSpec): Aggregate => (v.unit === 'count' ? 'sum' : 'mean');

function splitDimension(d: DatasetSpec): Dimension | undefined {
  if (!d.split) return undefined;
  const years = d.split.values.map((x) => /^(\d{4})(?:\D+(\d{2,4}))?$/.exec(x));
  return {
    key: d.split.period ? 'period' : 'split', label: d.split.column, column: 'split',
    values: d.split.values.map((value, i) => ({ value, label: value, ...(d.split!.period && years[i] ? { start: Number(years[i][1]), end: Number(years[i][1]) } : {}) })),
    defaultValue: d.split.values[d.split.values.length - 1],
  };
}

export function datasetIndicators(d: DatasetSpec): Indicator[] {
  const where = d.sheet ? `"${d.file}", sheet "${d.sheet}"` : `"${d.file}"`;
  const dimension = splitDimension(d);
  return d.values.map((v): Indicator => ({
    id: indicatorId(d, v), label: v.label, short: v.label, group: USER_GROUP,
    definition: `From your file ${where}, column "${v.column}". Loaded in this browser only: it is not uploaded anywhere and is not part of share links.`,
    source: { publisher: 'Your own file (loaded in this browser)', dataset: d.file, licence: 'Your own data', sourceIds: [] },
    table: d.table, nativeLevel: d.nativeLevel, columns: { value: v.field },
    unit: unitOf(v), kind: KIND[v.unit], polarity: v.polarity, decimals: v.decimals,
    period: d.split ? `${d.split.column}: ${d.split.values[0]} to ${d.split.values[d.split.values.length - 1]}` : 'as in your file',
    dimensions: dimension ? [dimension] : undefined,
    publishedGeography: `${LEVELS[d.nativeLevel]?.label ?? d.nativeLevel}${d.practices ? ' (GP practice values placed in the LSOA each practice is in, not where its patients live)' : ''}`,
    ...datasetLevels(d.nativeLevel, aggregateOf(v), v.field),
    classification: 'quantile',
    caveats: [
      d.joinNote,
      `${d.rowsJoined.toLocaleString('en-GB')} of ${d.rowsRead.toLocaleString('en-GB')} rows joined ${d.areas.toLocaleString('en-GB')} areas; rows with the same area${d.split ? ` and ${d.split.column}` : ''} were combined (${COMBINE_LABELS[d.combine].toLowerCase()}).`,
      'Blank and suppressed cells are missing values, not zeros: they are left out of sums, averages and ranks, and an area without a value shows none.',
      ...(d.practices ? ['GP practice values are placed in the LSOA where the practice is, not where its patients live.'] : []),
    ],
  }));
}
