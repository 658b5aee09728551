/**
 * Adult smoking prevalence (OHID Fingertips): the annual APS series by local authority, and the
 * 2019/20 GP Patient Survey and QOF prevalences published for upper-tier councils. All are re-based to
 * the 2024 councils in the pipeline (steps/smoking-tables.ts).
 */
import type { LevelId } from '../../geo/levels';
import { areaIndicatorRules, OGL } from './level-rules';
import { yearValues } from './period-values';
import type { Indicator } from './types';

const FINER: LevelId[] = ['lsoa21', 'ward24', 'lsoa11'];
const COARSER: LevelId[] = ['sicbl24', 'icb24', 'cal19'];
const OHID = 'Office for Health Improvement and Disparities (OHID), Fingertips';
const ADULT_MEAN = { kind: 'mean', column: 'value', weight: 'population_16plus' } as const;

const METHOD = {
  lsoa21: 'Every LSOA shows its local authority\'s value: smoking is estimated for whole councils only.',
  ward24: 'Every ward shows its local authority\'s value: smoking is estimated for whole councils only.',
  lsoa11: 'Every LSOA shows its (2024) local authority\'s value: smoking is estimated for whole councils only.',
  sicbl24: 'Average of the local authority values weighted by residents aged 16+ (Census 2021), split by LSOA where a council straddles the boundary. No confidence interval.',
  icb24: 'Average of the local authority values weighted by residents aged 16+ (Census 2021), split by LSOA where a council straddles the boundary. No confidence interval.',
  cal19: 'Average of the local authority values weighted by residents aged 16+ (Census 2021). No confidence interval.',
};

const COMMON_CAVEATS = [
  'Measured for whole local authorities: on LSOA and ward maps every area shows its council\'s value. This is not small-area data.',
  'Sub-ICB, ICB and Cancer Alliance values are resident-weighted averages of council values (residents aged 16+, Census 2021), not survey estimates for those areas, and have no confidence interval. Where a council has no value the average covers the remaining residents (see coverage).',
];

const APS_BREAK_CAVEAT = 'A break in the series in 2020: the Annual Population Survey moved from face-to-face to telephone interviews during COVID-19, which changed who answered. Compare years from 2020 on with earlier years with care.';

const APS: Indicator = {
  id: 'smoking.aps.current', label: 'Adults who currently smoke (18+, Annual Population Survey)', short: 'Adult smokers % (APS)', group: 'Smoking',
  definition: 'Estimated percentage of adults aged 18 and over who say they smoke cigarettes nowadays, from the ONS Annual Population Survey, a large household survey. OHID publishes it for every local authority each year (Fingertips indicator 92443).',
  source: {
    publisher: `${OHID}, from the ONS Annual Population Survey`, licence: OGL,
    dataset: 'Local Tobacco Control Profiles: smoking prevalence in adults (18+), current smokers (APS), indicator 92443',
    sourceIds: ['smokingApsLad', 'smokingApsLtla2019', 'ladCodeChanges', 'census2021Population'],
  },
  table: 'smoking_aps', nativeLevel: 'lad24',
  publishedGeography: 'Local authority districts and unitary authorities as they were in each year, re-based to the 2024 councils',
  columns: { value: 'value', lower: 'lower', upper: 'upper', numerator: 'count', note: 'note' },
  unit: '%', kind: 'percent', polarity: 'higher-worse', decimals: 1, period: '2011–2024, annual',
  dimensions: [{ key: 'period', label: 'Year', column: 'period', defaultValue: '2024', values: yearValues(2011, 2024).map((v) => ((v.start ?? 0) >= 2020 ? { ...v, caveat: APS_BREAK_CAVEAT } : v)) }],
  levels: areaIndicatorRules('lad24', FINER, COARSER, ADULT_MEAN),
  methodNote: METHOD,
  classification: 'quantile',
  intervalsOnly: { dimension: 'period', values: ['2019'] },
  seriesBreaks: [{ year: 2020, label: 'APS method change: face-to-face interviews replaced by telephone interviews (2020)' }],
  caveats: [
    ...COMMON_CAVEATS,
    APS_BREAK_CAVEAT,
    'A survey estimate: small councils have wide margins of error, and year-to-year changes are often noise. 95 % confidence intervals and counts are available here only for 2019, so only 2019 values can be flagged as significantly different from England.',
    'Re-based to the 2024 councils. A council created by merging districts (BCP and Dorset 2019, East and West Suffolk 2019, Buckinghamshire 2020, North and West Northamptonshire 2021, Cumberland, Westmorland and Furness, North Yorkshire and Somerset 2023) shows a value only for the years OHID estimated it directly; for other years it has no value and its note lists the predecessor districts\' values. We do not average them: OHID\'s estimate for a merged council comes from its own survey sample and weights, not from a mean of the districts\' estimates.',
    'Not published for the Isles of Scilly and the City of London (samples too small), nor for a few other councils in some years.',
  ],
};

function upperTier(measure: 'gpps' | 'qof', id: string, label: string, short: string, definition: string, dataset: string): Indicator {
  return {
    id, label, short, group: 'Smoking', definition,
    source: { publisher: OHID, licence: OGL, dataset, sourceIds: ['smokingUtla2019', 'lad21Utla21', 'ladCodeChanges', 'census2021Population'] },
    table: 'smoking_upper_tier', filter: { measure }, nativeLevel: 'lad24',
    publishedGeography: 'Upper-tier local authorities (April 2019): counties, unitary authorities, metropolitan and London boroughs',
    columns: { value: 'value', lower: 'lower', upper: 'upper', note: 'note', valueArea: 'value_area_code' },
    unit: '%', kind: 'percent', polarity: 'higher-worse', decimals: 1, period: '2019/20',
    levels: areaIndicatorRules('lad24', FINER, COARSER, ADULT_MEAN),
    methodNote: { ...METHOD, lad24: 'Published for upper-tier councils: a district inside a county shows the county\'s value (marked as a county value).' },
    classification: 'quantile',
    caveats: [
      ...COMMON_CAVEATS,
      'Published for upper-tier councils only (2019): every district in a county (e.g. Lancashire\'s 12) shows the same county value, and the rank counts each county once.',
    ],
  };
}

export const SMOKING_INDICATORS: Indicator[] = [
  APS,
  upperTier('gpps', 'smoking.gpps.current', 'Adults who currently smoke (18+, GP Patient Survey)', 'Adult smokers % (GPPS)',
    'Percentage of GP Patient Survey respondents aged 18 and over who say they smoke occasionally or regularly (Fingertips indicator 92304), 2019/20.',
    'Local Tobacco Control Profiles: smoking prevalence in adults (18+), current smokers (GPPS), indicator 92304'),
  upperTier('qof', 'smoking.qof.current', 'Patients recorded as current smokers (15+, GP records, QOF)', 'Recorded smokers % (QOF)',
    'Percentage of registered patients aged 15 and over whose GP record says they currently smoke, from the Quality and Outcomes Framework (Fingertips indicator 91547), 2019/20. Counts recorded status, which lags behind quitting and is missing for some patients.',
    'Local Tobacco Control Profiles: smoking prevalence in adults (15+), current smokers (QOF), indicator 91547'),
];
