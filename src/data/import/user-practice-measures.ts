/**
 * The practice measures a user's GP practice files bring: each share of a list (a numerator ÷
 * denominator value with a Wilson interval, as a percentage) becomes a measure of the Practices tab,
 * read from the file's per-practice table (user-practice-sql.ts). Other values (averages, counts,
 * events per population) stay area measures only: a funnel needs a share of a list.
 */
import type { UserPracticeRate } from '../sql/user-practice-sql';
import { denominatorField, numeratorField, type DatasetSpec } from './user-dataset';
import { practiceTableOf } from './user-table-sql';

export interface UserPracticeMeasure {
  /** The value's catalogue id (`user.<dataset>.<field>`), also its id in the Practices tab. */
  id: string;
  /** "Your data: <file> – <value>". */
  label: string;
  file: string;
  rate: UserPracticeRate;
}

/** `tables`: the per-practice tables that exist (a dataset opened from a project file has none). */
export function userPracticeMeasures(datasets: readonly DatasetSpec[], tables: readonly string[]): UserPracticeMeasure[] {
  return datasets.filter((d) => d.practices && !d.split && tables.includes(practiceTableOf(d.table))).flatMap((d) => d.values.flatMap((v): UserPracticeMeasure[] => (v.ratio?.ci === 'proportion' && v.ratio.multiplier === 100 ? [{
    id: `user.${d.id}.${v.field}`,
    label: `Your data: ${d.file} – ${v.label}`,
    file: d.file,
    rate: { table: practiceTableOf(d.table), numerator: numeratorField(v), denominator: denominatorField(v), multiplier: 100, ci: 'proportion' },
  }] : [])));
}
