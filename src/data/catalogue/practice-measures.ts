/**
 * GP practice and Primary Care Network levels and their measures (QOF 2022-23). These are not area
 * levels: a practice is a point with a registered list, and a PCN is a group of practices, not a
 * polygon, so they live beside LEVELS rather than in it. A PCN's figures are sums of its practices'
 * registers and list sizes (never means of practice rates). Registers are context measures: a larger
 * register can mean more disease or better case-finding, so no direction is implied.
 */
export const PRACTICE_LEVEL_IDS = ['practice', 'pcn'] as const;
export type PracticeLevelId = (typeof PRACTICE_LEVEL_IDS)[number];

export const PRACTICE_LEVELS: Readonly<Record<PracticeLevelId, { id: PracticeLevelId; label: string; noun: string }>> = {
  practice: { id: 'practice', label: 'GP practice (QOF 2022-23)', noun: 'practice' },
  pcn: { id: 'pcn', label: 'Primary Care Network (QOF 2022-23 mapping; a group of practices, not an area)', noun: 'PCN' },
};

export const isPracticeLevel = (x: unknown): x is PracticeLevelId => typeof x === 'string' && (PRACTICE_LEVEL_IDS as readonly string[]).includes(x);

export const NEIGHBOURHOOD_SOURCE = 'English Indices of Deprivation 2025 (MHCLG) and Census 2021 usual residents (ONS), on LSOA 2021; practice locations from the NHS website (2019). Approximate: a practice\'s patients do not live only next to it.';

export const QOF_SOURCE = 'Quality and Outcomes Framework 2022-23, NHS England (OGL v3.0); practice → PCN → Sub-ICB mapping of the same release.';

/** QOF's 21 registers, named as NHS England names them, with the list each one is a share of. */
export const QOF_REGISTERS: readonly { group: string; name: string; listType: string; ages: string }[] = [
  { group: 'AF', name: 'Atrial fibrillation', listType: 'TOTAL', ages: 'all ages' },
  { group: 'AST', name: 'Asthma', listType: '06OV', ages: 'aged 6 and over' },
  { group: 'CAN', name: 'Cancer', listType: 'TOTAL', ages: 'all ages' },
  { group: 'CHD', name: 'Coronary heart disease', listType: 'TOTAL', ages: 'all ages' },
  { group: 'CKD', name: 'Chronic kidney disease', listType: '18OV', ages: 'aged 18 and over' },
  { group: 'COPD', name: 'Chronic obstructive pulmonary disease', listType: 'TOTAL', ages: 'all ages' },
  { group: 'DEM', name: 'Dementia', listType: 'TOTAL', ages: 'all ages' },
  { group: 'DEP', name: 'Depression', listType: '18OV', ages: 'aged 18 and over' },
  { group: 'DM', name: 'Diabetes mellitus', listType: '17OV', ages: 'aged 17 and over' },
  { group: 'EP', name: 'Epilepsy', listType: '18OV', ages: 'aged 18 and over' },
  { group: 'HF', name: 'Heart failure', listType: 'TOTAL', ages: 'all ages' },
  { group: 'HYP', name: 'Hypertension', listType: 'TOTAL', ages: 'all ages' },
  { group: 'LD', name: 'Learning disability', listType: 'TOTAL', ages: 'all ages' },
  { group: 'MH', name: 'Mental health', listType: 'TOTAL', ages: 'all ages' },
  { group: 'NDH', name: 'Non-diabetic hyperglycaemia', listType: '18OV', ages: 'aged 18 and over' },
  { group: 'OB', name: 'Obesity', listType: '18OV', ages: 'aged 18 and over' },
  { group: 'OST', name: 'Osteoporosis', listType: '50OV', ages: 'aged 50 and over' },
  { group: 'PAD', name: 'Peripheral arterial disease', listType: 'TOTAL', ages: 'all ages' },
  { group: 'PC', name: 'Palliative care', listType: 'TOTAL', ages: 'all ages' },
  { group: 'RA', name: 'Rheumatoid arthritis', listType: '16OV', ages: 'aged 16 and over' },
  { group: 'STIA', name: 'Stroke and transient ischaemic attack', listType: 'TOTAL', ages: 'all ages' },
];

