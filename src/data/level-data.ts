/**
 * Per-level data the map and panels need, aligned with the geometry order (area codes sorted):
 * area names and parents from the `areas` table, and an indicator's values from its SQL.
 */
import { numberColumn, stringColumn } from './db/arrow-columns';
import type { QueryRunner } from './query-runner';
import { englandValueSql } from './sql/england-sql';
import { indicatorSql } from './sql/indicator-sql';
import { levelAreasSql } from './sql/areas-sql';
import type { LevelId } from '../geo/levels';

export interface LevelAreas {
  level: LevelId;
  codes: string[];
  names: string[];
  lad: (string | null)[];
  icb: (string | null)[];
  /** Cancer Alliance of the 2022 mapping (null for areas of the 2011 stack and user boundaries). */
  cal22: (string | null)[];
  ward: (string | null)[];
  population: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  bbox: Float64Array;
  indexOf: Map<string, number>;
}

export async function loadLevelAreas(q: QueryRunner, level: LevelId): Promise<LevelAreas> {
  const t = await q.run(levelAreasSql(level));
  const codes = stringColumn(t, 'code') as string[];
  const [minx, miny, maxx, maxy] = ['minx', 'miny', 'maxx', 'maxy'].map((c) => numberColumn(t, c));
  const bbox = new Float64Array(codes.length * 4);
  for (let i = 0; i < codes.length; i++) bbox.set([minx[i], miny[i], maxx[i], maxy[i]], i * 4);
  return {
    level, codes, names: stringColumn(t, 'name') as string[],
    ward: stringColumn(t, 'ward24_code'), lad: stringColumn(t, 'lad24_code'), icb: stringColumn(t, 'icb24_code'), cal22: stringColumn(t, 'cal22_code'),
    population: numberColumn(t, 'population'), lon: numberColumn(t, 'lon'), lat: numberColumn(t, 'lat'), bbox,
    indexOf: new Map(codes.map((c, i) => [c, i])),
  };
}

export interface IndicatorValues {
  key: string;
  value: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  rank: Float64Array;
  ranked: number;
  /** Code of the coarser area a value was inherited from (null when measured at this level). */
  source: (string | null)[];
  /** 1 where the value is withheld because it rests on fewer than 10 events (value is NaN). */
  suppressed: Uint8Array;
  /** Publication and harmonisation notes (e.g. a merged council without its own estimate). */
  note: (string | null)[];
  /** For aggregates: share of residents whose areas had a value (NaN when not an aggregate). */
  coverage: Float64Array;
  /** For inherited values: share of the area's residents living in the source area. */
  sourceShare: Float64Array;
}

export async function loadIndicatorValues(q: QueryRunner, indicator: string, level: LevelId, dims: Record<string, string>, areas: LevelAreas): Promise<IndicatorValues> {
  const t = await q.run(indicatorSql(indicator, level, dims));
  const codes = stringColumn(t, 'code') as string[];
  if (codes.length !== areas.codes.length || codes.some((c, i) => c !== areas.codes[i])) {
    throw new Error(`values for ${indicator} do not line up with the ${level} areas`);
  }
  const ranked = numberColumn(t, 'ranked');
  return {
    key: `${indicator}|${level}|${JSON.stringify(dims)}`,
    value: numberColumn(t, 'value'), lower: numberColumn(t, 'lower'), upper: numberColumn(t, 'upper'),
    rank: numberColumn(t, 'national_rank'), ranked: ranked.find((x) => Number.isFinite(x)) ?? 0,
    source: stringColumn(t, 'source_code'),
    suppressed: Uint8Array.from(numberColumn(t, 'suppressed'), (x) => (x > 0 ? 1 : 0)),
    note: stringColumn(t, 'note'),
    coverage: numberColumn(t, 'coverage'),
    sourceShare: numberColumn(t, 'source_share'),
  };
}

export interface EnglandValue {
  value: number;
  lower: number;
  upper: number;
}

/** England's published value for the same indicator and options, or null when there is none. */
export async function loadEnglandValue(q: QueryRunner, indicator: string, dims: Record<string, string>): Promise<EnglandValue | null> {
  const t = await q.run(englandValueSql(indicator, dims));
  if (t.numRows === 0) return null;
  const value = numberColumn(t, 'value')[0];
  return Number.isFinite(value) ? { value, lower: numberColumn(t, 'lower')[0], upper: numberColumn(t, 'upper')[0] } : null;
}
