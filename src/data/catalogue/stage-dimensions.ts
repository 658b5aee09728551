/**
 * Periods and cancer sites of the NDRS stage-at-diagnosis table (Cancer Data Hub, 2013–2022). The
 * pipeline checks the file against these lists, so the pickers never offer what the table lacks.
 */
import { pooledValue, yearValues } from './period-values';
import type { Dimension, DimensionValue } from './types';

export const STAGE_FIRST_YEAR = 2013;
export const STAGE_LAST_YEAR = 2022;

/** Pooled spans for small cells (rare sites in small ICBs): before COVID-19, after it, and the whole series. */
export const STAGE_POOLED: readonly [number, number][] = [[2021, 2022], [2018, 2019], [2013, 2022]];

export const COVID_2020 = '2020: diagnoses fell during the COVID-19 pandemic, and the cancers that were diagnosed were more often at a late stage; 2020 is not a usual year.';

const years: DimensionValue[] = yearValues(STAGE_FIRST_YEAR, STAGE_LAST_YEAR)
  .map((v) => (v.value === '2020' ? { ...v, label: '2020 (COVID-19: fewer diagnoses)', caveat: COVID_2020, flag: 'COVID-19' } : v));

export const STAGE_PERIODS: Dimension = {
  key: 'period', label: 'Year of diagnosis', column: 'period', defaultValue: String(STAGE_LAST_YEAR),
  values: [...years.slice(0, 1), ...STAGE_POOLED.map(([a, b]) => {
    const v = pooledValue(a, b);
    return a <= 2020 && b >= 2020 ? { ...v, label: `${v.label}, includes 2020 (COVID-19)`, caveat: COVID_2020 } : v;
  }), ...years.slice(1)],
};

/** The 17 site groups as NDRS names them, keyed; "all" is their sum (the file has no total row). */
export const STAGE_SITE_NAMES: Readonly<Record<string, string>> = {
  anus: 'Anus', bladder: 'Bladder', bowel: 'Bowel', breast: 'Breast', cervix: 'Cervix', head_neck: 'Head and neck', kidney: 'Kidney',
  lung: 'Lung', oesophagus: 'Oesophagus', other: 'Other', ovary: 'Ovary', pancreas: 'Pancreas', prostate: 'Prostate',
  renal_pelvis_ureter: 'Renal pelvis and ureter', skin: 'Skin cancer', testes: 'Testes', uterus: 'Uterus',
};

export const STAGE_ALL_SITES = 'all';

export const STAGE_SITES: Dimension = {
  key: 'site', label: 'Cancer site', column: 'site', defaultValue: STAGE_ALL_SITES,
  values: [
    { value: STAGE_ALL_SITES, label: 'All sites (sum of the 17 site groups)' },
    ...Object.entries(STAGE_SITE_NAMES).map(([value, label]) => ({ value, label: value === 'other' ? 'Other (residual group of sites)' : label })),
  ],
};

/** The NHS Long Term Plan ambition, measured over cancers with a known stage. */
export const EARLY_STAGE_AMBITION = 75;
