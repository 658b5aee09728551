/**
 * Readers for the cancer sources: NDRS incidence rates derived per CancerData unit (MANIFEST §7c),
 * the LSOA 2011 → unit lookup (§7d), and the QOF 2022-23 cancer register with its practice mapping.
 */
import { column, parseNumber, readCsv } from './read-raw';

export interface IncidenceRow {
  unit: string;
  period: string;
  years: number;
  sex: string;
  site: string;
  count: number;
  population: number;
  crude: number;
  dsr: number;
  /** Dobson limits; the upper one is empty when there are no cases (these rows are suppressed anyway). */
  lower: number | null;
  upper: number | null;
  /** CCG 2021 populations re-scaled to the re-drawn 2022 unit boundary (four units; approximate). */
  scaled: boolean;
}

export async function readIncidenceRates(path: string): Promise<IncidenceRow[]> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = {
    unit: c('area_code'), period: c('period'), years: c('n_years'), sex: c('sex'), site: c('icd10_code'), count: c('count'), pop: c('population'),
    crude: c('crude_rate_per_100k'), dsr: c('dsr_esp2013_6band_per_100k'), lo: c('dsr_lcl95'), hi: c('dsr_ucl95'), sc: c('population_scaled_to_sicbl22'),
  };
  return rows.map((r, i) => {
    const n = (col: string) => {
      const v = parseNumber(r[col], `${path} row ${i + 2} column ${col}`);
      if (v === null) throw new Error(`${path} row ${i + 2}: ${col} is empty`);
      return v;
    };
    return {
      unit: r[k.unit], period: r[k.period], years: n(k.years), sex: r[k.sex], site: r[k.site], count: n(k.count), population: n(k.pop),
      crude: n(k.crude), dsr: n(k.dsr), lower: parseNumber(r[k.lo], `${path} row ${i + 2}`), upper: parseNumber(r[k.hi], `${path} row ${i + 2}`), scaled: r[k.sc] === 'TRUE',
    };
  });
}

/** LSOA 2011 → CancerData unit and Sub-ICB location (July 2022). */
export async function readLsoa11Units(path: string): Promise<Map<string, { unit: string; sicbl22: string }>> {
  const rows = await readCsv(path);
  const [l, u, s] = [column(rows, ['lsoa11_code'], path), column(rows, ['cancerdata_area_code'], path), column(rows, ['sicbl22_code'], path)];
  return new Map(rows.map((r) => [r[l], { unit: r[u], sicbl22: r[s] }]));
}

export interface QofRegister { practice: string; register: number; listSize: number }

/** QOF 2022-23 prevalence file, one register group (e.g. CAN = cancer). */
/** Every register of the file (all 21 groups), with the list type its list size counts. */
export async function readQofRegisters(path: string): Promise<(QofRegister & { group: string; listType: string })[]> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = { p: c('PRACTICE_CODE'), g: c('GROUP_CODE'), r: c('REGISTER'), t: c('PATIENT_LIST_TYPE'), l: c('PRACTICE_LIST_SIZE') };
  return rows.map((r, i) => ({
    practice: r[k.p], group: r[k.g], listType: r[k.t],
    register: parseNumber(r[k.r], `${path} row ${i + 1} REGISTER`) ?? 0, listSize: parseNumber(r[k.l], `${path} row ${i + 1} PRACTICE_LIST_SIZE`) ?? 0,
  }));
}

export async function readQofRegister(path: string, group: string): Promise<QofRegister[]> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = { p: c('PRACTICE_CODE'), g: c('GROUP_CODE'), r: c('REGISTER'), l: c('PRACTICE_LIST_SIZE') };
  return rows.filter((r) => r[k.g] === group).map((r, i) => ({
    practice: r[k.p], register: parseNumber(r[k.r], `${path} ${group} row ${i + 1}`) ?? 0, listSize: parseNumber(r[k.l], `${path} ${group} row ${i + 1}`) ?? 0,
  }));
}

export interface QofPractice { practice: string; name: string; sicbl: string; icb: string; pcn: string; pcnName: string }

/** QOF 2022-23 practice → PCN → Sub-ICB → ICB mapping (ONS codes). */
export async function readQofMapping(path: string): Promise<Map<string, QofPractice>> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = { p: c('PRACTICE_CODE'), n: c('PRACTICE_NAME'), s: c('SUB_ICB_ONS_CODE'), i: c('ICB_ONS_CODE'), pc: c('PCN_ODS_CODE'), pn: c('PCN_NAME') };
  return new Map(rows.map((r) => [r[k.p], { practice: r[k.p], name: r[k.n], sicbl: r[k.s], icb: r[k.i], pcn: r[k.pc], pcnName: r[k.pn] }]));
}
