/**
 * Words for a practice's or PCN's register against a comparator, as the national GP practice profiles
 * and Fingertips put them: "higher" or "lower" only when the unit's 95 % interval excludes the
 * comparator's value, else "similar"; with no interval, no comparison words at all. Registers are
 * recorded prevalence, context: never "better" or "worse".
 */
export function compareWords(unit: { lower: number | null; upper: number | null }, comparator: number | null, name: string): string | null {
  if (unit.lower === null || unit.upper === null || comparator === null) return null;
  if (unit.lower > comparator) return `higher than ${name} (its 95 % interval is above ${name}'s value)`;
  if (unit.upper < comparator) return `lower than ${name} (its 95 % interval is below ${name}'s value)`;
  return `similar to ${name} (its 95 % interval includes ${name}'s value)`;
}
