/**
 * What the mapping dialog proposes before the user changes anything, kept out of the UI so the
 * session tests add files with exactly the dialog's defaults: which columns are values and their
 * units, the direction (neutral until chosen), a rate's denominator, and the weight of averages.
 */
import { directionText } from '../catalogue/direction';
import type { Polarity } from '../catalogue/types';
import type { JoinReport } from './join-report';
import type { ValueKind } from './profile-column';
import type { RatioSpec, WeightSpec } from './user-dataset';

/**
 * A new value is "neutral" until the user says which end is worse: a guessed direction would
 * colour and word the map ("worse than England") on a guess, and the same column name (referrals,
 * screening) can be good news or bad news depending on the programme.
 */
export const DEFAULT_POLARITY: Polarity = 'neutral';

const say = (polarity: Polarity) => directionText({ polarity, group: 'Your data' });

/**
 * The dialog's direction choices, in the catalogue's words (direction.ts) with examples that match
 * early-diagnosis aims: more urgent suspected cancer referrals and higher screening coverage find
 * cancers earlier, so for them higher is better; registers count people known to have a condition
 * and are context, not need.
 */
export const DIRECTION_CHOICES: { value: Polarity; label: string }[] = [
  { value: 'neutral', label: `${say('neutral')} (e.g. QOF-style disease registers, list sizes, age profile)` },
  { value: 'lower-worse', label: `${say('lower-worse')}, higher is better (e.g. screening coverage, urgent suspected cancer referral rates, cancers diagnosed at stage 1–2)` },
  { value: 'higher-worse', label: `${say('higher-worse')}, lower is better (e.g. emergency presentations, cancers diagnosed at stage 3–4, smoking prevalence)` },
];

/** A column that weighs a practice's or an area's values: its list or population. */
const WEIGHT_NAME = /list[\s_-]*size|registered|\blist\b|patients|population|\bpop\b|eligible|residents|denominator/i;
/** A column that is a rate's denominator: what is counted in (eligible people, the list, residents). */
const DENOMINATOR_NAME = /denominator|eligible|invited|population|\bpop\b|list|registered|patients|residents|cohort|total/i;

type Profiled = Pick<JoinReport, 'key' | 'columns'>;

/** The numeric columns other than the key, in file order. */
export const numericColumns = (report: Profiled): string[] =>
  report.columns.filter((p) => p.type === 'numeric' && p.column !== report.key?.column).map((p) => p.column);

export const unitOfColumn = (report: Profiled, column: string): ValueKind => report.columns.find((p) => p.column === column)?.valueKind ?? 'number';

/** A list-size-like column of the file (a practice file's default weight), if there is one. */
export function weightColumnOf(report: Profiled, exclude: readonly string[] = []): string | null {
  return numericColumns(report).find((c) => !exclude.includes(c) && WEIGHT_NAME.test(c.replace(/[_.]+/g, ' '))) ?? null;
}

/**
 * The weight of averages: a GP practice file's own list-size column when it has one, else NHS QOF
 * 2022-23 list sizes; an area-coded file's Census 2021 residents.
 */
export function defaultWeight(report: Profiled, valueColumns: readonly string[] = []): WeightSpec {
  if (report.key?.geography !== 'practice') return { kind: 'residents' };
  const own = weightColumnOf(report, valueColumns);
  return own ? { kind: 'column', column: own } : { kind: 'list-size' };
}

/**
 * A rate's starting point when a column is made a numerator: a denominator-like column (else the
 * next numeric one), a percentage of a list (Wilson interval), nothing hidden.
 */
export function defaultRatio(report: Profiled, numerator: string): RatioSpec | null {
  const others = numericColumns(report).filter((c) => c !== numerator);
  const denominator = others.find((c) => DENOMINATOR_NAME.test(c.replace(/[_.]+/g, ' '))) ?? others[0];
  return denominator ? { denominator, multiplier: 100, ci: 'proportion', suppressBelow: 0 } : null;
}
