/**
 * ONS mid-year population by single year of age and sex for the 105 CancerData units (CCG 2021
 * footprints; MANIFEST §7a): `year, ccg_code, m00 … m90, f00 … f90` (90 = 90 and over). Returns
 * persons (males + females) by age for one year.
 */
import { OPEN_AGE } from '../../src/analysis/screening/age-bridge';
import { column, parseNumber, readCsv } from './read-raw';

export async function readSingleYearPersons(path: string, year: number): Promise<Map<string, Float64Array>> {
  const rows = await readCsv(path);
  const y = column(rows, ['year'], path);
  const unit = column(rows, ['ccg_code'], path);
  const ages = Array.from({ length: OPEN_AGE + 1 }, (_, a) => String(a).padStart(2, '0'));
  for (const a of ages) for (const sex of ['m', 'f']) column(rows, [`${sex}${a}`], path);
  const out = new Map<string, Float64Array>();
  rows.forEach((r, i) => {
    if (Number(r[y]) !== year) return;
    const at = `${path} row ${i + 2}`;
    const n = (c: string) => {
      const v = parseNumber(r[c], `${at} column ${c}`);
      if (v === null || v < 0) throw new Error(`${at}: ${c} is not a population count ("${r[c]}")`);
      return v;
    };
    out.set(r[unit], Float64Array.from(ages, (a) => n(`m${a}`) + n(`f${a}`)));
  });
  if (!out.size) throw new Error(`${path}: no rows for ${year}`);
  return out;
}
