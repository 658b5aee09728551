/**
 * A practice's or PCN's measures weighted by where its registered patients live (registered-patients.ts),
 * each labelled with what it is: the IMD edition of every Core20 share (NHS England's Core20PLUS5
 * uses IMD 2019), smoking as an estimate built from council figures with its year, ethnic groups as
 * the residents of the patients' LSOAs. Shown only once the registered-patient file is loaded.
 */
import type { RegisteredDeprivation } from '../../data/registered-patients';
import { ethnicGroup } from '../../state/ethnic-classification';
import { formatCount, formatNumber } from '../../ui/format';

const pct = (v: number | null) => (v === null ? 'no value' : `${formatNumber(v, 1)} %`);

export function RegisteredMeasures({ d, file, unit, testId }: { d: RegisteredDeprivation | undefined; file: string; unit: 'practice' | 'PCN'; testId: string }) {
  if (!d || d.score === null) return <p data-testid={testId}>{`Not in ${file}, so no measures weighted by where its patients live.`}</p>;
  const groups = Object.entries(d.ethnicity).map(([k, v]) => `${ethnicGroup(k)?.short ?? k} ${pct(v)}`).join(', ');
  return (
    <div data-testid={testId}>
      <p>{`Weighted by where its registered patients live (${formatCount(d.patients)} patients in 2021 LSOAs, from ${file}${unit === 'PCN' ? '; its practices added together' : ''}):`}</p>
      <ul className="registered-measures">
        <li data-testid={`${testId}-imd`}>{`IMD 2025 score ${formatNumber(d.score, 1)} (higher = more deprived).`}</li>
        <li data-testid={`${testId}-core20`}>{`Core20 (patients living in LSOAs in England's most deprived fifth, national IMD deciles 1–2): ${pct(d.core20_2019)} by IMD 2019, the edition of NHS England's Core20PLUS5 figures; ${pct(d.core20)} by IMD 2025.`}</li>
        <li data-testid={`${testId}-smoking`}>{`Adult smokers ${pct(d.smoking)}: an estimate built from council figures (each patient's local authority's APS current smokers aged 18+, ${d.smokingYear ?? 'latest year'}), not a measure of the ${unit}'s own patients${d.smokingCoverage !== null && d.smokingCoverage < 99.95 ? `; covers ${pct(d.smokingCoverage)} of its patients (councils without a value left out)` : ''}.`}</li>
        <li data-testid={`${testId}-ethnicity`}>{`Ethnic group (Census 2021, TS021): ${groups}; the residents of the LSOAs its patients live in, weighted by its patients, not the ${unit}'s recorded ethnicity.`}</li>
      </ul>
    </div>
  );
}
