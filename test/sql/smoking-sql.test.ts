/**
 * Smoking indicators on real DuckDB-wasm against values read independently from the raw Fingertips
 * files and ONS lookups (papaparse and plain arithmetic, none of the pipeline's code).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db/db';
import { englandValueSql } from '../../src/data/sql/england-sql';
import { openBuiltDataDb } from '../support/node-db';
import { indicatorRows, rows, type ResultRow } from '../support/query-rows';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas, weightedMean } from '../support/raw-geography';

let db: Db;
const PERIODS = Array.from({ length: 14 }, (_, i) => String(2011 + i));
/** The 2019–2023 reorganisations that created 2024 councils out of several districts. */
const REORGANISED = ['E06000058', 'E06000059', 'E06000060', 'E06000061', 'E06000062', 'E06000063', 'E06000064', 'E06000065', 'E06000066', 'E07000244', 'E07000245'];

const value = (s: string) => (s === 'NA' || s === '' ? null : num(s));
const annual = rawRows('smoking/smoking_prevalence_adults_aps_lad_fingertips92443_trafforddatalab.csv');
const export2019 = rawRows('smoking/smoking_prevalence_ltla19_2019_fingertips92443_tobacco_profile_export_with_ci.csv');
const published = new Map<string, number | null>();
for (const r of annual) if (r.period !== '2019') published.set(`${r.area_code}|${r.period}`, value(r.value));
for (const r of export2019) published.set(`${r['Area Code']}|2019`, value(r.Value));

/** 2024 council → its 2016 predecessors (one for a recode, several for a merger), from the ONS code history. */
const lineages = new Map<string, Set<string>>();
const successor = new Map<string, string>();
for (const r of rawRows('lookups/lad16_to_lad24_code_changes_uk_geographr.csv')) {
  lineages.set(r.ltla24_code, (lineages.get(r.ltla24_code) ?? new Set()).add(r.ltla16_code));
  for (const k of Object.keys(r)) if (k.endsWith('_code') && r[k]) successor.set(r[k], r.ltla24_code);
}
const lad24 = [...new Set(rawLsoas().map((l) => l.lad))].sort();
const merged = lad24.filter((c) => lineages.get(c)!.size > 1);

/** The value a 2024 council should show: its own, or its single predecessor's; never a merger's predecessors'. */
function expected(code: string, period: string): number | null {
  if (published.has(`${code}|${period}`)) return published.get(`${code}|${period}`)!;
  if (merged.includes(code)) return null;
  const pred = [...published.keys()].find((k) => k.endsWith(`|${period}`) && successor.get(k.split('|')[0]) === code);
  return pred ? published.get(pred)! : null;
}

const aps: Record<string, Map<string, ResultRow>> = {};
beforeAll(async () => {
  db = await openBuiltDataDb();
  for (const p of PERIODS) aps[p] = await indicatorRows(db, 'smoking.aps.current', 'lad24', { period: p });
});

