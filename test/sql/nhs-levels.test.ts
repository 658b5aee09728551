/**
 * The Sub-ICB (2024) and Cancer Alliance (2019) levels in the built areas table, checked against the
 * raw ONS lookups: Sub-ICB membership is ONS's; alliances follow the 2019 CCG → alliance lookup, and
 * inside the three merged CCGs that span two 2019 alliances each district follows the 2019 CCG it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db/db';
import { openBuiltDataDb } from '../support/node-db';
import { rows } from '../support/query-rows';
import { rawRows } from '../support/raw-csv';
import { rawLsoas } from '../support/raw-geography';

let db: Db;
const area = new Map<string, Record<string, unknown>>();

/** The 2019 CCG that was each 2022 district inside the split CCGs (CCG names as ONS wrote them in 2019). */
const CCG19_OF_DISTRICT: Record<string, string> = {
  'Bath and North East Somerset': 'NHS Bath and North East Somerset CCG', Swindon: 'NHS Swindon CCG', Wiltshire: 'NHS Wiltshire CCG',
  'Bracknell Forest': 'NHS East Berkshire CCG', Slough: 'NHS East Berkshire CCG', 'Windsor and Maidenhead': 'NHS East Berkshire CCG',
  'Surrey Heath': 'NHS Surrey Heath CCG', Hart: 'NHS North East Hampshire and Farnham CCG', Rushmoor: 'NHS North East Hampshire and Farnham CCG',
  Harrogate: 'NHS Harrogate and Rural District CCG', Hambleton: 'NHS Hambleton, Richmondshire and Whitby CCG',
  Richmondshire: 'NHS Hambleton, Richmondshire and Whitby CCG', Ryedale: 'NHS Scarborough and Ryedale CCG',
};

beforeAll(async () => {
  db = await openBuiltDataDb();
  for (const r of await rows(db, `SELECT level, code, name, sicbl24_code, cal19_code, population FROM areas WHERE level IN ('lsoa21', 'sicbl24', 'cal19')`)) {
    area.set(`${r.level}|${r.code}`, r);
  }
});

describe('Sub-ICB locations (2024)', () => {
  it('every LSOA 2021 carries its ONS Sub-ICB location; each location\'s residents are its LSOAs\'', () => {
    const pop = new Map<string, number>();
    for (const l of rawLsoas()) {
      expect(area.get(`lsoa21|${l.code}`)!.sicbl24_code).toBe(l.sicbl);
      pop.set(l.sicbl, (pop.get(l.sicbl) ?? 0) + l.pop);
    }
    expect(pop.size).toBe(106);
    for (const [code, p] of pop) expect(area.get(`sicbl24|${code}`)!.population).toBe(p);
  });
});

describe('Cancer Alliances (2019 definitions)', () => {
  const bridge = rawRows('lookups/lsoa11_lsoa21_lad22_ew_geographr.csv.gz');
  const ccgOf11 = new Map(rawRows('lookups/lsoa11_ccg21_stp21_lad21_england_geographr.csv.gz').map((r) => [r.lsoa11_code, r.ccg21_code]));
  const units = rawRows('lookups/cancerdata_unit105_sicbl22_icb22_ccg21_cal19_lookup_derived.csv');
  const calOfCcg21 = new Map(units.map((u) => [u.ccg21_code, u.cal19_code]));
  const ccg19 = rawRows('lookups/ccg19_stp19_cancer_alliance19_ons.csv');

  it('has the 20 alliances of July 2019 with their ONS names', () => {
    const names = rawRows('lookups/cancer_alliance19_names_codes_ons.csv');
    expect(names.length).toBe(20);
    for (const n of names) expect(area.get(`cal19|${n.CAL19CD}`)!.name).toBe(n.CAL19NM);
  });

  it('puts each LSOA in the alliance of its CCG, and split CCGs\' districts in the alliance of their 2019 CCG', () => {
    let checked = 0;
    let split = 0;
    const parents = new Map<string, Set<string | undefined>>();
    for (const b of bridge) parents.set(b.lsoa21_code, (parents.get(b.lsoa21_code) ?? new Set()).add(ccgOf11.get(b.lsoa11_code)));
    const seen = new Set<string>();
    for (const b of bridge) {
      if (!b.lsoa21_code.startsWith('E01') || seen.has(b.lsoa21_code) || !ccgOf11.has(b.lsoa11_code)) continue;
      seen.add(b.lsoa21_code);
      if (parents.get(b.lsoa21_code)!.size > 1) continue; // LSOAs that straddle two CCGs: either is defensible
      const cal = calOfCcg21.get(ccgOf11.get(b.lsoa11_code)!)!;
      const got = area.get(`lsoa21|${b.lsoa21_code}`)!.cal19_code;
      if (!cal.includes('/')) {
        expect(got, b.lsoa21_code).toBe(cal);
        checked++;
        continue;
      }
      const ccg = CCG19_OF_DISTRICT[b.ltla22_name];
      if (!ccg) continue; // slivers of neighbouring districts and Scarborough (Whitby was in another 2019 CCG)
      expect(got, `${b.lsoa21_code} in ${b.ltla22_name}`).toBe(ccg19.find((c) => c.CCG19NM === ccg)!.CAL19CD);
      split++;
    }
    expect(checked).toBeGreaterThan(32_000);
    expect(split).toBeGreaterThan(900);
  });
});
