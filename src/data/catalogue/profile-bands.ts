/** The six age bands Census 2021 publishes for LSOAs ("Age (6 categories)"), as the tables name them, with their labels. */
export const CENSUS_AGE_COLUMNS = ['age_0_15', 'age_16_24', 'age_25_34', 'age_35_49', 'age_50_64', 'age_65_plus'] as const;
export type CensusAgeColumn = (typeof CENSUS_AGE_COLUMNS)[number];

export const AGE_BAND_LABELS: Readonly<Record<CensusAgeColumn, string>> = {
  age_0_15: 'Aged 0–15', age_16_24: 'Aged 16–24', age_25_34: 'Aged 25–34', age_35_49: 'Aged 35–49', age_50_64: 'Aged 50–64', age_65_plus: 'Aged 65 and over',
};
