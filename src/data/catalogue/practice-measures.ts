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
  unit: '%' | 'patients';
  /** A register's share of a list (Wilson 95 % interval), or a count. */
  kind: 'proportion' | 'count';
  /** QOF register group code (proportions) or null (the list size). */
  group: string | null;
  definition: string;
}

const LIST_SIZE_ID = 'qof.list_size';

export const PRACTICE_MEASURES: readonly PracticeMeasure[] = [
  {
    id: LIST_SIZE_ID, label: 'Registered patients (QOF 2022-23 list size, all ages)', short: 'List size', unit: 'patients', kind: 'count', group: null,
    definition: 'Patients registered at the practice (all ages) as counted for QOF 2022-23; for a PCN, the sum over its practices.',
  },
  ...QOF_REGISTERS.map((r): PracticeMeasure => ({
    id: `qof.${r.group.toLowerCase()}.prevalence`,
    label: `${r.name} register, % of registered patients ${r.ages} (QOF 2022-23 recorded prevalence)`,
    short: `${r.name} register %`,
    unit: '%', kind: 'proportion', group: r.group,
    definition: `Patients on the QOF ${r.name.toLowerCase()} register divided by the practice list ${r.ages} (QOF list type ${r.listType}), with a Wilson 95 % interval. Recorded prevalence: it reflects case-finding and coding as well as disease, so it is context, not a measure of better or worse. A PCN's value sums its practices' registers and lists.`,
  })),
];

export function practiceMeasure(id: string): PracticeMeasure | undefined {
  return PRACTICE_MEASURES.find((m) => m.id === id);
}
