/**
 * Stage at diagnosis (NDRS Cancer Data Hub, 2013–2022): the share of cancers diagnosed at stage 1 or 2
 * among those with a known stage (NDRS's grouping: stage 1, 2 and "other early"), with 95 % Wilson
 * intervals, and beside it the share with no stage recorded. Published for ICBs; the 2022 Cancer
 * Alliances add up their ICBs' counts; smaller areas show their ICB's value, marked as inherited.
 */
import type { LevelId } from '../../geo/levels';
import { OGL } from './level-rules';
import { COVID_2020, EARLY_STAGE_AMBITION, STAGE_ALL_SITES, STAGE_PERIODS, STAGE_SITES } from './stage-dimensions';
import type { Indicator } from './types';

const FINER: LevelId[] = ['sicbl24', 'lad24', 'ward24', 'lsoa21', 'lsoa11'];
const NDRS = 'NHS England, National Disease Registration Service (NDRS)';

const STAGE_CAVEATS = [
  'Early stage means stage 1 or 2, including NDRS\'s "other early" group (stage systems other than TNM 1–4, used for some cancers), as a share of cancers with a known stage. Cancers with no stage (unstageable, or stage missing) are left out of that share and shown beside it as "Stage not known %": where many are unstaged, the early share can mislead.',
  COVID_2020,
  '"All sites" is the sum of NDRS\'s 17 site groups (the file has no total row); "Other" is a residual group of sites. Counts are of tumours, by residence at diagnosis.',
  'ICB values are NDRS\'s. Cancer Alliance (2022) values add up their ICBs (every ICB lies wholly in one alliance of NHS England\'s 2022 mapping), which also gives East of England North and South. NDRS\'s own alliance table uses another set of 20 alliances (East of England as one; Bassetlaw counted in "South Yorkshire and Bassetlaw", Swindon in Thames Valley), so for South Yorkshire, East Midlands, Thames Valley and Somerset, Wiltshire, Avon and Gloucestershire the values here differ from it.',
  'Sub-ICB, local authority, ward and LSOA maps show their ICB\'s value (marked as an ICB value): stage is not published for smaller areas.',
  'Small numbers: a single year of a rare site in a small ICB may have only a few dozen staged cancers. The 95 % interval shows how uncertain a share is; pooled periods (2018–2019, 2021–2022, 2013–2022) are steadier. An area is called better or worse than England only when its interval excludes England\'s value.',
];

const SOURCE = {
  publisher: NDRS, licence: OGL, sourceIds: ['ndrsStage', 'cal22Mapping'],
  dataset: 'Cancer Data Hub: Cancer stage at diagnosis by cancer site, England, Cancer Alliances and ICBs, 2013–2022',
};

const INHERITED: Partial<Record<LevelId, string>> = {
  sicbl24: 'Every Sub-ICB location shows its ICB\'s value: stage at diagnosis is published for ICBs, not for smaller areas.',
  lad24: 'Each local authority shows the value of the ICB where most of its residents live (the share is shown where it straddles two): stage is published for ICBs only.',
  ward24: 'Every ward shows its ICB\'s value: stage at diagnosis is published for ICBs, not for smaller areas.',
  lsoa21: 'Every LSOA shows its ICB\'s value: stage at diagnosis is published for ICBs, not for smaller areas.',
  lsoa11: 'Every LSOA shows its (2024) ICB\'s value: stage at diagnosis is published for ICBs, not for smaller areas.',
};

const NOT_CAL19 = 'Stage is published for ICBs and for NDRS\'s own 20 Cancer Alliances, which are neither the 2019 definitions nor the 2022 mapping; 2019 alliances do not all consist of whole ICBs. Pick "Cancer Alliance (2022, NHS England mapping)", whose values add up their ICBs.';

function entry(id: string, label: string, short: string, definition: string, value: string, num: string, den: string, polarity: Indicator['polarity'], unit: string): Indicator {
  return {
    id, label, short, group: 'Cancer stage at diagnosis', definition, source: SOURCE, table: 'cancer_stage', nativeLevel: 'icb24',
    publishedGeography: '42 Integrated Care Boards (named as in 2022; the same areas in 2024) and England',
    columns: { value, numerator: num, denominator: den, note: 'note' }, unit, kind: 'percent', polarity, decimals: 1,
    period: '2013–2022 (single years and pooled periods)', dimensions: [STAGE_PERIODS, STAGE_SITES],
    ci: { method: 'proportion', multiplier: 100 },
    levels: {
      icb24: { kind: 'native' }, cal22: { kind: 'ratio', numerator: num, denominator: den, multiplier: 100 },
      ...Object.fromEntries(FINER.map((l) => [l, { kind: 'inherit', from: 'icb24' }])),
    },
    unavailable: { cal19: NOT_CAL19 },
    methodNote: {
      ...INHERITED,
      icb24: 'Published by NDRS for each ICB; 95 % Wilson interval from the counts.',
      cal22: 'Summed from the counts of the alliance\'s ICBs (each lies wholly in one alliance of NHS England\'s 2022 mapping; East of England North and South are built this way); 95 % Wilson interval.',
    },
    classification: 'quantile', caveats: STAGE_CAVEATS,
  };
}

export const STAGE_INDICATORS: Indicator[] = [
  {
    ...entry('cancer.stage.early', 'Cancers diagnosed at stage 1 or 2, % of those with a known stage (NDRS)', 'Early stage (1–2) %',
      'Percentage of newly diagnosed cancers with a recorded stage that were at stage 1 or 2 (NDRS\'s grouping, including "other early" stages). Higher is better: earlier cancers are more often curable. The NHS Long Term Plan aims for 75 % by 2028.',
      'early_pct', 'early', 'staged', 'lower-worse', '%'),
    // The ambition is for all cancers together: it is not marked for single sites.
    target: { value: EARLY_STAGE_AMBITION, label: `NHS Long Term Plan ambition: ${EARLY_STAGE_AMBITION} % of cancers diagnosed at stage 1 or 2 by 2028`, when: { site: STAGE_ALL_SITES } },
  },
  entry('cancer.stage.unstaged', 'Cancers with no stage recorded (unstageable or missing), % of all diagnosed (NDRS)', 'Stage not known %',
    'Percentage of newly diagnosed cancers with no stage: unstageable, or stage missing from the record (100 minus NDRS\'s "percentage completeness"). Read beside the early-stage share: a high value makes that share less certain.',
    'unstaged_pct', 'unstaged', 'total', 'higher-worse', '%'),
];
