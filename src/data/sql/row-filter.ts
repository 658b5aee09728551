/** The WHERE conditions that pick an indicator's rows out of its table: fixed filters and dimensions. */
import { dimensionValues, type Indicator } from '../catalogue/types';
import { sqlIdent, sqlString } from './sql-text';

/**
 * ` AND …` conditions on `alias`. Columns are compared as text, because DuckDB reads a column of
 * years ("2011" … "2024") as integers. `free` names a dimension left unfiltered (a trend's periods).
 */
export function rowFilter(ind: Indicator, dims: Record<string, string>, alias: string, free?: string): string {
  const chosen = dimensionValues(ind, dims);
  const fixed = Object.entries(ind.filter ?? {}).map(([column, value]) => [column, value] as const);
  const dimensional = (ind.dimensions ?? []).filter((d) => d.key !== free).map((d) => [d.column, chosen[d.key]] as const);
  return [...fixed, ...dimensional].map(([column, value]) => ` AND CAST(${alias}.${sqlIdent(column)} AS VARCHAR) = ${sqlString(value)}`).join('');
}
