/**
 * What the registered-patient file added, and its join report: rows used (and which sex rows),
 * practices not in QOF 2022-23 (closed or merged since) by code with their patients, and LSOA codes
 * that are not 2021 LSOAs (2011 codes that changed mapped through the ONS lookup, and counted). Every code comes from the user's file and is rendered as React text only.
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
        It adds to the Practices tab and the practice and PCN profiles each practice&apos;s and PCN&apos;s IMD 2025 score, Core20 shares (IMD 2019 and 2025), adult smoking (estimated from council figures) and Census 2021 ethnic groups, weighted by where its registered patients live, and pull partners for a shortlist rank practices by their patients living there. It also shares each QOF 2022-23 register out to where the practices&apos; patients live, as area measures under Your data (an estimate: each practice&apos;s recorded prevalence applied to its patients living in each LSOA, not a count of residents), and likewise the shares of a list in your GP practice files. It replaces any registered-patient file loaded before, and its shared-out measures.
      </p>
      <ul>
        <li>{`${n(r.rowsUsed)} of ${n(r.rowsRead)} rows used${r.sexUsed ? ` (SEX: ${r.sexUsed}${r.sexUsed === 'ALL' ? '; the MALE and FEMALE rows repeat them and were left out' : ' rows added together'})` : ''}.`}</li>
        <li data-testid="registered-closed">
          {r.closed.length
            ? `${n(r.closed.length)} practice code${r.closed.length === 1 ? ' is' : 's are'} not in QOF 2022-23 (closed or merged since, or not a GP practice), left out: ${r.closed.slice(0, LISTED).map((c) => `${c.practice} (${n(c.patients)} patients)`).join(', ')}${r.closed.length > LISTED ? ` and ${n(r.closed.length - LISTED)} more` : ''}.`
            : 'Every practice code is a QOF 2022-23 practice.'}
        </li>
        {r.lsoa11Rows > 0 && <li data-testid="registered-lsoa11">{`${n(r.lsoa11Rows)} row${r.lsoa11Rows === 1 ? '' : 's'} (${n(r.lsoa11Patients)} patients, ${n(r.lsoa11Codes)} LSOA code${r.lsoa11Codes === 1 ? '' : 's'}) had a 2011 LSOA code that changed in 2021 (an older file) and went through the ONS LSOA 2011→2021 lookup: a split LSOA's patients are shared between the 2021 LSOAs it became in proportion to their Census 2021 residents, so those counts are estimates; merged LSOAs' patients go to the 2021 LSOA they joined. 2011 codes unchanged in 2021 match directly.`}</li>}
        <li data-testid="registered-unknown-lsoas">
          {r.unknownLsoas.length
            ? `${n(r.unknownLsoas.length)} LSOA code${r.unknownLsoas.length === 1 ? ' is' : 's are'} neither a 2021 LSOA in England nor a 2011 one in the ONS lookup, left out (${n(r.unknownLsoaPatients)} patients): ${r.unknownLsoas.slice(0, LISTED).join(', ')}${r.unknownLsoas.length > LISTED ? ` and ${n(r.unknownLsoas.length - LISTED)} more` : ''}.`
            : r.lsoa11Rows ? 'Every other LSOA code is a 2021 LSOA.' : 'Every LSOA code is a 2021 LSOA.'}
        </li>
        {r.badCounts > 0 && <li>{`${n(r.badCounts)} row${r.badCounts === 1 ? ' has' : 's have'} no number in NUMBER_OF_PATIENTS and count as none.`}</li>}
      </ul>
    </section>
  );
}
