/**
 * Assigns every LSOA 2021 to a Cancer Alliance of NHS England's 2022 mapping (Sub-ICB location →
 * alliance, v1.4, the mapping behind the Cancer Waiting Times statistics: 21 alliances, East of
 * England split North / South). The join is on the Sub-ICB location's NHS (ODS) code, which did not
 * change in 2024, not on its E38 code: two locations were recoded when four LSOAs moved between them
 * (Surrey Heartlands E38000246 → E38000264, West Sussex E38000248 → E38000265). Anything else that
 * does not join fails the build.
 */
import type { JoinReport } from './join-report';
import { column, readCsv } from './read-raw';
import type { Lsoa21Nhs } from './read-sources';

export interface Cal22Row { sicbl22: string; ods: string; icb22: string; icbName: string; cal: string; calName: string }

/** The E38 codes NHS England's 2022 mapping uses that ONS re-issued in April 2024 (same ODS code). */
const SICBL_RECODES_2024: Readonly<Record<string, string>> = { E38000246: 'E38000264', E38000248: 'E38000265' };

/** "East of England - North Cancer Alliance" → "East of England - North" (the level's label says what it is). */
const allianceName = (published: string) => published.replace(/\s+Cancer Alliance$/, '').trim();

export async function readCal22Mapping(path: string): Promise<Cal22Row[]> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = { s: c('Sub-ICB E Code'), ods: c('SICBL22CDH'), icb: c('ICB E code'), icbn: c('ICB'), cal: c('Cancer Alliance Code'), caln: c('Cancer Alliance') };
  return rows.map((r, i) => {
    const row = { sicbl22: r[k.s].trim(), ods: r[k.ods].trim(), icb22: r[k.icb].trim(), icbName: r[k.icbn].trim(), cal: r[k.cal].trim(), calName: allianceName(r[k.caln]) };
    if (!/^E38\d{6}$/.test(row.sicbl22) || !/^E56\d{6}$/.test(row.cal) || !row.ods) throw new Error(`${path} row ${i + 2}: expected a Sub-ICB E38 code, an ODS code and an alliance E56 code`);
    return row;
  });
}

export interface Cal22Assignment {
  /** LSOA 2021 → alliance code (E56, the 2022 mapping's code). */
  calOf: Map<string, string>;
  names: Map<string, string>;
  /** 2024 ICB → its alliance (every ICB lies wholly in one alliance of this mapping). */
  allianceOfIcb: Map<string, string>;
}

export function assignCal22(mapping: Cal22Row[], nhs: Map<string, Lsoa21Nhs>, lsoa21Codes: string[], report: JoinReport): Cal22Assignment {
  const byOds = new Map<string, Cal22Row>();
  for (const r of mapping) {
    if (byOds.has(r.ods)) throw new Error(`Sub-ICB to Cancer Alliance mapping 2022: ODS code ${r.ods} appears twice`);
    byOds.set(r.ods, r);
  }
  const names = new Map(mapping.map((r) => [r.cal, r.calName]));
  // One row per 2024 Sub-ICB location: its ODS and E38 codes as ONS gives them for April 2024.
  const sicbl = new Map<string, { ods: string; code: string; icb: string }>();
  for (const n of nhs.values()) sicbl.set(n.sicbl24_ods, { ods: n.sicbl24_ods, code: n.sicbl24_code, icb: n.icb24_code });
  report.check('Sub-ICB locations 2024 → Cancer Alliance mapping 2022 (NHS England, by ODS code)', sicbl.keys(), byOds);
  report.check('Cancer Alliance mapping 2022 → Sub-ICB locations 2024 (by ODS code)', byOds.keys(), sicbl);

  const unexpected: string[] = [];
  for (const s of sicbl.values()) {
    const m = byOds.get(s.ods);
    if (!m || m.sicbl22 === s.code) continue;
    if (SICBL_RECODES_2024[m.sicbl22] === s.code) report.note(`Sub-ICB ${s.ods}: ${m.sicbl22} in the 2022 mapping is ${s.code} since April 2024 (joined on the ODS code)`);
    else unexpected.push(`${s.ods} (${m.sicbl22} in the mapping, ${s.code} in 2024)`);
  }
  report.none('Sub-ICB E38 codes that changed without a known recode', unexpected);

  const calOf = new Map<string, string>();
  for (const code of lsoa21Codes) {
    const n = nhs.get(code);
    const m = n ? byOds.get(n.sicbl24_ods) : undefined;
    if (m) calOf.set(code, m.cal);
  }
  report.check('LSOA 2021 → Cancer Alliance 2022 (through its Sub-ICB location)', lsoa21Codes, calOf);

  const allianceOfIcb = new Map<string, string>();
  const split: string[] = [];
  for (const s of sicbl.values()) {
    const cal = byOds.get(s.ods)?.cal;
    if (!cal) continue;
    const prev = allianceOfIcb.get(s.icb);
    if (prev && prev !== cal) split.push(`${s.icb} (${names.get(prev)} and ${names.get(cal)})`);
    allianceOfIcb.set(s.icb, cal);
  }
  report.none('ICBs (2024) split between 2022 alliances', split);
  const perAlliance = new Map<string, number>();
  for (const s of sicbl.values()) {
    const cal = byOds.get(s.ods)?.cal;
    if (cal) perAlliance.set(cal, (perAlliance.get(cal) ?? 0) + 1);
  }
  report.note(`Cancer Alliances 2022: ${names.size} alliances, ${sicbl.size} Sub-ICB locations, ${allianceOfIcb.size} ICBs each wholly in one alliance; Sub-ICB locations per alliance: `
    + [...perAlliance].sort((a, b) => (names.get(a[0])! < names.get(b[0])! ? -1 : 1)).map(([c, n]) => `${names.get(c)} ${n}`).join(', '));
  return { calOf, names, allianceOfIcb };
}
