/**
 * Sizing lung cancer screening (people aged 55–74 who have ever smoked): estimated residents aged
 * 55–74 and current, ex- and ever-smokers among them, per LSOA (pipeline step screening-table.ts),
 * summed to any area. Point estimates only here; their low–high ranges are in screening-sql.ts and
 * shown wherever the sizing is (detail panel, shortlist, exports).
 */
import type { LevelId } from '../../geo/levels';
import { OGL } from './level-rules';
import type { Indicator, LevelRule } from './types';

const LEVELS_2021: LevelId[] = ['ward24', 'lad24', 'sicbl24', 'icb24', 'cal22', 'cal19'];
export const SCREENING_GROUP_TITLE = 'Lung cancer screening (estimates)';

export const SCREENING_METHOD = [
  'Residents aged 55–74: Census 2021 publishes LSOA ages in bands of 50–64 and 65+. Each LSOA\'s bands are split with the single-year ages of the larger area it lies in (one of 105 Sub-ICB-sized CancerData units, ONS mid-2020 estimates): 55–64 as a share of 50–64, 65–74 as a share of 65+. The low and high figures use the lowest and highest shares of all 105 units instead.',
  'Smokers: the Annual Population Survey 2019 prevalence of current smokers for the LSOA\'s 2019 district and of ex-smokers for its upper-tier council (2019 is the latest year with 95 % intervals for districts here, and the only year with ex-smokers). Low and high figures combine the age range with the 95 % intervals. Isles of Scilly and the City of London use England\'s values (not published).',
  'The survey prevalences are for all adults (18+), not for people aged 55–74: ex-smoking is much more common at 55–74 than among adults overall, so ever-smokers are probably under-counted; current smoking has fallen since 2019. Lung cancer screening invites people aged 55–74 who have ever smoked and are registered with a GP; these figures count residents, not registered patients.',
];

const SOURCE = {
  publisher: 'Estimates from ONS (Census 2021, mid-2020 population) and OHID Fingertips (Annual Population Survey 2019)', licence: OGL,
  dataset: 'Census 2021 age bands by LSOA; ONS single-year populations of CancerData units; APS smoking prevalence 2019 (Fingertips 92443, 92534)',
  sourceIds: ['census2021Population', 'populationSingleYear', 'lsoa11CancerDataUnit', 'lsoa11Lsoa21', 'smokingApsLtla2019', 'smokingUtla2019'],
};

function entry(id: string, column: string, label: string, short: string, definition: string): Indicator {
  const sum: LevelRule = { kind: 'sum', column };
  return {
    id, label, short, group: SCREENING_GROUP_TITLE, definition, source: SOURCE, table: 'lsoa_profile', nativeLevel: 'lsoa21',
    columns: { value: column, numerator: column }, unit: 'residents (estimate)', kind: 'count', polarity: 'neutral', decimals: 0,
    period: 'Census 2021 ages, mid-2020 age shares, APS 2019 smoking',
    levels: { lsoa21: { kind: 'native' }, ...Object.fromEntries(LEVELS_2021.map((l) => [l, sum])) },
    unavailable: { lsoa11: 'Estimated for LSOA 2021 areas (Census 2021 ages): pick LSOA 2021 or a larger area.' },
    methodNote: { lsoa21: 'An estimate for the LSOA (see the method).', ...Object.fromEntries(LEVELS_2021.map((l) => [l, 'Sum of the estimates of the area\'s LSOAs.'])) },
    classification: 'quantile', caveats: ['An estimate, not a count: see the method and its low–high range in the detail panel or exports.', ...SCREENING_METHOD],
  };
}

export const SCREENING_INDICATORS: Indicator[] = [
  entry('screening.residents55to74', 'res_55_74', 'Residents aged 55–74 (estimate)', 'Aged 55–74 (estimate)',
    'Estimated residents aged 55 to 74, the age range invited to lung cancer screening, from Census 2021 age bands (see the method).'),
  entry('screening.ever55to74', 'ever_55_74', 'Residents aged 55–74 who have ever smoked (estimate)', 'Ever-smokers 55–74 (estimate)',
    'Estimated residents aged 55 to 74 who smoke or used to smoke: those lung cancer screening invites (if registered with a GP). Residents aged 55–74 × the area\'s 2019 survey prevalence of current plus ex-smokers among all adults.'),
  entry('screening.current55to74', 'current_55_74', 'Residents aged 55–74 who currently smoke (estimate)', 'Current smokers 55–74 (estimate)',
    'Estimated residents aged 55 to 74 who currently smoke: residents aged 55–74 × the 2019 survey prevalence of current smoking among all adults of their district.'),
];
