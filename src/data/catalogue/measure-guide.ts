/**
 * "What these measures mean": a plain-language guide for commissioners, generated from the catalogue
 * so it can never disagree with the maps. Per measure: where it is measured and how larger or smaller
 * areas get a value, its direction, and every caveat (including those of particular periods or
 * sites); then the points that apply across measures.
 */
import { LEVELS, levelIds, type LevelId } from '../../geo/levels';
import { directionText } from './direction';
import type { Indicator, LevelRule } from './types';

const names = (levels: LevelId[]) => levels.map((l) => LEVELS[l].label).join(', ');

function group(ind: Indicator, kinds: (r: LevelRule) => boolean): LevelId[] {
  return levelIds().filter((l) => {
    const r = ind.levels[l];
    return r !== undefined && kinds(r);
  });
}

/** Where the measure has values and what kind they are there, in one paragraph. */
function whereText(ind: Indicator): string {
  const parts: string[] = [];
  // A level read as stored but not as the publisher released it (IMD 2019 carried onto 2021 LSOAs, a
  // practice file summed by Sub-ICB) is described by its method note, never as "published".
  const carried = levelIds().filter((l) => ind.levels[l]?.kind === 'native' && l !== ind.nativeLevel && ind.methodNote?.[l]);
  const own = group(ind, (r) => r.kind === 'native').filter((l) => !carried.includes(l));
  const official = group(ind, (r) => r.kind === 'published');
  const inherited = group(ind, (r) => r.kind === 'inherit');
  const derived = group(ind, (r) => !['native', 'published', 'inherit'].includes(r.kind));
  const missing = levelIds().filter((l) => !ind.levels[l]);
  if (own.length) parts.push(`Published for ${names(own)}.`);
  for (const l of carried) parts.push(ind.methodNote![l]!);
  if (official.length) parts.push(`Official publisher's summaries for ${names(official)}.`);
  if (derived.length) parts.push(`Computed by the atlas from smaller areas for ${names(derived)}.`);
  if (inherited.length) {
    const from = [...new Set(inherited.map((l) => (ind.levels[l] as Extract<LevelRule, { kind: 'inherit' }>).from))];
    parts.push(`On ${names(inherited)} maps every area repeats the value of the ${from.map((f) => LEVELS[f].noun).join(' or ')} it lies in: not small-area data.`);
  }
  if (missing.length) parts.push(`Not available for ${names(missing)}.`);
  return parts.join(' ');
}

/** Caveats of the measure and of any of its period or site choices, once each. */
function allCaveats(ind: Indicator): string[] {
  const choice = (ind.dimensions ?? []).flatMap((d) => d.values.flatMap((v) => (v.caveat ? [v.caveat] : [])));
  return [...new Set([...ind.caveats, ...choice])];
}

interface MeasureGuide {
  id: string;
  label: string;
  definition: string;
  source: string;
  direction: string;
  vintage: string;
  unit: string;
  where: string;
  caveats: string[];
}

export function measureGuide(ind: Indicator): MeasureGuide {
  return {
    id: ind.id, label: ind.label, definition: ind.definition,
    source: `${ind.source.dataset} (${ind.source.publisher}, ${ind.source.licence})`,
    direction: directionText(ind), vintage: ind.publishedGeography ? `${ind.period}; published for ${ind.publishedGeography}` : ind.period,
    unit: ind.unit, where: whereText(ind), caveats: allCaveats(ind),
  };
}

/** The points a commissioner needs before reading any map, across measures. */
export const KEY_POINTS: { title: string; text: string }[] = [
  {
    title: 'Core20 and its edition',
    text: 'Core20 is NHS England\'s most deprived 20 % of the population: people living in LSOAs in national IMD deciles 1–2. NHS England\'s published Core20 figures use IMD 2019; the atlas offers Core20 by IMD 2019 and by IMD 2025 and names the edition on every label. For a ward, council, Sub-ICB location, ICB or Cancer Alliance the Core20 figures are the number and share of its residents living in Core20 LSOAs, never the area\'s rank among areas like it. The Core20 rule presets use IMD 2019 and count a larger area as Core20 when at least half of its residents live in Core20 LSOAs.',
  },
  {
    title: 'Official and derived deprivation summaries',
    text: 'For local authorities (and, for IMD 2025, ICBs) the atlas shows MHCLG\'s official summaries: average score, average rank, proportion of LSOAs in the most deprived 10 %, extent and local concentration, each with MHCLG\'s rank. "Rank of average score" and "rank of average rank" are different measures. For wards, Sub-ICB locations and Cancer Alliances, and where MHCLG published nothing, the atlas derives the same summaries by MHCLG\'s method and says which residents weight them (Census 2021, or mid-2015 for IMD 2019 on its own 2011 LSOAs).',
  },
  {
    title: 'Comparing IMD 2019 and IMD 2025',
    text: 'Scores are not comparable between editions: compare by rank or decile (relative position), never by score difference. IMD 2019 was published for 2011 LSOAs and is carried onto today\'s 2021 LSOAs and wards through the ONS LSOA 2011→2021 lookup (unchanged and split LSOAs keep their 2011 rank and decile; merged ones take the resident-weighted average rank); the data build report counts each kind of change.',
  },
  {
    title: 'Values repeated from larger areas',
    text: 'Adult smoking and preventable cancer mortality are published for local authorities, and cancer incidence and the cancer register for Sub-ICB locations. On ward and LSOA maps every area inside one shows that area\'s value, outlined on the map and marked "area-level value". A composite index or rule that mixes them with LSOA deprivation says so: within one council or Sub-ICB location such an index ranks areas by deprivation alone.',
  },
  {
    title: 'COVID-19 and 2020',
    text: 'Cancer diagnoses fell in 2020 because of COVID-19 (lung cancer −8 % on 2019). Every period that includes 2020 carries that warning; the composite index and the "high lung cancer" rule use 2015–2019.',
  },
  {
    title: 'Smoking: survey method change and significance',
    text: 'The Annual Population Survey moved from face-to-face to telephone interviews in 2020: trend charts mark the break. Confidence intervals for local authority smoking are held for 2019 only, so only 2019 values are ever called "significantly" different from England; other years are compared on the value ("above England\'s value").',
  },
  {
    title: 'Direction: worse, better or context',
    text: 'Every measure says which end is worse. Some are context, not need: the GP cancer register (higher where people are older and survive longer) and counts of cases. Context measures are never called better or worse, and the composite index asks you to choose their direction.',
  },
  {
    title: 'Superseded series',
    text: 'Under-75 mortality from preventable cancers ends with 2015–17 and uses the definition in force before 2021; it is shown for background only.',
  },
];
