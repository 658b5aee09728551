/**
 * Cancer measures: NDRS incidence by Sub-ICB location (2001–2020, by sex and site), under-75
 * preventable cancer mortality by local authority (Fingertips 40502) and the QOF 2022-23 cancer
 * register by practice, summed to Sub-ICB locations.
 */
import type { LevelId } from '../../geo/levels';
import { CANCER_SITES, INCIDENCE_PERIODS, MORTALITY_PERIODS, SEXES } from './cancer-dimensions';
import { INCIDENCE_CAVEATS, MORTALITY_CAVEATS, QOF_CAVEATS } from './cancer-caveats';
import { areaIndicatorRules, OGL } from './level-rules';
import type { Indicator } from './types';

const SUB_ICB_FINER: LevelId[] = ['lad24', 'ward24', 'lsoa21'];
const SUB_ICB_COARSER: LevelId[] = ['icb24', 'cal19'];
const NDRS = 'NHS England, National Disease Registration Service (NDRS)';
const NO_LSOA11 = 'Measured for Sub-ICB locations, which are built from 2021 LSOAs: pick LSOA 2021 or a larger area.';
const INHERITED = {
  lad24: 'Each local authority shows the value of the Sub-ICB location where most of its residents live (the share is shown where it straddles two).',
  ward24: 'Every ward shows the value of its Sub-ICB location: cancer incidence is not published for smaller areas.',
  lsoa21: 'Every LSOA shows the value of its Sub-ICB location: cancer incidence is not published for smaller areas.',
};
const INCIDENCE_SOURCE = {
  publisher: `${NDRS}, via CancerData; populations ONS`, licence: OGL,
  dataset: 'Cancer incidence counts by CCG / Sub-ICB footprint, year, sex, age band and site, 2001–2020 (CancerData); age-standardised rates derived (MANIFEST §7c)',
  sourceIds: ['cancerIncidenceRates', 'lsoa11CancerDataUnit', 'lsoa11Lsoa21', 'census2021Population'],
};
const incidence = {
  group: 'Cancer incidence', source: INCIDENCE_SOURCE, table: 'cancer_incidence', nativeLevel: 'sicbl24' as const,
  publishedGeography: '105 CancerData units: Sub-ICB locations of July 2022 (CCG 2021 footprints), mapped to 2024 Sub-ICB locations',
  dimensions: [INCIDENCE_PERIODS, SEXES, CANCER_SITES], period: '2001–2020 (single years and pooled periods)',
  unavailable: { lsoa11: NO_LSOA11 }, caveats: INCIDENCE_CAVEATS,
};

const DSR: Indicator = {
  ...incidence, id: 'cancer.incidence.dsr', label: 'New cancer cases, age-standardised rate per 100,000', short: 'Cancer incidence (age-standardised)',
  definition: 'New diagnoses of cancer per 100,000 residents per year, adjusted for age (standardised to the 2013 European Standard Population in six age bands) so that areas with older populations can be compared fairly. Pooled periods give the average yearly rate.',
  columns: { value: 'dsr', lower: 'dsr_lower', upper: 'dsr_upper', numerator: 'count', denominator: 'population', share: 'share', note: 'note' },
  unit: 'per 100,000 per year', kind: 'rate', polarity: 'higher-worse', decimals: 1, suppressBelow: 10,
  levels: areaIndicatorRules('sicbl24', SUB_ICB_FINER, SUB_ICB_COARSER, { kind: 'mean', column: 'dsr' }),
  methodNote: {
    ...INHERITED,
    icb24: 'Average of the Sub-ICB age-standardised rates weighted by residents (Census 2021): close to, but not the same as, standardising the whole ICB. No confidence interval.',
    cal19: 'Average of the Sub-ICB age-standardised rates weighted by residents (Census 2021); the three Sub-ICB locations split between 2019 alliances count by the residents on each side. No confidence interval.',
  },
  classification: 'quantile',
};

const CRUDE: Indicator = {
  ...incidence, id: 'cancer.incidence.crude', label: 'New cancer cases, crude rate per 100,000', short: 'Cancer incidence (crude)',
  definition: 'New diagnoses of cancer per 100,000 residents per year, not adjusted for age: areas with older populations have higher crude rates. Use the age-standardised rate to compare areas; the crude rate shows the actual burden on services.',
  columns: { value: 'crude_rate', numerator: 'count', denominator: 'population', share: 'share', note: 'note' },
  unit: 'per 100,000 per year', kind: 'rate', polarity: 'higher-worse', decimals: 1, suppressBelow: 10, ci: { method: 'poisson', multiplier: 100_000 },
  levels: areaIndicatorRules('sicbl24', SUB_ICB_FINER, SUB_ICB_COARSER, { kind: 'ratio', numerator: 'count', denominator: 'population', multiplier: 100_000 }),
  methodNote: {
    ...INHERITED,
    icb24: 'Re-computed from the summed cases and person-years of the ICB\'s Sub-ICB locations; 95 % interval by Byar\'s method.',
    cal19: 'Re-computed from summed cases and person-years; the three Sub-ICB locations split between 2019 alliances are divided by residents. 95 % interval by Byar\'s method.',
  },
  classification: 'quantile',
};

