/**
 * The 2011 geography stack that IMD 2019 was published on: LSOA 2011 polygons, mid-2015 population
 * (IoD2019 File 6), and parents translated to 2024 codes (LAD 2019 → 2024 through the code history,
 * ICB 2022 → 2024 recodes) so a focus on a 2024 borough or ICB also works on this level.
 */
import type { AreaRow } from './area-row';
import { vertexContiguity } from '../../src/geo/vertex-contiguity';
import { polygonalFeatures, toTopology } from './build-topology';
import type { JoinReport } from './join-report';
import { placement } from './label-points';
import { readBoundaries, readImd2019Population, readLadCodeChanges, readLsoa11Icb22, type Imd2019Row } from './read-sources';
import type { StackOutput } from './stack-2021';

export interface Stack2011Inputs { boundaries: string; population: string; ladChanges: string; icbLookup: string }

export async function buildStack2011(input: Stack2011Inputs, imd2019: Imd2019Row[], report: JoinReport): Promise<StackOutput> {
  const raw = await readBoundaries(input.boundaries, ['LSOA11CD', 'lsoa11_code'], ['LSOA11NM', 'lsoa11_name']);
  const boundaries = polygonalFeatures(raw, input.boundaries);
  const pop = await readImd2019Population(input.population);
  const toLad24 = await readLadCodeChanges(input.ladChanges);
  const icb = await readLsoa11Icb22(input.icbLookup);
  const imd = new Map(imd2019.map((r) => [r.code, r]));
  const codes = boundaries.map((b) => b.code);
  report.check('LSOA 2011 boundaries → IoD2019', codes, imd);
  report.check('LSOA 2011 boundaries → mid-2015 population', codes, pop);
  report.check('LSOA 2011 boundaries → ICB 2022 lookup', codes, icb);
  report.check('LAD 2019 codes of IoD2019 → LAD 2024', new Set(imd2019.map((r) => r.lad19_code)), toLad24);

  const geomOf = new Map(boundaries.map((b) => [b.code, b.geometry]));
  const names = new Map(raw.map((f) => [f.code, f.name]));
  const areas: AreaRow[] = [...codes].sort().map((code) => ({
    level: 'lsoa11', code, name: names.get(code)!, ward24_code: null,
    lad24_code: toLad24.get(imd.get(code)!.lad19_code) ?? null, icb24_code: icb.get(code) ?? null,
    population: pop.get(code)!, population_16plus: null, place: placement(geomOf.get(code)!),
  }));
  const sorted = [...boundaries].sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    areas,
    topologies: { lsoa11: toTopology('lsoa11', boundaries) },
    contiguity: { lsoa11: { ids: sorted.map((b) => b.code), ...vertexContiguity(sorted.map((b) => b.geometry)) } },
  };
}