describe('APS current smokers on 2024 councils', () => {
  it('shows the published value, and 2019 confidence limits and counts, for known councils', () => {
    const manchester = export2019.find((r) => r['Area Code'] === 'E08000003')!;
    const m = aps['2019'].get('E08000003')!;
    expect(m.value).toBeCloseTo(num(manchester.Value), 6);
    expect(m.lower).toBeCloseTo(num(manchester['Lower CI 95.0 limit']), 6);
    expect(m.upper).toBeCloseTo(num(manchester['Upper CI 95.0 limit']), 6);
    expect(m.numerator).toBeCloseTo(num(manchester.Count), 0);
    const hartlepool2024 = annual.find((r) => r.area_code === 'E06000001' && r.period === '2024')!;
    expect(aps['2024'].get('E06000001')!.value).toBe(num(hartlepool2024.value));
    expect(aps['2024'].get('E06000001')!.lower).toBeNull();
  });

  it('covers every 2024 council in every year except merged councils without their own value and values not published', () => {
    expect(merged).toEqual(REORGANISED);
    for (const p of PERIODS) {
      expect(aps[p].size).toBe(296);
      for (const code of lad24) {
        const row = aps[p].get(code)!;
        const want = expected(code, p);
        if (want === null) {
          expect(row.value, `${code} ${p}`).toBeNull();
          expect(row.note, `${code} ${p}`).toMatch(merged.includes(code) ? /predecessor|former councils/ : /Not published/);
        } else {
          expect(row.value as number, `${code} ${p}`).toBeCloseTo(want, 6);
        }
      }
    }
  });

  it('lists, but does not average, the predecessors of a merged council', () => {
    const note = aps['2024'].get('E06000063')!.note as string;
    for (const d of ['Allerdale', 'Carlisle', 'Copeland']) expect(note).toContain(d);
    expect(aps['2024'].get('E06000063')!.value).toBeNull();
  });

  it('inherits the council value on LSOAs and wards, marking the source', async () => {
    const lsoa = await indicatorRows(db, 'smoking.aps.current', 'lsoa21');
    for (const l of rawLsoas().filter((_, i) => i % 5000 === 0)) {
      const r = lsoa.get(l.code)!;
      expect(r.value).toBe(aps['2024'].get(l.lad)!.value);
      expect(r.source_code).toBe(l.lad);
      expect(r.source_share).toBe(1);
    }
    const ward = await indicatorRows(db, 'smoking.aps.current', 'ward24');
    for (const l of rawLsoas().filter((_, i) => i % 7000 === 3)) {
      expect(ward.get(l.ward)!.value).toBe(aps['2024'].get(l.lad)!.value);
      expect(ward.get(l.ward)!.source_code).toBe(l.lad);
    }
  });

  it('averages council values over Sub-ICB locations and ICBs, weighted by residents aged 16+', async () => {
    const icb = await indicatorRows(db, 'smoking.aps.current', 'icb24');
    const sicbl = await indicatorRows(db, 'smoking.aps.current', 'sicbl24');
    const ladValue = (p: string) => (l: { lad: string }) => expected(l.lad, p);
    for (const code of ['E54000051', 'E54000057', 'E54000027']) {
      const want = weightedMean((l) => l.icb === code, ladValue('2024'), (l) => l.pop16);
      expect(icb.get(code)!.value as number).toBeCloseTo(want.mean, 9);
      expect(icb.get(code)!.coverage as number).toBeCloseTo(want.coverage, 9);
    }
    expect(icb.get('E54000051')!.coverage as number).toBeLessThan(1); // North Yorkshire has no 2024 value
    const barnsley = weightedMean((l) => l.sicbl === 'E38000006', ladValue('2024'), (l) => l.pop16);
    expect(sicbl.get('E38000006')!.value as number).toBeCloseTo(barnsley.mean, 9);
  });

  it('returns England\'s own value for the chosen year', async () => {
    const [e2019] = await rows(db, englandValueSql('smoking.aps.current', { period: '2019' }));
    const eng = export2019.find((r) => r['Area Code'] === 'E92000001')!;
    expect(e2019.value as number).toBeCloseTo(num(eng.Value), 9);
    expect(e2019.lower as number).toBeCloseTo(num(eng['Lower CI 95.0 limit']), 9);
    const [e2024] = await rows(db, englandValueSql('smoking.aps.current', {}));
    expect(e2024.value).toBe(num(annual.find((r) => r.area_code === 'E92000001' && r.period === '2024')!.value));
  });
});

describe('upper-tier GP Patient Survey smoking (2019/20)', () => {
  it('gives a district its county\'s value, marked as the county\'s, and ranks each county once', async () => {
    const utla = rawRows('smoking/smoking_prevalence_utla19_2019_fingertips_tobacco_profile_export.csv').filter((r) => r['Indicator ID'] === '92304');
    const gpps = await indicatorRows(db, 'smoking.gpps.current', 'lad24');
    const lancashire = utla.find((r) => r['Area Code'] === 'E10000017')!;
    expect(gpps.get('E07000117')!.value as number).toBeCloseTo(num(lancashire.Value), 9);
    expect(gpps.get('E07000117')!.source_code).toBe('E10000017');
    const hartlepool = utla.find((r) => r['Area Code'] === 'E06000001')!;
    expect(gpps.get('E06000001')!.value as number).toBeCloseTo(num(hartlepool.Value), 9);
    expect(gpps.get('E06000001')!.source_code).toBeNull();
    const councils = utla.filter((r) => /^E(06|08|09|10)/.test(r['Area Code']) && r.Value !== '');
    expect(gpps.get('E06000001')!.ranked).toBe(councils.length);
  });
});
