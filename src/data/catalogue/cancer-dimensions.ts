/**
 * The periods, sexes and cancer sites of the NDRS incidence tables. The pipeline checks the data
 * against these lists, so the pickers never offer a choice the tables do not hold.
 */
import { pooledValue as pooled, yearValues as years } from './period-values';
import type { Dimension, DimensionValue } from './types';

/** Newest pooled period first: five pooled years keep Sub-ICB rates of rarer cancers above 10 cases. */
const COVID = 'This period includes 2020, when COVID-19 cut cancer diagnoses (lung cancer −8 % on 2019): rates are lower than usual. For usual levels use 2015–2019 or 2017–2019.';
const withCovid = (v: DimensionValue): DimensionValue => ((v.end ?? 0) >= 2020 && (v.start ?? 0) <= 2020 ? { ...v, caveat: COVID, ...(v.start === 2020 && v.end === 2020 ? { flag: 'COVID-19' } : {}) } : v);

export const INCIDENCE_PERIODS: Dimension = {
  key: 'period', label: 'Period', column: 'period', defaultValue: '2016-2020',
  values: [pooled(2016, 2020), pooled(2015, 2019), pooled(2017, 2019), pooled(2011, 2015), pooled(2006, 2010), pooled(2001, 2005), ...years(2001, 2020)].map(withCovid),
};

export const SEXES: Dimension = {
  key: 'sex', label: 'Sex', column: 'sex', defaultValue: 'persons',
  values: [{ value: 'persons', label: 'Persons' }, { value: 'female', label: 'Females' }, { value: 'male', label: 'Males' }],
};

/** Sex labels as the source writes them. */
export const SOURCE_SEX: Record<string, string> = { Persons: 'persons', Female: 'female', Male: 'male' };

const female = { sex: 'female' };
const male = { sex: 'male' };

/** Value = ICD-10 code group as in the source (the 18-site total has its own id). */
export const CANCER_SITES: Dimension = {
  key: 'site', label: 'Cancer site', column: 'site', defaultValue: 'all-18',
  values: [
    {
      value: 'all-18', label: '18 common cancers combined (about 86 % of all cancers)',
      caveat: 'All 18 sites combined include breast, prostate and melanoma, which are more common in less deprived areas: for smoking- and deprivation-led targeting use lung cancer.',
    },
    { value: 'C33-C34', label: 'Lung (trachea, bronchus and lung, C33–C34)' },
    { value: 'C18-C20', label: 'Bowel (colon and rectum, C18–C20)' },
    { value: 'C50', label: 'Breast, females (C50)', requires: female },
    { value: 'C61', label: 'Prostate (C61)', requires: male },
    { value: 'C15', label: 'Oesophagus (C15)' },
    { value: 'C16', label: 'Stomach (C16)' },
    { value: 'C22', label: 'Liver (C22)' },
    { value: 'C23', label: 'Gallbladder (C23)' },
    { value: 'C25', label: 'Pancreas (C25)' },
    { value: 'C43', label: 'Melanoma of skin (C43)' },
    { value: 'C53', label: 'Cervix (C53)', requires: female },
    { value: 'C54-C55', label: 'Uterus (C54–C55)', requires: female },
    { value: 'C56-C57', label: 'Ovary (C56–C57)', requires: female },
    { value: 'C64', label: 'Kidney (C64)' },
    { value: 'C67', label: 'Bladder (C67)' },
    { value: 'C82-C86', label: 'Non-Hodgkin lymphoma (C82–C86)' },
    { value: 'C90', label: 'Myeloma (C90)' },
    { value: 'C91-C95', label: 'Leukaemia (C91–C95)' },
  ],
};

/** The source's name for the 18-site total. */
export const SOURCE_ALL_SITES = '18 sites combined';

/** Under-75 preventable cancer mortality: three-year pooled periods as Fingertips writes them. */
export const MORTALITY_PERIODS: Dimension = {
  key: 'period', label: 'Period', column: 'period', defaultValue: '2015-17',
  values: Array.from({ length: 15 }, (_, i) => pooled(2015 - i, 2017 - i, true)),
};
