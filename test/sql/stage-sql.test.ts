/**
 * Stage at diagnosis (NDRS, 2013–2022) through the catalogue's SQL, recomputed from the raw download:
 * the early-stage share (stage 1, 2 and "other early" of all staged) with its Wilson interval for every
 * ICB, site, year and pooled period; the 2022 Cancer Alliances as sums of their ICBs (East of England
 * North and South included), checked against NDRS's own alliance rows where the definitions agree;
 * the inherited ICB value at finer levels; and significance words against England only from intervals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getIndicator } from '../../src/data/catalogue';
import { compareWithEngland } from '../../src/data/catalogue/england-comparison';
import type { Db } from '../../src/data/db/db';
import { englandValueSql } from '../../src/data/sql/england-sql';
import { openBuiltDataDb } from '../support/node-db';
import { indicatorRows, rows } from '../support/query-rows';
import { rawLsoas } from '../support/raw-geography';
import { rawCal22, rawStage, stageSums, wilson, type RawStage } from '../support/raw-plus';

let db: Db;
const stage = rawStage();
const icbRows = stage.filter((r) => r.type === 'Integrated Care Board');
const SITES: Record<string, string> = {
  anus: 'Anus', bladder: 'Bladder', bowel: 'Bowel', breast: 'Breast', cervix: 'Cervix', head_neck: 'Head and neck', kidney: 'Kidney', lung: 'Lung',
  oesophagus: 'Oesophagus', other: 'Other', ovary: 'Ovary', pancreas: 'Pancreas', prostate: 'Prostate', renal_pelvis_ureter: 'Renal pelvis and ureter',
  skin: 'Skin cancer', testes: 'Testes', uterus: 'Uterus',
};
const PERIODS: [string, number, number][] = [
  ...Array.from({ length: 10 }, (_, i): [string, number, number] => [String(2013 + i), 2013 + i, 2013 + i]),
  ['2018-2019', 2018, 2019], ['2021-2022', 2021, 2022], ['2013-2022', 2013, 2022],
];
const pick = (rs: RawStage[], site: string, from: number, to: number) => rs.filter((r) => r.year >= from && r.year <= to && (site === 'all' || r.site === SITES[site]));

let icbCode: Map<string, string>;
beforeAll(async () => {
  db = await openBuiltDataDb();
  icbCode = new Map((await rows(db, `SELECT name, code FROM areas WHERE level = 'icb24'`)).map((r) => [r.name as string, r.code as string]));
});

describe('stage at diagnosis (NDRS)', () => {
  it('joins all 42 ICBs by exact name', () => {
    const names = new Set(icbRows.map((r) => r.name));
    expect(names.size).toBe(42);
    for (const n of names) expect(icbCode.has(n), n).toBe(true);
  });

  it('gives every ICB\'s early-stage share with a Wilson interval, for every site (and all sites), year and pooled period', async () => {
    let checked = 0;
    for (const [period, from, to] of PERIODS) {
      for (const site of ['all', ...Object.keys(SITES)]) {
        const q = await indicatorRows(db, 'cancer.stage.early', 'icb24', { period, site });
        const byIcb = new Map<string, RawStage[]>();
        for (const r of pick(icbRows, site, from, to)) byIcb.set(r.name, [...(byIcb.get(r.name) ?? []), r]);
        for (const [name, rs] of byIcb) {
          const s = stageSums(rs);
          const got = q.get(icbCode.get(name)!)!;
          if (s.staged === 0) {
            expect(got.value).toBeNull();
            continue;
          }
          expect(got.value as number, `${name} ${period} ${site}`).toBeCloseTo((100 * s.early) / s.staged, 9);
          const [lo, hi] = wilson(s.early, s.staged);
          expect(got.lower as number).toBeCloseTo(lo, 6);
          expect(got.upper as number).toBeCloseTo(hi, 6);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(42 * 13 * 17);
  });

  it('shows the share without a stage (unstageable or missing) of all tumours beside it', async () => {
    for (const [period, from, to] of PERIODS) {
      const q = await indicatorRows(db, 'cancer.stage.unstaged', 'icb24', { period, site: 'all' });
      for (const name of icbCode.keys()) {
        const s = stageSums(pick(icbRows.filter((r) => r.name === name), 'all', from, to));
        expect(q.get(icbCode.get(name)!)!.value as number).toBeCloseTo((100 * (s.total - s.staged)) / s.total, 9);
      }
    }
  });

  it('builds each 2022 Cancer Alliance from its ICBs, for every year and site', async () => {
    const { byOds } = rawCal22();
    const allianceOfIcb = new Map([...byOds.values()].map((m) => [m.icbName, m.cal]));
    expect(new Set(allianceOfIcb.values()).size).toBe(21);
    for (const [period, from, to] of PERIODS) {
      for (const site of ['all', 'lung', 'breast', 'prostate', 'bowel', 'testes']) {
        const q = await indicatorRows(db, 'cancer.stage.early', 'cal22', { period, site });
        expect(q.size).toBe(21);
        for (const cal of new Set(allianceOfIcb.values())) {
          const s = stageSums(pick(icbRows.filter((r) => allianceOfIcb.get(r.name) === cal), site, from, to));
          const got = q.get(cal)!;
          expect(got.value as number, `${cal} ${period} ${site}`).toBeCloseTo((100 * s.early) / s.staged, 9);
          expect(got.numerator as number).toBeCloseTo(s.early, 6);
          expect(got.denominator as number).toBeCloseTo(s.staged, 6);
          const [lo, hi] = wilson(s.early, s.staged);
          expect(got.lower as number).toBeCloseTo(lo, 6);
          expect(got.upper as number).toBeCloseTo(hi, 6);
        }
      }
    }
  });

  it('splits East of England into North and South from their ICBs, adding up to NDRS\'s East of England row', async () => {
    const north = ['NHS Cambridgeshire and Peterborough Integrated Care Board', 'NHS Norfolk and Waveney Integrated Care Board', 'NHS Suffolk and North East Essex Integrated Care Board'];
    const south = ['NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board', 'NHS Hertfordshire and West Essex Integrated Care Board', 'NHS Mid and South Essex Integrated Care Board'];
    const eoe = stage.filter((r) => r.type === 'Cancer Alliance' && r.name === 'East of England');
    for (let year = 2013; year <= 2022; year++) {
      const q = await indicatorRows(db, 'cancer.stage.early', 'cal22', { period: String(year), site: 'all' });
      const n = stageSums(pick(icbRows.filter((r) => north.includes(r.name)), 'all', year, year));
      const s = stageSums(pick(icbRows.filter((r) => south.includes(r.name)), 'all', year, year));
      expect(q.get('E56000022')!.value as number, `North ${year}`).toBeCloseTo((100 * n.early) / n.staged, 9);
      expect(q.get('E56000023')!.value as number, `South ${year}`).toBeCloseTo((100 * s.early) / s.staged, 9);
      const whole = stageSums(pick(eoe, 'all', year, year));
      expect(n.early + s.early).toBe(whole.early);
      expect(n.staged + s.staged).toBe(whole.staged);
    }
  });

  it('agrees with NDRS\'s own alliance rows wherever the two alliance sets have the same members', async () => {
    const same: Record<string, string> = {
      'Cheshire and Merseyside': 'E56000005', 'Greater Manchester': 'E56000019', 'Humber and North Yorkshire': 'E56000026', 'Kent and Medway': 'E56000011',
      'Lancashire and South Cumbria': 'E56000018', 'North Central London': 'E56000027', 'North East London': 'E56000028', Northern: 'E56000029',
      Peninsula: 'E56000014', 'South East London': 'E56000010', 'Surrey and Sussex': 'E56000012', Wessex: 'E56000016', 'West London': 'E56000021',
      'West Midlands': 'E56000007', 'West Yorkshire and Harrogate': 'E56000030',
    };
    for (const [period, from, to] of PERIODS) {
      const q = await indicatorRows(db, 'cancer.stage.early', 'cal22', { period, site: 'all' });
      for (const [name, code] of Object.entries(same)) {
        const s = stageSums(pick(stage.filter((r) => r.type === 'Cancer Alliance' && r.name === name), 'all', from, to));
        expect(q.get(code)!.value as number, `${name} ${period}`).toBeCloseTo((100 * s.early) / s.staged, 9);
      }
    }
  });

  it('shows finer areas their ICB\'s value, marked with the ICB it comes from', async () => {
    const icbOf = new Map(rawLsoas().map((l) => [l.code, l.icb]));
    const icb = await indicatorRows(db, 'cancer.stage.early', 'icb24', { period: '2021-2022', site: 'lung' });
    const lsoa = await indicatorRows(db, 'cancer.stage.early', 'lsoa21', { period: '2021-2022', site: 'lung' });
    expect(lsoa.size).toBe(33_755);
    for (const [code, r] of lsoa) {
      expect(r.source_code).toBe(icbOf.get(code));
      expect(r.value).toBe(icb.get(icbOf.get(code)!)!.value);
      expect(r.lower).toBe(icb.get(icbOf.get(code)!)!.lower);
    }
    const sicbl = await indicatorRows(db, 'cancer.stage.early', 'sicbl24', { period: '2021-2022', site: 'lung' });
    for (const r of sicbl.values()) expect(icb.has(r.source_code as string)).toBe(true);
    expect(getIndicator('cancer.stage.early').levels.cal19).toBeUndefined();
  });

  it('compares with England\'s own row only through the interval', async () => {
    const eng = stageSums(pick(stage.filter((r) => r.type === 'Country'), 'all', 2022, 2022));
    const [e] = await rows(db, englandValueSql('cancer.stage.early', { period: '2022', site: 'all' }));
    expect(e.value as number).toBeCloseTo((100 * eng.early) / eng.staged, 9);
    expect(Math.round(10 * (e.value as number)) / 10).toBe(55.3); // MANIFEST §10
    const q = await indicatorRows(db, 'cancer.stage.early', 'icb24', { period: '2022', site: 'all' });
    const seen = new Set<string>();
    for (const r of q.values()) {
      const c = compareWithEngland(r as { value: number; lower: number; upper: number }, e.value as number);
      const expected = (r.lower as number) > (e.value as number) ? 'higher' : (r.upper as number) < (e.value as number) ? 'lower' : 'similar';
      expect(c).toBe(expected);
      seen.add(c!);
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});
