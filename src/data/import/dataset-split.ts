/**
 * The column that splits a dataset's rows (a year, a sex): its values become a choice in the Map
 * tab. Rows whose split cell is empty are kept, under the value "(blank)", so they can be chosen
 * like any other value rather than stored where nothing can reach them.
 */
import type { DatasetSpec } from './user-dataset';

const BLANK_SPLIT = '(blank)';

/** The split value a row is stored under. */
export const splitValue = (text: string): string => text.trim() || BLANK_SPLIT;

const YEAR_LIKE = /^\d{4}(?:\D+\d{2,4})?$/;

/**
 * The split of a dataset, from the column's distinct (trimmed) texts: sorted naturally, "(blank)"
 * first (so the default, the last value, is the latest year), and a period when the values look
 * like years or the column is called a year or period. Throws when empty cells and cells reading
 * "(blank)" would be mixed up.
 */
export function splitSpec(file: string, column: string, distinct: readonly string[]): NonNullable<DatasetSpec['split']> {
  const hasBlank = distinct.includes('');
  if (hasBlank && distinct.includes(BLANK_SPLIT)) {
    throw new Error(`${file}: column "${column}" has both empty cells and cells that say "${BLANK_SPLIT}", which would be mixed up. Fill in the empty cells, or choose another column to split by.`);
  }
  const named = [...new Set(distinct.filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const period = (named.length > 0 && named.every((v) => YEAR_LIKE.test(v))) || /year|period/i.test(column);
  return { column, values: hasBlank ? [BLANK_SPLIT, ...named] : named, period };
}
