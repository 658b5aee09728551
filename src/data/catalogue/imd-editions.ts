/**
 * What differs between the two editions of the Indices of Deprivation in the atlas: the LSOAs they
 * were published on, where their LSOA rows come from at each level, the population that weights them
 * and MHCLG's summaries that exist for them. The measure builders (imd-lsoa-measures.ts,
 * imd-summary-measures.ts) read only this, so both editions behave alike wherever the data allow.
 */
import { LEVELS, type LevelId } from '../../geo/levels';
import { OGL } from './level-rules';
import type { AggregateRule, BaseTable, Indicator, PublishedRule } from './types';

export type Edition = 2025 | 2019;

const MHCLG = 'Ministry of Housing, Communities and Local Government (MHCLG)';

/** LSOAs ranked by each edition (the N of "rank 1 to N"). */
export const LSOAS: Record<Edition, number> = { 2025: 33_755, 2019: 32_844 };

/** IMD 2019 carried onto 2021 LSOAs (scripts/pipeline/imd2019-bridge.ts). */
export const BRIDGE: BaseTable = { table: 'imd2019_lsoa21', level: 'lsoa21' };

/** Levels summarised from LSOAs (every 2021-based level above LSOA). */
export const SUMMARY_LEVELS: LevelId[] = ['ward24', 'lad24', 'sicbl24', 'icb24', 'cal19'];

/** Which LSOA rows a derived summary reads at a level: 2019 reaches 2021 levels through the bridge. */
function baseAt(edition: Edition, level: LevelId, viaBridgeEverywhere = false): BaseTable | undefined {
  if (edition === 2025) return undefined;
  // Local authorities and ICBs are made of whole 2011 LSOAs: MHCLG's own LSOAs and mid-2015 denominators.
  if (!viaBridgeEverywhere && (level === 'lad24' || level === 'icb24')) return undefined;
  return BRIDGE;
}

function residentsAt(edition: Edition, level: LevelId, viaBridgeEverywhere = false): string {
  if (level === 'lsoa11' || (edition === 2019 && !viaBridgeEverywhere && (level === 'lad24' || level === 'icb24'))) {
    return 'mid-2015 residents of the 2011 LSOAs (IoD2019 population denominators, the ones MHCLG used)';
  }
  return 'Census 2021 usual residents';
}

export const published = (edition: Edition, domain: string, value: string, rank?: string, otherwise?: AggregateRule): PublishedRule => ({
  kind: 'published', table: 'imd_summary', filter: { edition: String(edition), domain }, value, note: 'note', ...(rank ? { rank } : {}), ...(otherwise ? { otherwise } : {}),
});

const OFFICIAL_FILE: Record<Edition, Partial<Record<LevelId, string>>> = {
  2025: { lad24: 'IoD2025 File 10, local authority districts 2024', icb24: 'IoD2025 File 13, Integrated Care Boards' },
  2019: { lad24: 'IoD2019 File 10, for the 289 councils unchanged since 2019' },
};

export function derivedNote(edition: Edition, level: LevelId, what: string, viaBridgeEverywhere = false): string {
  const bridge = baseAt(edition, level, viaBridgeEverywhere) ? ' IMD 2019 is taken onto 2021 LSOAs through the ONS LSOA 2011→2021 lookup first (see the LSOA 2021 method).' : '';
  return `Derived by the atlas, same method as MHCLG: ${what}, weighted by ${residentsAt(edition, level, viaBridgeEverywhere)}.${bridge}`;
}

export function officialNote(edition: Edition, level: LevelId, what: string): string {
  const file = OFFICIAL_FILE[edition][level];
  return `Official MHCLG value (${file}): ${what}, as published with MHCLG's own population denominators; the rank is MHCLG's.`;
}

/** "all wards in England": what a rank or decile among areas of a level is taken among. */
export function amongAll(level: LevelId): string {
  const noun = LEVELS[level].noun;
  return `all ${noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`} in England`;
}

export const NOT_ON_2011 = 'IMD 2025 is published for 2021 LSOAs; pick LSOA 2021 or a larger area.';

export function editionBase(edition: Edition, id: string, extraSources: string[] = []): Pick<Indicator, 'group' | 'table' | 'nativeLevel' | 'period' | 'source' | 'caveats'> {
  return {
    group: `IMD ${edition}`,
    table: edition === 2025 ? 'imd2025' : 'imd2019',
    nativeLevel: edition === 2025 ? 'lsoa21' : 'lsoa11',
    period: edition === 2025 ? 'IoD2025 (published October 2025; most indicators 2022–23), on 2021 LSOAs' : 'IoD2019 (published September 2019; most indicators 2015–16), on 2011 LSOAs',
    source: {
      publisher: MHCLG, licence: OGL,
      dataset: edition === 2025 ? 'English Indices of Deprivation 2025' : 'English Indices of Deprivation 2019',
      sourceIds: [...(edition === 2025 ? ['imd2025', 'census2021Population'] : ['imd2019', 'imd2019Population', 'lsoa11Lsoa21', 'census2021Population']), ...extraSources],
      publishedSourceIds: extraSources,
    },
    caveats: [
      'Deprivation is relative: a rank says an area is more deprived than another, not by how much. Scores are not comparable between editions; compare IMD 2019 and IMD 2025 by rank or decile (relative position), never by score difference.',
      ...(edition === 2019 ? [
        'IMD 2019 was published for 2011 LSOAs. On 2021 LSOAs and the levels built from them it is carried over through the ONS LSOA 2011→2021 lookup: unchanged and split LSOAs take their 2011 LSOA\'s rank and decile; merged ones (and the few "complex" changes) take the average rank of their 2011 LSOAs weighted by mid-2015 residents, and the decile band of that average. The counts of each kind are in the data build report.',
      ] : []),
      ...(id.endsWith('.decile') ? ['A decile belongs to one LSOA: deciles are never averaged. For larger areas see Core20 residents, the proportion of LSOAs in the most deprived 10 % or the rank of the average score.'] : []),
    ],
  };
}
