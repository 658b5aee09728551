/**
 * How the 105 CancerData units (Sub-ICB locations of July 2022, written with their old CCG codes)
 * become 2024 Sub-ICB locations, measured by Census 2021 residents in common (units → LSOA 2011 →
 * LSOA 2021 → SICBL 2024). A 2024 location that shares ≥ 98 % of its residents with one unit, and
 * that unit ≥ 98 % with it, is the same area (this covers recodes such as Surrey Heartlands
 * E38000246 → E38000264, where four LSOAs moved to West Sussex in 2024). A unit split over several
 * 2024 locations that it wholly contains (Birmingham and Solihull + Black Country, published as one
 * unit) gives each of them the unit's rates, and its counts in proportion to residents, so sums over
 * ICBs and alliances count every case once. Anything else fails the build.
 */
import type { AreaRow } from './area-row';
import type { JoinReport } from './join-report';
import type { BridgeRow } from './read-nhs-lookups';

export interface SicblSource {
  unit: string;
  /** Share of the unit's cases and person-years that belong to this location (1 unless combined). */
  share: number;
  combined: boolean;
}

const SAME = 0.98;

type Pop = Map<string, Map<string, number>>;
const add = (m: Pop, a: string, b: string, n: number) => {
  const row = m.get(a) ?? m.set(a, new Map()).get(a)!;
  row.set(b, (row.get(b) ?? 0) + n);
};
const total = (row: Map<string, number> | undefined) => [...(row ?? new Map<string, number>()).values()].reduce((s, v) => s + v, 0);

/** Residents (Census 2021) in common between each grouping of LSOA 2011s and each 2024 Sub-ICB location. */
function overlap(groupOf11: Map<string, string>, bridge: BridgeRow[], lsoa21: AreaRow[]): { byGroup: Pop; bySicbl: Pop } {
  const parent = new Map<string, string>();
  for (const b of bridge) if (!parent.has(b.lsoa21) && groupOf11.has(b.lsoa11)) parent.set(b.lsoa21, groupOf11.get(b.lsoa11)!);
  const byGroup: Pop = new Map();
  const bySicbl: Pop = new Map();
  for (const a of lsoa21) {
    const g = parent.get(a.code);
    if (!g || !a.sicbl24_code) continue;
    add(byGroup, g, a.sicbl24_code, a.population);
    add(bySicbl, a.sicbl24_code, g, a.population);
  }
  return { byGroup, bySicbl };
}

export function unitsToSicbl24(unitOf11: Map<string, string>, bridge: BridgeRow[], lsoa21: AreaRow[], report: JoinReport): Map<string, SicblSource> {
  const { byGroup, bySicbl } = overlap(unitOf11, bridge, lsoa21);
  const out = new Map<string, SicblSource>();
  const problems: string[] = [];
  for (const [sicbl, units] of bySicbl) {
    const [unit, common] = [...units].sort((a, b) => b[1] - a[1])[0];
    const cover = common / total(units);
    const give = common / total(byGroup.get(unit));
    if (cover < SAME) {
      problems.push(`${sicbl} (${(100 * cover).toFixed(1)} % from ${unit})`);
      continue;
    }
    const combined = give < SAME;
    if (combined) {
      const partsWhole = [...byGroup.get(unit)!].every(([s]) => (bySicbl.get(s)!.get(unit) ?? 0) / total(bySicbl.get(s)) >= SAME);
      if (!partsWhole) problems.push(`${sicbl}: unit ${unit} only partly inside`);
    }
    out.set(sicbl, { unit, share: 1, combined });
    if (unit !== sicbl || combined || cover < 1) {
      report.note(`CancerData unit ${unit} → Sub-ICB 2024 ${sicbl}: ${combined ? `part of a combined unit (${(100 * give).toFixed(1)} % of its residents)` : 'same area'}, ${(100 * cover).toFixed(2)} % of residents in common`);
    }
  }
  // A combined unit's cases are split over its locations by their residents, so the shares add up to 1.
  for (const [sicbl, src] of out) {
    if (!src.combined) continue;
    const parts = [...out].filter(([, s]) => s.unit === src.unit).map(([s]) => total(bySicbl.get(s)));
    src.share = total(bySicbl.get(sicbl)) / parts.reduce((a, b) => a + b, 0);
  }
  const sicbls = new Set(lsoa21.map((a) => a.sicbl24_code!));
  report.check('Sub-ICB 2024 locations → CancerData units (≥ 98 % of residents in common)', sicbls, out, 0);
  report.check('CancerData units → Sub-ICB 2024 locations', new Set(unitOf11.values()), { has: (u) => [...out.values()].some((s) => s.unit === u) });
  if (problems.length) report.check('CancerData units that do not map cleanly', problems, { has: () => false });
  return out;
}

/** Main 2024 Sub-ICB location of each July 2022 one (for QOF 2022-23's practice mapping). */
export function sicbl22To24(sicblOf11: Map<string, string>, bridge: BridgeRow[], lsoa21: AreaRow[], report: JoinReport): Map<string, string> {
  const { byGroup } = overlap(sicblOf11, bridge, lsoa21);
  const out = new Map<string, string>();
  for (const [s22, targets] of byGroup) {
    const [s24, common] = [...targets].sort((a, b) => b[1] - a[1])[0];
    out.set(s22, s24);
    if (s22 !== s24) report.note(`Sub-ICB 2022 ${s22} → 2024 ${s24} (${(100 * common / total(targets)).toFixed(2)} % of its residents)`);
  }
  return out;
}
