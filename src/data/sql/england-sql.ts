/**
 * England's own value for an indicator and dimension choice (the tables keep England's row under
 * E92000001, as published). Returns no row for indicators without one (IMD ranks are relative to
 * England by construction).
 */
import { getIndicator } from '../catalogue';
import { englandRowSql } from './values-sql';

const ENGLAND_COLUMNS = ['value', 'lower', 'upper', 'numerator', 'denominator', 'suppressed'] as const;

export function englandValueSql(indicatorId: string, dims: Record<string, string> = {}): string {
  return `SELECT ${ENGLAND_COLUMNS.join(', ')} FROM (${englandRowSql(getIndicator(indicatorId), dims)})`;
}
