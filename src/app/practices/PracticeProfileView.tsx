/**
 * A practice's or PCN's profile: every practice measure for it beside its Sub-ICB, ICB and England
 * (sums of registers and lists, never means of rates), each with its Wilson 95 % interval, and words
 * against England only where the interval lets us say them (practice-compare.ts). Registers are
 * context: no "better" or "worse".
 */
import type { ReactNode } from 'react';
import type { PracticeProfile, ProfileCell } from '../../data/practice-profile';
import { formatCount, formatNumber } from '../../ui/format';
import { compareWords } from '../../ui/practice-compare';

const value = (c: ProfileCell | null, count: boolean) => (!c || c.value === null ? 'no value' : count ? formatCount(c.value) : `${formatNumber(c.value, 2)} %`);
const interval = (c: ProfileCell | null) => (!c || c.lower === null || c.upper === null ? '' : `${formatNumber(c.lower, 2)} to ${formatNumber(c.upper, 2)}`);

export function PracticeProfileView(p: { heading: string; profile: PracticeProfile; unitLabel: string; nameOf(code: string): string; children?: ReactNode; testId: string }) {
  const sicbl = p.profile.sicbl24 ? p.nameOf(p.profile.sicbl24) : 'Sub-ICB';
  const icb = p.profile.icb24 ? p.nameOf(p.profile.icb24) : 'ICB';
  return (
    <section aria-label={p.heading} data-testid={p.testId}>
      <h3>{p.heading}</h3>
      {p.children}
      <table>
        <caption className="visually-hidden">{p.heading}: QOF 2022-23 registers beside its Sub-ICB, ICB and England, with 95 % intervals</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th><th scope="col" className="num">{p.unitLabel}</th><th scope="col" className="num">95 % interval</th>
            <th scope="col" className="num">Sub-ICB: {sicbl}</th><th scope="col" className="num">ICB: {icb}</th><th scope="col" className="num">England</th><th scope="col">Against England</th>
          </tr>
        </thead>
        <tbody>
          {p.profile.rows.map(({ measure, cells }) => {
            const count = measure.kind === 'count';
            const cell = (c: ProfileCell | null) => <td className="num" title={c && !count ? `${formatCount(c.numerator)} of ${formatCount(c.denominator)}; 95 % interval ${interval(c)}` : undefined}>{value(c, count)}</td>;
            return (
              <tr key={measure.id} data-measure={measure.id}>
                <th scope="row">{measure.short}</th>
                {cell(cells.unit)}
                <td className="num">{interval(cells.unit)}</td>
                {cell(cells.sicbl)}{cell(cells.icb)}{cell(cells.england)}
                <td>{cells.unit && !count ? compareWords(cells.unit, cells.england?.value ?? null, 'England') ?? 'no interval' : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">QOF 2022-23 recorded prevalence: the register divided by the practice list of the register's ages. Sub-ICB, ICB and England add up their practices' registers and lists. Registers reflect case-finding and coding as well as disease: context, not better or worse. Point at a value for its numerator and denominator.</p>
    </section>
  );
}