const COUNT: Indicator = {
  ...incidence, id: 'cancer.incidence.count', label: 'New cancer cases (count)', short: 'New cancer cases',
  definition: 'Number of new cancer diagnoses among residents in the period (all years of a pooled period added up). A count: it sizes the demand on services and grows with population, so it is context, not a measure of where risk is higher (use a rate for that).',
  columns: { value: 'count', numerator: 'count', share: 'share', note: 'note' },
  unit: 'cases', kind: 'count', polarity: 'neutral', decimals: 0,
  levels: { sicbl24: { kind: 'native' }, icb24: { kind: 'sum', column: 'count' }, cal19: { kind: 'sum', column: 'count' } },
  unavailable: {
    ...Object.fromEntries(SUB_ICB_FINER.map((l) => [l, 'A count of cases belongs to the whole Sub-ICB location; show a rate here, or pick Sub-ICB, ICB or Cancer Alliance.'])),
    lsoa11: NO_LSOA11,
  },
  methodNote: { cal19: 'Sum of the Sub-ICB counts; the three Sub-ICB locations split between 2019 alliances are divided by residents.' },
  classification: 'quantile',
};

const MORTALITY: Indicator = {
  id: 'cancer.mortality.u75preventable', label: 'Under-75 deaths from preventable cancers, age-standardised rate per 100,000 (series ended 2015–17; superseded pre-2021 definition)', short: 'Preventable cancer deaths <75 (to 2015–17, old definition)',
  group: 'Cancer mortality',
  definition: 'Deaths before age 75 from cancers considered preventable (mainly through less smoking, drinking and obesity, and through vaccination and screening), per 100,000 residents under 75, age-standardised, in pooled three-year periods (Fingertips indicator 40502, Public Health Outcomes Framework). The series ends with 2015–17 and uses the list of preventable cancers in force before 2021; OHID has since replaced it with a series on a revised definition, so these values are neither current nor comparable with today\'s Fingertips figures.',
  source: {
    publisher: 'Office for Health Improvement and Disparities (OHID), Fingertips; deaths from ONS', licence: OGL,
    dataset: 'Public Health Outcomes Framework: under 75 mortality rate from cancer considered preventable, indicator 40502',
    sourceIds: ['cancerMortalityU75', 'ladCodeChanges', 'census2021Population'],
  },
  table: 'cancer_mortality_u75', nativeLevel: 'lad24', publishedGeography: 'Local authority districts before the 2019 reorganisations, re-based to the 2024 councils',
  columns: { value: 'value', note: 'note' }, unit: 'per 100,000 under 75', kind: 'rate', polarity: 'higher-worse', decimals: 1,
  period: '2001–03 to 2015–17, pooled three-year periods', dimensions: [MORTALITY_PERIODS],
  levels: areaIndicatorRules('lad24', ['lsoa21', 'ward24', 'lsoa11'], ['sicbl24', 'icb24', 'cal19'], { kind: 'mean', column: 'value' }),
  methodNote: {
    lsoa21: 'Every LSOA shows its local authority\'s value.', ward24: 'Every ward shows its local authority\'s value.', lsoa11: 'Every LSOA shows its (2024) local authority\'s value.',
    sicbl24: 'Average of the local authority rates weighted by all residents (Census 2021); no confidence interval.',
    icb24: 'Average of the local authority rates weighted by all residents (Census 2021); no confidence interval.',
    cal19: 'Average of the local authority rates weighted by all residents (Census 2021); no confidence interval.',
  },
  classification: 'quantile', caveats: MORTALITY_CAVEATS,
};

const QOF: Indicator = {
  id: 'cancer.qof.prevalence', label: 'Patients on the GP cancer register (QOF 2022-23), % of registered patients', short: 'Cancer register %',
  group: 'Cancer prevalence',
  definition: 'Percentage of registered patients (all ages) on their GP practice\'s cancer register: people diagnosed with cancer (except non-melanoma skin cancer) since April 2003 who are still registered. Summed over the practices of each Sub-ICB location. Context, not need: it is higher where people are older and where they survive longer, so a higher value is neither better nor worse.',
  source: {
    publisher: 'NHS England', licence: OGL, dataset: 'Quality and Outcomes Framework 2022-23: prevalence (CAN register) and practice mapping',
    sourceIds: ['qofPrevalence', 'qofPracticeMapping', 'lsoa11CancerDataUnit', 'lsoa11Lsoa21'],
  },
  table: 'qof_cancer', nativeLevel: 'sicbl24', publishedGeography: 'GP practices (registered lists), summed to their Sub-ICB location (2022-23 mapping, 2024 codes)',
  columns: { value: 'prevalence', numerator: 'register', denominator: 'list_size' },
  unit: '% of registered patients', kind: 'percent', polarity: 'neutral', decimals: 2, period: '2022-23',
  ci: { method: 'proportion', multiplier: 100 },
  levels: areaIndicatorRules('sicbl24', SUB_ICB_FINER, SUB_ICB_COARSER, { kind: 'ratio', numerator: 'register', denominator: 'list_size', multiplier: 100 }),
  unavailable: { lsoa11: NO_LSOA11 },
  methodNote: {
    ...INHERITED,
    icb24: 'Re-computed from the summed registers and list sizes of the ICB\'s practices; 95 % Wilson interval.',
    cal19: 'Re-computed from summed registers and list sizes; the three Sub-ICB locations split between 2019 alliances are divided by residents. 95 % Wilson interval.',
  },
  classification: 'quantile', caveats: QOF_CAVEATS,
};

export const CANCER_INDICATORS: Indicator[] = [DSR, CRUDE, COUNT, MORTALITY, QOF];
