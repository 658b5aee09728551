/**
 * A dataset loaded from a user's file, as the mapping dialog confirmed it: which table holds it, the
 * level its codes joined, how repeated rows were combined, and per value its label, unit and
 * direction — a value can be a rate built from a numerator and a denominator column. Catalogue
 * entries (group "Your data") are derived from it (dataset-indicators.ts), so a project file only
 * has to store this and the table.
 */
import type { Indicator, Polarity, RatioCi, ValueKind } from '../catalogue/types';

export type UnitChoice = 'percent' | 'proportion' | 'count' | 'rate' | 'number' | 'ratio';

export const UNIT_LABELS: Record<UnitChoice, string> = {
  percent: 'Percentage (0–100)', proportion: 'Proportion (0–1)', count: 'Count (summed for larger areas)',
  rate: 'Rate without a denominator (e.g. per 1,000)', number: 'Other number (score, average, …)',
  ratio: 'Numerator of a rate: divide by a denominator column (with 95 % interval)',
};

/** "Per" choices for a rate from a numerator and a denominator: %, per 1,000, per 10,000, per 100,000. */
export const RATE_MULTIPLIERS = [100, 1_000, 10_000, 100_000] as const;

/** A value computed as numerator ÷ denominator × multiplier, wherever rows or areas are combined. */
export interface RatioSpec {
  /** The file's column of the population at risk or list (the value's `column` holds what is counted). */
  denominator: string;
  /** One of RATE_MULTIPLIERS (100: a percentage). */
  multiplier: number;
  /** `proportion`: a share of a list, e.g. screened ÷ eligible (Wilson interval); `poisson`: events per population (Byar). */
  ci: RatioCi;
  /** Rates from fewer counted events than this are hidden; 0 hides none (those from fewer than 10 are flagged). */
  suppressBelow: number;
}

/**
 * How rates and percentages without a denominator are averaged wherever rows or areas combine:
 * Census 2021 residents (area-coded files; former districts of a merged council by their own
 * residents), registered patients (GP practice files: NHS QOF 2022-23 list sizes), a column of the
 * file, or no weights (every row counts once).
 */
export type WeightSpec = { kind: 'residents' } | { kind: 'list-size' } | { kind: 'column'; column: string } | { kind: 'equal' };

export interface ValueSpec {
  /** The column in the user's file (for a ratio: the numerator). */
  column: string;
  /** Its column in the DuckDB table (v1, v2, …: always a safe identifier). */
  field: string;
  label: string;
  unit: UnitChoice;
  /** Free text for rates and other numbers ("per 1,000 patients"; for a ratio: what the denominator counts, "patients"). */
  unitText: string;
  polarity: Polarity;
  decimals: number;
  /** Present exactly when `unit` is 'ratio'. */
  ratio?: RatioSpec;
}

/**
 * `auto`: counts are added up, other values averaged (rates with a denominator: numerators and
 * denominators added up). Blank and suppressed cells are missing, not zero: every rule uses the rows
 * that have a value ("first" is the first row with one), and an area whose rows are all blank has no value.
 */
export type Combine = 'auto' | 'sum' | 'mean' | 'first';

export const COMBINE_LABELS: Record<Combine, string> = {
  auto: 'Add up counts, average other values', sum: 'Add them up', mean: 'Average them', first: 'Keep the first row with a value',
};

/** How one column's repeated rows are combined (a ratio's numerator and denominator are added up unless "first"). */
export const combineOf = (d: Pick<DatasetSpec, 'combine'>, v: ValueSpec): Exclude<Combine, 'auto'> =>
  v.ratio ? (d.combine === 'first' ? 'first' : 'sum') : d.combine === 'auto' ? (v.unit === 'count' ? 'sum' : 'mean') : d.combine;

export interface DatasetSpec {
  /** "d" + 6 letters or digits. */
  id: string;
  file: string;
  sheet: string | null;
  /** `user_<id>`. */
  table: string;
  nativeLevel: Indicator['nativeLevel'];
  /** How the codes were recognised and joined (the join report's key note, and merged councils). */
  joinNote: string;
  /** GP practice values were placed in the LSOA each practice is in. */
  practices: boolean;
  /**
   * A GP practice file whose table also holds Sub-ICB and ICB rows summed by each practice's own
   * Sub-ICB (practice-area-rows.ts), with the join report's counts: practices with a Sub-ICB, those
   * without (left out of those levels) and the patients the latter count in the first rate's
   * denominator (null without a rate). Absent for other files and for projects saved before it.
   */
  practiceAreas?: { mapped: number; unmapped: number; patients: number | null };
  /** How rows with the same area (and split value) were combined. */
  combine: Combine;
  /** A column whose values split the rows (a year, a sex): becomes a choice in the Map tab. */
  split: { column: string; values: string[]; period: boolean } | null;
  values: ValueSpec[];
  /**
   * The weight of averages (rates and percentages without a denominator). Absent in projects saved
   * before it could be chosen: their rows were averaged without weights, larger areas by residents.
   */
  weight?: WeightSpec;
  rowsRead: number;
  rowsJoined: number;
  areas: number;
}

export const DATASET_ID = /^d[a-z0-9]{6}$/;

export const indicatorId = (d: DatasetSpec, v: ValueSpec) => `user.${d.id}.${v.field}`;

/** Table columns of a ratio's summed numerator and denominator, and of an average's summed weight. */
export const numeratorField = (v: ValueSpec) => `${v.field}_n`;
export const denominatorField = (v: ValueSpec) => `${v.field}_d`;
export const weightField = (v: ValueSpec) => `${v.field}_w`;

/** Whether a value's larger areas average by a weight the table carries (not by residents). */
export const carriesWeight = (d: DatasetSpec, v: ValueSpec) => !v.ratio && v.unit !== 'count' && !!d.weight && d.weight.kind !== 'residents';

/** Every numeric column a dataset's table holds, with what it is (for checking project files). */
export function tableFields(d: DatasetSpec): { field: string; what: string }[] {
  return d.values.flatMap((v) => [
    { field: v.field, what: `values of "${v.column}"` },
    ...(v.ratio ? [{ field: numeratorField(v), what: `summed "${v.column}"` }, { field: denominatorField(v), what: `summed "${v.ratio.denominator}"` }] : []),
    ...(carriesWeight(d, v) ? [{ field: weightField(v), what: `weights of "${v.column}"` }] : []),
  ]);
}

const KIND: Record<Exclude<UnitChoice, 'ratio'>, ValueKind> = { percent: 'percent', proportion: 'share', count: 'count', rate: 'rate', number: 'score' };

/** The catalogue's kind of value: a ratio is a percentage (× 100) or a rate. */
export const kindOf = (v: ValueSpec): ValueKind => (v.ratio ? (v.ratio.multiplier === 100 ? 'percent' : 'rate') : KIND[v.unit as Exclude<UnitChoice, 'ratio'>]);

/** "per 1,000 patients" for a ratio, "%" for a percentage, the user's text otherwise. */
export function unitOf(v: Pick<ValueSpec, 'unit' | 'unitText' | 'ratio'>): string {
  if (v.ratio) return v.ratio.multiplier === 100 ? '%' : `per ${v.ratio.multiplier.toLocaleString('en-GB')}${v.unitText.trim() ? ` ${v.unitText.trim()}` : ''}`;
  if (v.unit === 'percent') return '%';
  return v.unitText.trim();
}
