/**
 * Census 2021 usual residents of every English local authority district code of 2016–2024, so a
 * user's file with former district codes can weight each former district's rate by its residents
 * when several of them became one council (src/data/import: never a plain mean of their rates).
 *
 * Where each code's LSOA 2021 areas come from, by a stated rule:
 *  - a 2024 authority: the LSOAs the atlas places in it (ONS LSOA 2021 → LAD 2024 best fit);
 *  - a district of 2022 (e.g. Allerdale, abolished 2023): the ONS LSOA 2011 → LSOA 2021 → LAD 2022
 *    best-fit lookup;
 *  - an older district (abolished 2019–2021, e.g. Aylesbury Vale): the LSOA 2021s whose LSOA 2011
 *    parent was drawn in it. ONS names every LSOA 2011 after the district it was drawn in
 *    ("Aylesbury Vale 001A"), and these districts kept their 2011 boundaries until abolished.
 */
import { column, readCsv } from './read-raw';

export interface LadCode { name: string; first: number; last: number }

export interface LadResidents {
  residents: Map<string, number>;
  /** How many codes each rule placed (for the build report). */
  counts: { lad24: number; lad22: number; lsoa11Names: number; none: string[] };
}

/** LSOA 2011 name → the district it is named after ("Aylesbury Vale 001A" → "Aylesbury Vale"). */
const districtOfLsoa11 = (name: string) => name.replace(/\s+\d{3}[A-Z]$/, '');

export async function ladResidents(
  codes: ReadonlyMap<string, LadCode>, bridgePath: string,
  lsoa21: readonly { code: string; lad24_code: string | null; population: number }[],
): Promise<LadResidents> {
  const rows = await readCsv(bridgePath);
  const c = (n: string[]) => column(rows, n, bridgePath);
  const [n11, l21, lad22] = [c(['lsoa11_name', 'LSOA11NM']), c(['lsoa21_code', 'LSOA21CD']), c(['ltla22_code', 'LAD22CD'])];
  const pop = new Map(lsoa21.map((a) => [a.code, a.population]));
  const add = (m: Map<string, Set<string>>, k: string, v: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  const by24 = new Map<string, Set<string>>();
  for (const a of lsoa21) if (a.lad24_code) add(by24, a.lad24_code, a.code);
  const by22 = new Map<string, Set<string>>();
  const byName = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r[l21]?.startsWith('E01')) continue;
    add(by22, r[lad22], r[l21]);
    add(byName, districtOfLsoa11(r[n11]), r[l21]);
  }
  const residents = new Map<string, number>();
  const counts: LadResidents['counts'] = { lad24: 0, lad22: 0, lsoa11Names: 0, none: [] };
  const total = (lsoas: Set<string>) => [...lsoas].reduce((s, l) => s + (pop.get(l) ?? 0), 0);
  for (const [code, e] of codes) {
    const own = e.last === 2024 ? by24.get(code) : by22.get(code);
    if (own) {
      residents.set(code, total(own));
      counts[e.last === 2024 ? 'lad24' : 'lad22']++;
      continue;
    }
    const named = e.first <= 2016 ? byName.get(e.name) : undefined;
    if (named) {
      residents.set(code, total(named));
      counts.lsoa11Names++;
    } else counts.none.push(code);
  }
  return { residents, counts };
}
