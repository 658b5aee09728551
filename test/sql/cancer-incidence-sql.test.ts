/**
 * Cancer incidence on real DuckDB-wasm: native Sub-ICB values equal the raw file, rates from fewer
 * than 10 cases are suppressed, finer levels inherit, coarser levels follow the stated rules, and
 * England comparisons and trends use England's own rows. Expected values come from the raw files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithEngland } from '../../src/data/catalogue/england-comparison';
import type { Db } from '../../src/data/db/db';
import { englandValueSql } from '../../src/data/sql/england-sql';
import { trendSql } from '../../src/data/sql/trend-sql';
import { openBuiltDataDb } from '../support/node-db';
import { indicatorRows, rows } from '../support/query-rows';
import { rawLsoas, type RawLsoa } from '../support/raw-geography';
import { isCombined, rawIncidence, unitOf } from '../support/raw-incidence';

let db: Db;
const LUNG = { site: 'C33-C34', period: '2016-2020', sex: 'persons' };
const raw = (sicbl: string, d: { site: string; period: string; sex: string }) => rawIncidence().get(`${unitOf(sicbl)}|${d.period}|${d.sex}|${d.site}`)!;
const popOf = (pred: (l: RawLsoa) => boolean) => rawLsoas().filter(pred).reduce((s, l) => s + l.pop, 0);
const sicbls = () => [...new Set(rawLsoas().map((l) => l.sicbl))];
/** A location's part of its unit: 1, or its residents' share of the combined unit. */
const share = (s: string) => (isCombined(s) ? popOf((l) => l.sicbl === s) / popOf((l) => isCombined(l.sicbl)) : 1);

beforeAll(async () => {
  db = await openBuiltDataDb();
});

describe('incidence at Sub-ICB level', () => {
  it('equals the raw unit values for every Sub-ICB location, the combined unit on both of its locations', async () => {
    const dsr = await indicatorRows(db, 'cancer.incidence.dsr', 'sicbl24', LUNG);
    expect(dsr.size).toBe(106);
    for (const s of sicbls()) {
      const want = raw(s, LUNG);
      expect(dsr.get(s)!.value as number, s).toBeCloseTo(want.dsr, 9);
      expect(dsr.get(s)!.lower as number, s).toBeCloseTo(want.lower!, 9);
      expect(dsr.get(s)!.numerator, s).toBe(want.count);
    }
    expect(dsr.get('E38000258')!.value).toBe(dsr.get('E38000259')!.value);
    expect(dsr.get('E38000258')!.note).toMatch(/one CancerData unit/);
  });

  it('suppresses rates from fewer than 10 cases: no value, no rank, never zero', async () => {
    const cervix = { site: 'C53', period: '2019', sex: 'female' };
    const crude = await indicatorRows(db, 'cancer.incidence.crude', 'sicbl24', cervix);
    const small = sicbls().filter((s) => raw(s, cervix).count < 10);
    expect(small.length).toBeGreaterThan(5);
    for (const s of sicbls()) {
      const r = crude.get(s)!;
      expect(r.suppressed, s).toBe(small.includes(s));
      if (small.includes(s)) expect([r.value, r.national_rank, r.numerator, r.lower]).toEqual([null, null, null, null]);
      else expect(r.value as number).toBeCloseTo(raw(s, cervix).crude, 9);
    }
    expect(crude.get(sicbls()[0])!.ranked).toBe(106 - small.length);
  });

  it('gives breast cancer for females whatever sex is chosen (it is published for females only)', async () => {
    const breast = await indicatorRows(db, 'cancer.incidence.dsr', 'sicbl24', { site: 'C50', sex: 'persons' });
    expect(breast.get('E38000006')!.value as number).toBeCloseTo(raw('E38000006', { site: 'C50', period: '2016-2020', sex: 'female' }).dsr, 9);
  });
});

describe('incidence at finer levels is the Sub-ICB value', () => {
  it('LSOAs take their Sub-ICB location\'s value; a local authority takes its majority location\'s, with the share', async () => {
    const lsoa = await indicatorRows(db, 'cancer.incidence.dsr', 'lsoa21', LUNG);
    for (const l of rawLsoas().filter((_, i) => i % 4000 === 1)) {
      expect(lsoa.get(l.code)!.value as number).toBeCloseTo(raw(l.sicbl, LUNG).dsr, 9);
      expect(lsoa.get(l.code)!.source_code).toBe(l.sicbl);
    }
    const lad = await indicatorRows(db, 'cancer.incidence.dsr', 'lad24', LUNG);
    for (const code of ['E06000064', 'E08000025', 'E07000117']) {
      const pops = new Map<string, number>();
      for (const l of rawLsoas().filter((x) => x.lad === code)) pops.set(l.sicbl, (pops.get(l.sicbl) ?? 0) + l.pop);
      const [major, pop] = [...pops].sort((a, b) => b[1] - a[1])[0];
      expect(lad.get(code)!.source_code).toBe(major);
      expect(lad.get(code)!.source_share as number).toBeCloseTo(pop / popOf((l) => l.lad === code), 9);
      expect(lad.get(code)!.value as number).toBeCloseTo(raw(major, LUNG).dsr, 9);
    }
  });
});

