/**
 * Checks of the columns that make a rate: a numerator (what is counted) over a denominator (the
 * population at risk or list). A row counts only with a whole, usable pair — a numerator of 0 or
 * more over a denominator above 0, and for a proportion of a list no more counted than listed — so
 * the summed numerators and denominators always describe the same rows. Every other row with a
 * number in either column is named in the join report; a pair of columns with no usable row stops
 * the file being added.
 */
import { listRows, MAX_LISTED, type ImportIssue } from './import-issue';
import { columnByName, type ImportedTable } from './imported-table';

/** A numerator and denominator the mapping dialog chose (column names of the file). */
export interface RatioColumns { numerator: string; denominator: string; proportion: boolean }

export type PairProblem = 'no-denominator' | 'denominator-not-positive' | 'negative-numerator' | 'above-denominator';

/**
 * What stops a row's pair making a rate; null when it is usable, or when the numerator is simply
 * missing (a blank or suppressed cell: the row has no value, as in any other column).
 */
function pairProblem(n: number, d: number, proportion: boolean): PairProblem | null {
  if (Number.isNaN(n)) return null;
  if (Number.isNaN(d)) return 'no-denominator';
  if (!(d > 0) || !Number.isFinite(d)) return 'denominator-not-positive';
  if (!(n >= 0) || !Number.isFinite(n)) return 'negative-numerator';
  if (proportion && n > d) return 'above-denominator';
  return null;
}

/** Whether the pair can make a rate. */
export const usablePair = (n: number, d: number, proportion: boolean) => !Number.isNaN(n) && pairProblem(n, d, proportion) === null;

const WORDS: Record<PairProblem, [one: string, many: string]> = {
  'no-denominator': ['has a numerator but no denominator', 'have a numerator but no denominator'],
  'denominator-not-positive': ['has a denominator of 0 or less', 'have a denominator of 0 or less'],
  'negative-numerator': ['has a negative numerator', 'have a negative numerator'],
  'above-denominator': ['counts more than its denominator (a proportion cannot be above 100 %)', 'count more than their denominator (a proportion cannot be above 100 %)'],
};

export function ratioIssues(table: ImportedTable, r: RatioColumns): ImportIssue[] {
  const file = table.file;
  const where = `${file}, columns "${r.numerator}" ÷ "${r.denominator}"`;
  const num = columnByName(table, r.numerator);
  const den = columnByName(table, r.denominator);
  if (!num || !den) return [{ severity: 'error', code: 'no-usable-rate', message: `${file}: there is no column "${!num ? r.numerator : r.denominator}"; choose the numerator and denominator again.` }];
  if (!den.numbers.some((d) => !Number.isNaN(d))) {
    return [{ severity: 'error', code: 'no-usable-rate', column: r.denominator, message: `${where}: "${r.denominator}" holds no numbers, so it cannot be a denominator. Choose the column that holds the population or list size each numerator is counted in.` }];
  }
  const found = new Map<PairProblem, { rows: number[]; count: number }>();
  let usable = 0;
  let numbers = 0;
  for (let i = 0; i < table.rowCount; i++) {
    const [n, d] = [num.numbers[i], den.numbers[i]];
    if (!Number.isNaN(n) || !Number.isNaN(d)) numbers++;
    const p = pairProblem(n, d, r.proportion);
    if (p === null) {
      if (!Number.isNaN(n)) usable++;
      continue;
    }
    const l = found.get(p) ?? found.set(p, { rows: [], count: 0 }).get(p)!;
    if (l.count++ < MAX_LISTED) l.rows.push(table.rowNumbers[i]);
  }
  if (!usable) {
    const swapped = r.proportion && (found.get('above-denominator')?.count ?? 0) === numbers && numbers > 0;
    return [{ severity: 'error', code: 'no-usable-rate', column: r.denominator, message: `${where}: no row has a usable numerator and denominator (${[...found].map(([p, l]) => `${listRows(l.rows, l.count)} ${WORDS[p][l.count === 1 ? 0 : 1]}`).join('; ') || 'both columns are empty'}), so there is no rate to map. ${swapped ? 'Every numerator is larger than its denominator: are the two columns the other way round? ' : ''}Choose the column of what is counted as the numerator and the population or list it is counted in as the denominator.` }];
  }
  if (!found.size) return [];
  const total = [...found.values()].reduce((s, l) => s + l.count, 0);
  return [{
    severity: 'warning', code: 'bad-denominator', column: r.denominator, count: total, rows: [...found.values()].flatMap((l) => l.rows).slice(0, MAX_LISTED).sort((a, b) => a - b),
    message: `${where}: ${[...found].map(([p, l]) => `${listRows(l.rows, l.count)} ${WORDS[p][l.count === 1 ? 0 : 1]}`).join('; ')}. ${total === 1 ? 'That row is' : 'Those rows are'} left out of the rate (numerator and denominator both), so no area's rate is built from half a pair; correct them in the file and load it again if they should count.`,
  }];
}
