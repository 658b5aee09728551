/**
 * A GP practice file for tests, generated from real QOF 2022-23 practice codes (the raw practice →
 * PCN mapping): every practice of the first `pcns` PCNs and two without a PCN, a screened / eligible
 * pair each, one closed practice (in the practice reference list, not in QOF 2022-23) and a
 * practice-name cell holding a spreadsheet formula. `expected` sums the file's practices in QOF.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DATA_DIR } from './node-db';
import { rawRows } from './raw-csv';

export const INJECTION = '=HYPERLINK("http://x","click")';

export function practiceFile(pcns: number) {
  const mapping = rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv');
  const inQof = new Set(mapping.map((m) => m.PRACTICE_CODE));
  const refs = Papa.parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'tables/ref_practices.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const closed = refs.find((p) => p.lsoa21_code && !inQof.has(p.code))!.code;
  const pcnCodes = [...new Set(mapping.filter((m) => m.PCN_ODS_CODE !== 'U').map((m) => m.PCN_ODS_CODE))].slice(0, pcns);
  const chosen = [...mapping.filter((m) => pcnCodes.includes(m.PCN_ODS_CODE)), ...mapping.filter((m) => m.PCN_ODS_CODE === 'U').slice(0, 2)];
  const pair = (i: number): [number, number] => {
    const eligible = 300 + ((i * 97) % 4000);
    return [Math.round(eligible * (0.55 + ((i * 13) % 30) / 100)), eligible];
  };
  const values = new Map(chosen.map((m, i) => [m.PRACTICE_CODE, pair(i)]));
  const text = `practice_code,practice_name,screened,eligible\n${chosen.map((m, i) => `${m.PRACTICE_CODE},"${(i === 0 ? INJECTION : m.PRACTICE_NAME).replace(/"/g, '""')}",${pair(i).join(',')}`).join('\n')}\n${closed},Closed surgery,50,100\n`;
  const all = [...values.values()];
  const england = { numerator: all.reduce((s, p) => s + p[0], 0), denominator: all.reduce((s, p) => s + p[1], 0), practices: values.size };
  return { chosen, closed, values, text, england };
}
