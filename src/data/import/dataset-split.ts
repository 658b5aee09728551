/**
 * The column that splits a dataset's rows (a year, a sex): its values become a choice in the Map
 * tab. Rows whose split cell is empty are kept, under the value "(blank)", so they can be chosen
 * like any other value rather than stored where nothing can reach them.
 */
import { parsePeriod, periodOrder } from '../../lib/period-label';
import type { Dimension } from '../catalogue/types';
import type { DatasetSpec } from './user-dataset';

const BLANK_SPLIT = '(blank)';

/** The split value a row is stored under. */
export const splitValue = (text: string): string => text.trim() || BLANK_SPLIT;

/**
 * The split of a dataset, from the column's distinct (trimmed) texts. When every named value is a
 * period (years, financial years, quarters, months: lib/period-label.ts) they are kept in time
 * order and the split is a period; otherwise they are sorted naturally, and the split is a period
 * only when the column is called a year or period. "(blank)" comes first, so the default (the last
 * value) is the latest period. Throws when empty cells and cells reading "(blank)" would be mixed up.
 */
export function splitSpec(file: string, column: string, distinct: readonly string[]): NonNullable<DatasetSpec['split']> {
  const hasBlank = distinct.includes('');
  if (hasBlank && distinct.includes(BLANK_SPLIT)) {
    throw new Error(`${file}: column "${column}" has both empty cells and cells that say "${BLANK_SPLIT}", which would be mixed up. Fill in the empty cells, or choose another column to split by.`);
  }
  const unique = [...new Set(distinct.filter((v) => v !== ''))];
  const inTime = periodOrder(unique);
  const named = inTime ?? unique.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const period = inTime !== null || /year|period/i.test(column);
  return { column, values: hasBlank ? [BLANK_SPLIT, ...named] : named, period };
}

/**
 * A saved split checked again (a project from an earlier version sorted "Apr 2023" before
 * "Jan 2023" and did not see quarters or months as periods): the same rule as for a new file.
 */
export function reviseSplit(s: NonNullable<DatasetSpec['split']>): NonNullable<DatasetSpec['split']> {
  const blank = s.values.includes(BLANK_SPLIT);
  const inTime = periodOrder(s.values.filter((v) => v !== BLANK_SPLIT));
  return inTime ? { ...s, values: blank ? [BLANK_SPLIT, ...inTime] : inTime, period: true } : s;
}

/** The Map tab's choice for a split: a period (with the calendar years of each value, for trends) or another split. */
export function splitDimension(s: NonNullable<DatasetSpec['split']>): Dimension {
  return {
    key: s.period ? 'period' : 'split', label: s.column, column: 'split',
    values: s.values.map((value) => {
      const p = s.period ? parsePeriod(value) : null;
      return { value, label: value, ...(p ? { start: p.start, end: p.end } : {}) };
    }),
    defaultValue: s.values[s.values.length - 1],
  };
}