describe('incidence at ICB and Cancer Alliance level', () => {
  const icbs = () => [...new Set(rawLsoas().map((l) => l.icb))];
  const members = (icb: string) => sicbls().filter((s) => rawLsoas().some((l) => l.sicbl === s && l.icb === icb));

  it('crude rates are recomputed from summed cases and person-years (combined unit split by residents)', async () => {
    const crude = await indicatorRows(db, 'cancer.incidence.crude', 'icb24', LUNG);
    for (const icb of icbs()) {
      const cases = members(icb).reduce((a, s) => a + raw(s, LUNG).count * share(s), 0);
      const years = members(icb).reduce((a, s) => a + raw(s, LUNG).population * share(s), 0);
      expect(Math.abs((crude.get(icb)!.value as number) / ((1e5 * cases) / years) - 1), icb).toBeLessThan(1e-5);
      expect(crude.get(icb)!.numerator as number).toBeCloseTo(cases, 6);
      // Byar's approximation to the exact Poisson 95 % limits, as Fingertips computes crude rates'.
      const z = 1.959964;
      const lo = cases * (1 - 1 / (9 * cases) - z / (3 * Math.sqrt(cases))) ** 3;
      const hi = (cases + 1) * (1 - 1 / (9 * (cases + 1)) + z / (3 * Math.sqrt(cases + 1))) ** 3;
      expect(crude.get(icb)!.lower as number).toBeCloseTo((1e5 * lo) / years, 4);
      expect(crude.get(icb)!.upper as number).toBeCloseTo((1e5 * hi) / years, 4);
    }
  });

  it('age-standardised rates are resident-weighted means of the Sub-ICB rates', async () => {
    const dsr = await indicatorRows(db, 'cancer.incidence.dsr', 'icb24', LUNG);
    for (const icb of icbs().slice(0, 12)) {
      const parts = members(icb).map((s) => [popOf((l) => l.sicbl === s), raw(s, LUNG).dsr]);
      const want = parts.reduce((a, [p, v]) => a + p * v, 0) / parts.reduce((a, [p]) => a + p, 0);
      expect(dsr.get(icb)!.value as number, icb).toBeCloseTo(want, 9);
      expect(dsr.get(icb)!.lower).toBeNull();
    }
  });

  it('alliance counts add up to the units\' total: every case counted once, split Sub-ICB locations included', async () => {
    const count = await indicatorRows(db, 'cancer.incidence.count', 'cal19', LUNG);
    expect(count.size).toBe(20);
    const units = new Set(sicbls().map(unitOf));
    const total = [...units].reduce((a, u) => a + rawIncidence().get(`${u}|${LUNG.period}|persons|${LUNG.site}`)!.count, 0);
    const got = [...count.values()].reduce((a, r) => a + (r.value as number), 0);
    expect(got).toBeCloseTo(total, 4);
  });
});

describe('England, comparisons and trends', () => {
  it('compares a Sub-ICB location with England\'s own value of the same period, sex and site', async () => {
    const [eng] = await rows(db, englandValueSql('cancer.incidence.dsr', LUNG));
    const england = rawIncidence().get(`E92000001|${LUNG.period}|persons|${LUNG.site}`)!;
    expect(eng.value as number).toBeCloseTo(england.dsr, 9);
    const dsr = await indicatorRows(db, 'cancer.incidence.dsr', 'sicbl24', LUNG);
    for (const s of sicbls()) {
      const r = raw(s, LUNG);
      const want = r.lower! > england.dsr ? 'higher' : r.upper! < england.dsr ? 'lower' : 'similar';
      expect(compareWithEngland(dsr.get(s)! as never, eng.value as number), s).toBe(want);
    }
  });

  it('returns every period for one area, with England per period, and the parent\'s series on an LSOA', async () => {
    const t = await rows(db, trendSql('cancer.incidence.dsr', 'sicbl24', 'E38000006', { site: 'C33-C34' }));
    expect(t.length).toBe(26);
    for (const r of t) {
      expect(r.value as number).toBeCloseTo(raw('E38000006', { site: 'C33-C34', period: r.period as string, sex: 'persons' }).dsr, 9);
      expect(r.england_value as number).toBeCloseTo(rawIncidence().get(`E92000001|${r.period}|persons|C33-C34`)!.dsr, 9);
    }
    expect(t.find((r) => r.period === '2015-2019')).toMatchObject({ start_year: 2015, end_year: 2019 });
    const lsoa = rawLsoas().find((l) => l.sicbl === 'E38000006')!;
    const inherited = await rows(db, trendSql('cancer.incidence.dsr', 'lsoa21', lsoa.code, { site: 'C33-C34' }));
    expect(inherited.map((r) => r.value)).toEqual(t.map((r) => r.value));
    expect(new Set(inherited.map((r) => r.source_code))).toEqual(new Set(['E38000006']));
  });
});
