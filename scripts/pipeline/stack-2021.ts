/**
 * The 2021 geography stack: LSOA 2021 polygons with their ward, local authority, Sub-ICB location and
 * ICB (ONS lookups), their Cancer Alliance of NHS England's 2022 mapping (cal22-assignment.ts) and of
 * the 2019 definitions (derived, see cal19-assignment.ts) and Census 2021 residents, and the coarser
 * levels dissolved from them.
 */
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { LevelId } from '../../src/geo/levels';
import { vertexContiguity } from '../../src/geo/vertex-contiguity';
import { majorityParent, PARENT_KEYS, type AreaRow, type ParentKey } from './area-row';
import { dissolve, polygonalFeatures, toTopology, type LevelContiguity } from './build-topology';
import { assignCancerAlliances, type Cal19Inputs } from './cal19-assignment';
import { assignCal22, readCal22Mapping } from './cal22-assignment';
import { JoinReport } from './join-report';
import { placement } from './label-points';
import { readBoundaries, readCensus2021, readLsoa21Icb24, readLsoa21Ward24Lad24 } from './read-sources';

export interface StackOutput {
  areas: AreaRow[];
  topologies: Partial<Record<LevelId, Topology>>;
  /** Queen and rook neighbours of each level from the unquantised boundaries, in topology (code) order. */
  contiguity: Partial<Record<LevelId, LevelContiguity>>;
}

export interface Stack2021Inputs { boundaries: string; wardLookup: string; icbLookup: string; population: string; cal19: Cal19Inputs; cal22Mapping: string }