export interface PracticeMeasure {
  id: string;
  label: string;
  short: string;
  unit: '%' | 'patients' | 'score';
  /** A register's share of a list (Wilson 95 % interval), a count, or residents around the practice (no interval: not a sample). */
  kind: 'proportion' | 'count' | 'neighbourhood';
  /** QOF register group code (proportions) or null (the list size, neighbourhood measures). */
  group: string | null;
  /** Registers and list size are context; neighbourhood deprivation reads like the IMD (higher = more deprived). */
  polarity: 'neutral' | 'higher-worse';
  /** Neighbourhood measures: which residents-weighted statistic of the LSOAs around the practice. */
  stat?: 'imd2025_score' | 'imd2025_core20';
  definition: string;
}

const LIST_SIZE_ID = 'qof.list_size';

const NEIGHBOURHOOD_RULE = 'Approximate: a practice\'s patients do not live only next to it. The neighbourhood is the 10 LSOAs (2021) whose map point (a point inside each LSOA, the centre of mass of its generalised boundary; population-weighted centroids are not in the data) lies nearest the practice, among those within 15 km (fewer where fewer lie that close, e.g. on islands); for a PCN, the LSOAs around any of its practices, each counted once.';
const NEIGHBOURHOOD_CAVEAT = 'It describes the area where the practice is, not where its registered patients live; residents are counted in full, so it has no sampling interval.';

export const PRACTICE_MEASURES: readonly PracticeMeasure[] = [
  {
    id: LIST_SIZE_ID, label: 'Registered patients (QOF 2022-23 list size, all ages)', short: 'List size', unit: 'patients', kind: 'count', group: null, polarity: 'neutral',
    definition: 'Patients registered at the practice (all ages) as counted for QOF 2022-23; for a PCN, the sum over its practices.',
  },
  ...QOF_REGISTERS.map((r): PracticeMeasure => ({
    id: `qof.${r.group.toLowerCase()}.prevalence`,
    label: `${r.name} register, % of registered patients ${r.ages} (QOF 2022-23 recorded prevalence)`,
    short: `${r.name} register %`,
    unit: '%', kind: 'proportion', group: r.group, polarity: 'neutral',
    definition: `Patients on the QOF ${r.name.toLowerCase()} register divided by the practice list ${r.ages} (QOF list type ${r.listType}), with a Wilson 95 % interval. Recorded prevalence: it reflects case-finding and coding as well as disease, so it is context, not a measure of better or worse. A PCN's value sums its practices' registers and lists.`,
  })),
  {
    id: 'practice.neighbourhood.imd2025.score', label: 'Neighbourhood deprivation: IMD 2025 average score of residents of the 10 nearest LSOAs (approximate)', short: 'Neighbourhood IMD 2025 score',
    unit: 'score', kind: 'neighbourhood', group: null, polarity: 'higher-worse', stat: 'imd2025_score',
    definition: `${NEIGHBOURHOOD_RULE} The Index of Multiple Deprivation 2025 score of those LSOAs, averaged with Census 2021 usual residents as weights (higher = more deprived). ${NEIGHBOURHOOD_CAVEAT}`,
  },
  {
    id: 'practice.neighbourhood.imd2025.core20', label: 'Neighbourhood Core20 (IMD 2025): % of residents of the 10 nearest LSOAs living in the most deprived 20 % of LSOAs (approximate)', short: 'Neighbourhood Core20 % (IMD 2025)',
    unit: '%', kind: 'neighbourhood', group: null, polarity: 'higher-worse', stat: 'imd2025_core20',
    definition: `${NEIGHBOURHOOD_RULE} The share of their Census 2021 usual residents who live in LSOAs in national IMD 2025 deciles 1–2 (Core20 by the 2025 edition; NHS England's published Core20 figures use IMD 2019). ${NEIGHBOURHOOD_CAVEAT}`,
  },
];

export function practiceMeasure(id: string): PracticeMeasure | undefined {
  return PRACTICE_MEASURES.find((m) => m.id === id);
}
