/**
 * Stage at diagnosis for the 21 Cancer Alliances of NHS England's 2022 mapping. Every ICB lies wholly
 * in one of them, so each alliance's counts are the sum of its ICBs' rows: exact for the 2022
 * definitions, and the only way to get East of England North and South (NDRS reports East of England
 * as one). NDRS's own rows are for its 20-alliance set; matched by name (with the renames below) they
 * are identical to the ICB sums for 16 alliances and for East of England as a whole, and differ for
 * four, because two places sit in another alliance in NDRS's set than in the 2022 mapping:
 *  - Bassetlaw: in "South Yorkshire and Bassetlaw" (NDRS); in East Midlands (2022, with Nottingham and
 *    Nottinghamshire ICB), so the 2022 South Yorkshire alliance is South Yorkshire ICB alone;
 *  - Swindon: in Thames Valley (NDRS, as in 2019); in Somerset, Wiltshire, Avon and Gloucestershire
 *    (2022, with Bath and North East Somerset, Swindon and Wiltshire ICB).
 * The cross-check below proves both: in every year, site and stage the difference in one alliance of
 * a pair is exactly the opposite of the difference in the other, and every other alliance agrees.
 */
import type { JoinReport } from './join-report';
import { STAGE_COUNTS, type StageCount, type StageRow } from './read-stage';

/** NDRS alliance name → the 2022 alliance(s) it corresponds to, where the names differ. */
const NDRS_ALLIANCE_RENAMES: Readonly<Record<string, readonly string[]>> = {
  'East of England': ['East of England - North', 'East of England - South'],
  'Lancashire and South Cumbria': ['Lancashire & South Cumbria'],
  'South Yorkshire and Bassetlaw': ['South Yorkshire'],
};

/** Places counted in a different alliance by NDRS than by the 2022 mapping: [NDRS alliance, 2022 alliance it belongs to now]. */
const MEMBERSHIP_MOVES: readonly { place: string; ndrs: string; ndrsTwin: string }[] = [
  { place: 'Bassetlaw', ndrs: 'South Yorkshire and Bassetlaw', ndrsTwin: 'East Midlands' },
  { place: 'Swindon', ndrs: 'Thames Valley', ndrsTwin: 'Somerset, Wiltshire, Avon and Gloucestershire' },
];

type Counts = Record<StageCount, number>;
const key = (name: string, year: number, site: string) => `${name}|${year}|${site}`;

export function sumCounts(rows: Counts[]): Counts {
  const out = Object.fromEntries(STAGE_COUNTS.map((c) => [c, 0])) as Counts;
  for (const r of rows) for (const c of STAGE_COUNTS) out[c] += r[c];
  return out;
}

/** Counts per 2022 alliance code, year and site, summed from the ICB rows (`icbCode` resolves names). */
export function allianceRowsFromIcbs(icbRows: StageRow[], icbCode: (name: string) => string | undefined, allianceOf: Map<string, string>): Map<string, Counts> {
  const out = new Map<string, Counts[]>();
  for (const r of icbRows) {
    const cal = allianceOf.get(icbCode(r.name) ?? '');
    if (!cal) throw new Error(`stage: ICB "${r.name}" has no 2022 Cancer Alliance`);
    const k = key(cal, r.year, r.site);
    out.set(k, [...(out.get(k) ?? []), r.counts]);
  }
  return new Map([...out].map(([k, v]) => [k, sumCounts(v)]));
}

/**
 * Compares NDRS's 20-alliance rows with the ICB-built 2022 alliances (by name), records the result in
 * the join report and fails the build on any difference the two known moves do not explain.
 */
export function crossCheckAlliances(ndrs: StageRow[], built: Map<string, Counts>, names: Map<string, string>, report: JoinReport): void {
  const codeOfName = new Map([...names].map(([code, name]) => [name, code]));
  const targets = (ndrsName: string) => (NDRS_ALLIANCE_RENAMES[ndrsName] ?? [ndrsName]).map((n) => codeOfName.get(n));
  const ndrsNames = [...new Set(ndrs.map((r) => r.name))];
  report.check('NDRS stage alliances (20) → Cancer Alliances 2022 by name', ndrsNames, { has: (n) => targets(n).every((c) => c !== undefined) });
  const reached = ndrsNames.flatMap((n) => targets(n));
  report.check('Cancer Alliances 2022 → NDRS stage alliances (each once)', names.keys(), { has: (c) => reached.filter((x) => x === c).length === 1 });

  const diff = new Map<string, number>(); // NDRS minus ICB-built, per alliance|year|site|count
  const totals = new Map<string, { cells: number; differing: number; net: number; ndrsTotal: number }>();
  for (const r of ndrs) {
    const codes = targets(r.name);
    if (codes.some((c) => c === undefined)) continue;
    const t = totals.get(r.name) ?? { cells: 0, differing: 0, net: 0, ndrsTotal: 0 };
    for (const c of STAGE_COUNTS) {
      const ours = codes.reduce((s, code) => s + (built.get(key(code!, r.year, r.site))?.[c] ?? 0), 0);
      const d = r.counts[c] - ours;
      diff.set(`${key(r.name, r.year, r.site)}|${c}`, d);
      t.cells++;
      t.ndrsTotal += r.counts[c];
      if (d !== 0) t.differing++;
      t.net += d;
    }
    totals.set(r.name, t);
  }
  const moved = new Set(MEMBERSHIP_MOVES.flatMap((m) => [m.ndrs, m.ndrsTwin]));
  const unexplained: string[] = [];
  for (const [name, t] of [...totals].sort()) {
    if (t.differing === 0) report.note(`Stage, ${name}: NDRS's row equals the sum of its 2022 ICBs in all ${t.cells} year × site × stage cells`);
    else if (!moved.has(name)) unexplained.push(`${name} (${t.differing} cells)`);
  }
  for (const m of MEMBERSHIP_MOVES) {
    let mirrored = true;
    for (const [k, d] of diff) {
      if (!k.startsWith(`${m.ndrs}|`)) continue;
      if (diff.get(k.replace(`${m.ndrs}|`, `${m.ndrsTwin}|`)) !== -d) mirrored = false;
    }
    const t = totals.get(m.ndrs);
    report.note(`Stage, ${m.place}: counted in "${m.ndrs}" by NDRS and in the 2022 alliance of "${m.ndrsTwin}"; NDRS's "${m.ndrs}" exceeds its 2022 counterpart by `
      + `${t?.net.toLocaleString('en-GB')} tumours over 2013–2022, all sites and stages (the same number missing from "${m.ndrsTwin}" in every cell: ${mirrored ? 'yes' : 'NO'})`);
    if (!mirrored || !t) unexplained.push(`${m.ndrs} / ${m.ndrsTwin}`);
  }
  report.none('NDRS alliance rows that differ from the ICB-built 2022 alliances beyond the Bassetlaw and Swindon moves', unexplained);
}