export async function buildStack2021(input: Stack2021Inputs, report: JoinReport): Promise<StackOutput> {
  const raw = await readBoundaries(input.boundaries, ['lsoa21_code', 'LSOA21CD'], ['lsoa21_name', 'LSOA21NM']);
  const boundaries = polygonalFeatures(raw, input.boundaries);
  const names = new Map(raw.map((f) => [f.code, f.name]));
  const wards = await readLsoa21Ward24Lad24(input.wardLookup);
  const nhs = await readLsoa21Icb24(input.icbLookup);
  const pop = await readCensus2021(input.population);
  const codes = boundaries.map((b) => b.code);
  report.check('LSOA 2021 boundaries → ward/LAD 2024 lookup', codes, wards);
  report.check('LSOA 2021 boundaries → Sub-ICB/ICB 2024 lookup', codes, nhs);
  report.check('LSOA 2021 boundaries → Census 2021 population', codes, pop);
  const alliances = await assignCancerAlliances(input.cal19, codes, report);
  const cal22 = assignCal22(await readCal22Mapping(input.cal22Mapping), nhs, codes, report);

  const base = toTopology('lsoa21', boundaries);
  const topologies: StackOutput['topologies'] = { lsoa21: base };
  const sorted = [...boundaries].sort((a, b) => (a.code < b.code ? -1 : 1));
  const contiguity: StackOutput['contiguity'] = { lsoa21: { ids: sorted.map((b) => b.code), ...vertexContiguity(sorted.map((b) => b.geometry)) } };
  const areas: AreaRow[] = [];
  const geomOf = new Map(boundaries.map((b) => [b.code, b.geometry]));
  for (const code of [...codes].sort()) {
    const w = wards.get(code)!;
    const n = nhs.get(code)!;
    const p = pop.get(code)!;
    areas.push({
      level: 'lsoa21', code, name: names.get(code)!, ward24_code: w.ward24_code, lad24_code: w.lad24_code,
      sicbl24_code: n.sicbl24_code, icb24_code: n.icb24_code, cal22_code: cal22.calOf.get(code)!, cal19_code: alliances.calOf.get(code)!,
      population: p.total, population_16plus: p.age16plus, place: placement(geomOf.get(code)!),
    });
  }

  const lsoaRows = areas.slice();
  // Coarsest last: each level records the majority parent at every coarser level after it.
  const levels: { id: LevelId; key: ParentKey; name: (code: string) => string }[] = [
    { id: 'ward24', key: 'ward24_code', name: nameFrom(wards, 'ward24_code', 'ward24_name') },
    { id: 'lad24', key: 'lad24_code', name: nameFrom(wards, 'lad24_code', 'lad24_name') },
    { id: 'sicbl24', key: 'sicbl24_code', name: sicblName(nameFrom(nhs, 'sicbl24_code', 'sicbl24_name'), alliances.ccg21Of, lsoaRows) },
    { id: 'icb24', key: 'icb24_code', name: nameFrom(nhs, 'icb24_code', 'icb24_name') },
    { id: 'cal22', key: 'cal22_code', name: (code) => cal22.names.get(code) ?? code },
    { id: 'cal19', key: 'cal19_code', name: (code) => alliances.names.get(code) ?? code },
  ];
  const byCode = new Map(lsoaRows.map((r) => [r.code, r]));
  for (const level of levels) {
    const merged = dissolve(base, 'lsoa21', (c) => byCode.get(c)?.[level.key] ?? undefined);
    const topo = toTopology(level.id, merged);
    topologies[level.id] = topo;
    // Neighbours of the dissolved areas from their member LSOAs' unquantised vertices (not from the merged, quantised arcs).
    const ids = merged.map((m) => m.code).sort();
    const index = new Map(ids.map((code, i) => [code, i]));
    const groupOf = Int32Array.from(sorted, (b) => index.get(byCode.get(b.code)![level.key]!)!);
    contiguity[level.id] = { ids, ...vertexContiguity(sorted.map((b) => b.geometry), { groupOf, groups: ids.length }) };
    const geometries = (feature(topo, topo.objects[level.id]) as FeatureCollection).features;
    const members = groupBy(lsoaRows, (r) => r[level.key]!);
    for (const f of geometries) {
      const code = String(f.id);
      const m = members.get(code)!;
      const parents = Object.fromEntries(PARENT_KEYS.map((k) => [k, null])) as Record<ParentKey, string | null>;
      for (const coarser of levels.slice(levels.indexOf(level) + 1)) {
        parents[coarser.key] = majorityParent(m.map((r) => ({ parent: r[coarser.key], population: r.population })));
      }
      areas.push({
        level: level.id, code, name: level.name(code), ...parents,
        population: sum(m, (r) => r.population),
        population_16plus: sum(m, (r) => r.population_16plus ?? 0),
        place: placement(f.geometry as MultiPolygon),
      });
    }
    report.note(`${level.id}: ${geometries.length} areas dissolved from ${lsoaRows.length} LSOAs`);
  }
  return { areas, topologies, contiguity };
}

/**
 * Sub-ICB locations are named after their ICB and ODS code ("NHS Cheshire and Merseyside ICB - 01F");
 * where a location is exactly a former CCG (same code) the CCG's place name is added, the name
 * planners still use ("… - 01F (Halton)").
 */
function sicblName(official: (code: string) => string, ccg21Of: Map<string, { code: string; name: string }>, lsoas: AreaRow[]): (code: string) => string {
  const ccgName = new Map<string, string>();
  for (const r of lsoas) {
    const ccg = ccg21Of.get(r.code);
    if (ccg && ccg.code === r.sicbl24_code) ccgName.set(ccg.code, ccg.name.replace(/^NHS /, '').replace(/ CCG$/, ''));
  }
  return (code) => (ccgName.has(code) ? `${official(code)} (${ccgName.get(code)})` : official(code));
}

function nameFrom<T>(m: Map<string, T>, codeKey: keyof T, nameKey: keyof T): (code: string) => string {
  const names = new Map<string, string>();
  for (const v of m.values()) names.set(String(v[codeKey]), String(v[nameKey]));
  return (code) => names.get(code) ?? code;
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

