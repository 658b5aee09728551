/**
 * 95 % confidence limits for a ratio computed in SQL: Byar's approximation for a rate from a count of
 * events (the method OHID's Fingertips uses for crude rates) and the Wilson score interval for a
 * proportion of a list (Fingertips' method for QOF prevalence).
 */
import type { RatioCi } from '../catalogue/types';
import { sqlNumber } from './sql-text';

const Z = 1.959963984540054;

export function ciSql(method: RatioCi, num: string, den: string, multiplier: number): { lower: string; upper: string } {
  const m = sqlNumber(multiplier);
  const n = `(${num})::DOUBLE`;
  const d = `nullif((${den})::DOUBLE, 0)`;
  if (method === 'poisson') {
    const n1 = `(${n} + 1)`;
    return {
      lower: `(CASE WHEN ${n} > 0 THEN ${n} * pow(1 - 1 / (9 * ${n}) - ${Z} / (3 * sqrt(${n})), 3) ELSE 0 END) * ${m} / ${d}`,
      upper: `${n1} * pow(1 - 1 / (9 * ${n1}) + ${Z} / (3 * sqrt(${n1})), 3) * ${m} / ${d}`,
    };
  }
  const p = `(${n} / ${d})`;
  const z2 = Z * Z;
  const centre = `(${p} + ${z2} / (2 * ${d}))`;
  const half = `(${Z} * sqrt(${p} * (1 - ${p}) / ${d} + ${z2} / (4 * ${d} * ${d})))`;
  const scale = `(1 + ${z2} / ${d})`;
  return { lower: `(${centre} - ${half}) / ${scale} * ${m}`, upper: `(${centre} + ${half}) / ${scale} * ${m}` };
}
