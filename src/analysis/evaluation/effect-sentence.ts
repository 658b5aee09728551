/**
 * The result in one plain sentence, worded as an evaluation analyst would write it: the size and
 * direction of the difference-in-differences in the outcome's own units, with its 95 % interval,
 * and "no clear difference" whenever the interval includes zero (never "no effect": an interval that
 * includes zero also includes effects that matter).
 */

export interface OutcomeWording {
  /** What is measured, in words that follow a number ("urgent referrals", "screening uptake"). */
  label: string;
  /** rate: "12 more urgent referrals per 10,000 residents"; percent: "… 2.1 percentage points higher"; value: "… 3.4 higher". */
  kind: 'rate' | 'percent' | 'value';
  /** For rates, what the number is per ("per 10,000 residents"); for values, their unit. */
  unit: string;
  decimals: number;
  /** The length of one period ("quarter"), for rates per period; null if not known. */
  period: string | null;
  /** Singular and plural noun for an area ("ward", "wards"). */
  areaNoun: [string, string];
}

export interface EffectNumbers {
  estimate: number;
  lower: number;
  upper: number;
  treatedAreas: number;
  comparisonAreas: number;
}

/** "−3.0" with a true minus sign; thousands separated. */
export function signed(x: number, decimals: number): string {
  const s = Math.abs(x).toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return x < 0 && Number(s.replace(/,/g, '')) !== 0 ? `−${s}` : s;
}

/** Lower-cases a label's first letter unless it starts an acronym ("GP appointments" stays). */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

function amount(x: number, w: OutcomeWording): string {
  const n = signed(Math.abs(x), w.decimals);
  const label = inSentence(w.label);
  const up = x > 0;
  if (w.kind === 'rate') return `${n} ${up ? 'more' : 'fewer'} ${label}${w.unit ? ` ${w.unit}` : ''}${w.period ? ` per ${w.period}` : ''}`;
  if (w.kind === 'percent') return `${label} ${n} percentage point${n === '1' ? '' : 's'} ${up ? 'higher' : 'lower'}`;
  return `${label} ${n}${w.unit ? ` ${w.unit}` : ''} ${up ? 'higher' : 'lower'}`;
}

export function effectSentence(e: EffectNumbers, w: OutcomeWording): string {
  const [one, many] = w.areaNoun;
  const nt = `${e.treatedAreas.toLocaleString('en-GB')} intervention ${e.treatedAreas === 1 ? one : many}`;
  const nc = `${e.comparisonAreas.toLocaleString('en-GB')} comparison ${e.comparisonAreas === 1 ? one : many}`;
  if (!Number.isFinite(e.estimate)) return 'The difference could not be estimated with these settings.';
  const ciUnit = w.kind === 'percent' ? ' percentage points' : '';
  const ci = Number.isFinite(e.lower) && Number.isFinite(e.upper) ? `95 % CI ${signed(e.lower, w.decimals)} to ${signed(e.upper, w.decimals)}${ciUnit}` : 'no interval could be computed';
  const rounded = Number(signed(e.estimate, w.decimals).replace(/,/g, '').replace('−', '-'));
  const what = rounded === 0
    ? `the same ${inSentence(w.label)} as`
    : `${amount(e.estimate, w)} than`;
  const body = `after the programme started, the ${nt} had ${what} the ${nc}, allowing for how the two groups differed before`;
  const clear = Number.isFinite(e.lower) && Number.isFinite(e.upper) && (e.lower > 0 || e.upper < 0);
  if (clear) return `${body[0].toUpperCase()}${body.slice(1)} (${ci}).`;
  return `No clear difference: ${body}, but the 95 % interval (${ci.replace('95 % CI ', '')}) includes no difference.`;
}

/** Decimal places that show an interval to about two significant figures (0 to 4). */
export function decimalsFor(lower: number, upper: number): number {
  const width = Math.abs(upper - lower);
  if (!(width > 0) || !Number.isFinite(width)) return 1;
  return Math.max(0, Math.min(4, 1 - Math.floor(Math.log10(width))));
}

/** The length of one period from its labels: "2023 Q1" → quarter, "2023-04" / "Apr 2023" → month, "2023" / "2023-24" → year. */
export function periodNoun(periods: readonly string[]): string | null {
  const all = (re: RegExp) => periods.length > 0 && periods.every((p) => re.test(p.trim()));
  if (all(/\bQ[1-4]\b/i)) return 'quarter';
  if (all(/^\d{4}-(0[1-9]|1[0-2])$/) || all(/^[a-z]{3,9}\.?\s+\d{4}$/i)) return 'month';
  if (all(/^\d{4}$/) || all(/^\d{4}[-/]\d{2}$/)) return 'year';
  return null;
}
