/**
 * The Cancer Alliance (2022) level in the built areas table, checked against NHS England's Sub-ICB →
 * alliance mapping 2022 (v1.4) joined on the Sub-ICB ODS code: every LSOA and Sub-ICB location in
 * exactly one of the 21 alliances, ICBs nested in them, names and residents as the lookups give.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db/db';
import { openBuiltDataDb } from '../support/node-db';
import { rows } from '../support/query-rows';
import { rawRows } from '../support/raw-csv';
import { rawLsoas } from '../support/raw-geography';
import { rawCal22 } from '../support/raw-plus';

let db: Db;
const lsoa = new Map<string, Record<string, unknown>>();
const area = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  db = await openBuiltDataDb();
  for (const r of await rows(db, `SELECT level, code, name, sicbl24_code, icb24_code, cal22_code, population FROM areas WHERE level IN ('lsoa21', 'sicbl24', 'icb24', 'cal22')`)) {
    if (r.level === 'lsoa21') lsoa.set(r.code as string, r);
    else area.set(`${r.level}|${r.code}`, r);
  }
});

describe('Cancer Alliances (NHS England 2022 mapping)', () => {
  const { byOds, odsOfLsoa } = rawCal22();
  const mapping = rawRows('lookups/sicbl22_icb22_cancer_alliance_nhse_mapping_2022_v1_4.csv');

  it('puts every LSOA 2021 in the alliance of its Sub-ICB location, joined on the ODS code', () => {
    expect(lsoa.size).toBe(33_755);
    for (const [code, r] of lsoa) expect(r.cal22_code, code).toBe(byOds.get(odsOfLsoa.get(code)!)!.cal);
  });

  it('puts every 2024 Sub-ICB location in exactly one alliance, the mapping\'s (ODS codes; two E38 codes re-issued in 2024)', () => {
    const sicbls = [...area.values()].filter((r) => r.level === 'sicbl24');
    expect(sicbls.length).toBe(106);
    const odsOfSicbl = new Map(rawRows('lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz').map((r) => [r.sicbl24_code, r.sicbl24_code_nhs]));
    const recoded: string[] = [];
    for (const s of sicbls) {
      const m = mapping.find((x) => x.SICBL22CDH === odsOfSicbl.get(s.code as string))!;
      expect(s.cal22_code, s.code as string).toBe(m['Cancer Alliance Code']);
      const inside = new Set([...lsoa.values()].filter((l) => l.sicbl24_code === s.code).map((l) => l.cal22_code));
      expect(inside.size).toBe(1);
      if (m['Sub-ICB E Code'] !== s.code) recoded.push(`${m['Sub-ICB E Code']}→${s.code as string}`);
    }
    expect(recoded.sort()).toEqual(['E38000246→E38000264', 'E38000248→E38000265']);
  });

  it('has the 21 alliances with their Sub-ICB locations, names and residents', () => {
    const cals = [...area.values()].filter((r) => r.level === 'cal22');
    expect(cals.length).toBe(21);
    const perAlliance = new Map<string, number>();
    for (const m of mapping) perAlliance.set(m['Cancer Alliance Code'], (perAlliance.get(m['Cancer Alliance Code']) ?? 0) + 1);
    const pop = new Map<string, number>();
    for (const l of rawLsoas()) {
      const cal = byOds.get(odsOfLsoa.get(l.code)!)!.cal;
      pop.set(cal, (pop.get(cal) ?? 0) + l.pop);
    }
    for (const c of cals) {
      const code = c.code as string;
      const name = mapping.find((m) => m['Cancer Alliance Code'] === code)!['Cancer Alliance'];
      expect(c.name).toBe(name.replace(/ Cancer Alliance$/, ''));
      expect([...area.values()].filter((r) => r.level === 'sicbl24' && r.cal22_code === code).length, code).toBe(perAlliance.get(code));
      expect(c.population).toBe(pop.get(code));
    }
    expect(Math.min(...pop.values())).toBe(pop.get('E56000025')); // South Yorkshire, 1.37 M (MANIFEST §10)
    expect(Math.max(...pop.values())).toBe(pop.get('E56000007')); // West Midlands, 5.95 M
    expect([...pop.values()].reduce((a, b) => a + b, 0)).toBe(56_489_608);
  });

  it('nests every ICB in one alliance and records it as the ICB\'s parent', () => {
    for (const icb of [...area.values()].filter((r) => r.level === 'icb24')) {
      const inside = new Set([...lsoa.values()].filter((l) => l.icb24_code === icb.code).map((l) => l.cal22_code));
      expect(inside.size, icb.code as string).toBe(1);
      expect(icb.cal22_code).toBe([...inside][0]);
    }
  });
});
