/**
 * What the registered-patient file added, and its join report: rows used (and which sex rows),
 * practices not in QOF 2022-23 (closed or merged since) by code with their patients, and LSOA codes
 * that are not 2021 LSOAs. Every code comes from the user's file and is rendered as React text only.
 */
import type { RegisteredReport } from '../../data/registered-patients';

const n = (x: number) => x.toLocaleString('en-GB');
const LISTED = 20;

export function RegisteredReportView({ report: r }: { report: RegisteredReport }) {
  return (
    <section aria-labelledby="yd-registered-h" data-testid="registered-report">
      <h3 id="yd-registered-h">Registered patients: {r.file}</h3>
      <p>
        {`Read as NHS England's "Patients registered at a GP practice" by LSOA: ${n(r.patients)} patients of ${n(r.practices)} practices, by the 2021 LSOA they live in. `}
        It adds to the Practices tab each practice&apos;s IMD 2025 score and Core20 share weighted by where its registered patients live, and pull partners for a shortlist rank practices by their patients living there. It replaces any registered-patient file loaded before; it is not an area measure.
      </p>
      <ul>
        <li>{`${n(r.rowsUsed)} of ${n(r.rowsRead)} rows used${r.sexUsed ? ` (SEX: ${r.sexUsed}${r.sexUsed === 'ALL' ? '; the MALE and FEMALE rows repeat them and were left out' : ' rows added together'})` : ''}.`}</li>
        <li data-testid="registered-closed">
          {r.closed.length
            ? `${n(r.closed.length)} practice code${r.closed.length === 1 ? ' is' : 's are'} not in QOF 2022-23 (closed or merged since, or not a GP practice), left out: ${r.closed.slice(0, LISTED).map((c) => `${c.practice} (${n(c.patients)} patients)`).join(', ')}${r.closed.length > LISTED ? ` and ${n(r.closed.length - LISTED)} more` : ''}.`
            : 'Every practice code is a QOF 2022-23 practice.'}
        </li>
        <li data-testid="registered-unknown-lsoas">
          {r.unknownLsoas.length
            ? `${n(r.unknownLsoas.length)} LSOA code${r.unknownLsoas.length === 1 ? ' is' : 's are'} not a 2021 LSOA in England, left out (${n(r.unknownLsoaPatients)} patients): ${r.unknownLsoas.slice(0, LISTED).join(', ')}${r.unknownLsoas.length > LISTED ? ` and ${n(r.unknownLsoas.length - LISTED)} more` : ''}.`
            : 'Every LSOA code is a 2021 LSOA.'}
        </li>
        {r.badCounts > 0 && <li>{`${n(r.badCounts)} row${r.badCounts === 1 ? ' has' : 's have'} no number in NUMBER_OF_PATIENTS and count as none.`}</li>}
      </ul>
    </section>
  );
}
