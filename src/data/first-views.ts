/**
 * The first map without the database: for each level the pipeline stores the result of the app's
 * own SQL for the level's areas and its default measure (see first-view-queries below), keyed by the
 * SQL text. The query runner answers those exact SQL texts from the stored results, so the first
 * map needs neither DuckDB nor the tables; anything else (or SQL that has changed since the data was
 * built) simply runs on the database.
 */
import type { LevelId } from '../geo/levels';
import { DEFAULT_INDICATOR, getIndicator, isAvailable } from './catalogue';
import { chooseLevel } from './catalogue/measure-choice';
import { dimensionValues } from './catalogue/types';
import { levelAreasSql } from './sql/areas-sql';
import { indicatorSql } from './sql/indicator-sql';

/** The measure a level opens with from the default one (as switching level in the app picks it). */
function defaultIndicatorAt(level: LevelId): string | null {
  const id = chooseLevel(level, DEFAULT_INDICATOR).indicator;
  return isAvailable(getIndicator(id), level) ? id : null;
}

export interface FirstViewQuery {
  indicator: string | null;
  dims: Record<string, string>;
  sql: string;
}

/** SQL whose results the pipeline stores for a level: its areas, then its default measure's values. */
export function firstViewQueries(level: LevelId): FirstViewQuery[] {
  const out: FirstViewQuery[] = [{ indicator: null, dims: {}, sql: levelAreasSql(level) }];
  const id = defaultIndicatorAt(level);
  if (id) {
    const dims = dimensionValues(getIndicator(id), {});
    out.push({ indicator: id, dims, sql: indicatorSql(id, level, dims) });
  }
  return out;
}
