/**
 * The source datasets the pipeline reads: where each sits in the raw-data directory (the workplace
 * layout described in ../shared/data/MANIFEST.md), who publishes it and under which licence.
 * `official` names the publisher's own release, fetched by `npm run data -- --download`.
 */
export type SourceId =
  | 'imd2025'
  | 'imd2019'
  | 'imd2019Population'
  | 'lsoa21Boundaries'
  | 'lsoa11Boundaries'
  | 'lsoa21Ward24Lad24'
  | 'lsoa21Icb24'
  | 'lsoa11Icb22'
  | 'ladCodeChanges'
  | 'census2021Population';

export interface SourceSpec {
  id: SourceId;
  title: string;
  publisher: string;
  licence: string;
  vintage: string;
  /** Path inside the raw-data directory. */
  rawPath: string;
  attribution: string;
}

const OGL = 'Open Government Licence v3.0';
const ONS_ATTR = 'Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2024.';
const MHCLG_ATTR = 'English Indices of Deprivation, Ministry of Housing, Communities and Local Government, OGL v3.0.';

export const SOURCES: Record<SourceId, SourceSpec> = {
  imd2025: {
    id: 'imd2025', title: 'English Indices of Deprivation 2025: scores, ranks and deciles (LSOA 2021)',
    publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)', licence: OGL, vintage: 'IoD2025, LSOA 2021',
    rawPath: 'imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz', attribution: MHCLG_ATTR,
  },
  imd2019: {
    id: 'imd2019', title: 'English Indices of Deprivation 2019: ranks and deciles of IMD and domains (LSOA 2011, File 2)',
    publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)', licence: OGL, vintage: 'IoD2019, LSOA 2011',
    rawPath: 'imd/iod2019_file2_domains_lsoa11.csv.gz', attribution: MHCLG_ATTR,
  },
  imd2019Population: {
    id: 'imd2019Population', title: 'English Indices of Deprivation 2019: population denominators, mid-2015 (File 6)',
    publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)', licence: OGL, vintage: 'mid-2015, LSOA 2011',
    rawPath: 'imd/iod2019_file6_population_denominators_lsoa11.csv.gz', attribution: MHCLG_ATTR,
  },
  lsoa21Boundaries: {
    id: 'lsoa21Boundaries', title: 'Lower layer Super Output Areas (December 2021) Boundaries EW BSC V4',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'LSOA December 2021, super-generalised (BSC)',
    rawPath: 'boundaries/lsoa21_bsc_england_wgs84.geojson.gz', attribution: ONS_ATTR,
  },
  lsoa11Boundaries: {
    id: 'lsoa11Boundaries', title: 'Lower layer Super Output Areas (December 2011) Boundaries EW BGC',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'LSOA December 2011, generalised (BGC)',
    rawPath: 'boundaries/lsoa11_bgc_simplified_england_wgs84.geojson.gz', attribution: ONS_ATTR,
  },
  lsoa21Ward24Lad24: {
    id: 'lsoa21Ward24Lad24', title: 'LSOA (2021) to Electoral Ward (2024) to LAD (2024) Best Fit Lookup in EW',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'May 2024',
    rawPath: 'lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz', attribution: ONS_ATTR,
  },
  lsoa21Icb24: {
    id: 'lsoa21Icb24', title: 'LSOA (2021) to Sub-ICB Location to Integrated Care Board (April 2024) Lookup in England',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'April 2024',
    rawPath: 'lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz', attribution: ONS_ATTR,
  },
  lsoa11Icb22: {
    id: 'lsoa11Icb22', title: 'LSOA (2011) to Sub-ICB Location to ICB to LAD (July 2022) Lookup in England',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'July 2022',
    rawPath: 'lookups/lsoa11_sicbl22_icb22_lad22_england_geographr.csv.gz', attribution: ONS_ATTR,
  },
  ladCodeChanges: {
    id: 'ladCodeChanges', title: 'Local authority district codes 2016 to 2024 (code history)',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: '2016–2024',
    rawPath: 'lookups/lad16_to_lad24_code_changes_uk_geographr.csv', attribution: ONS_ATTR,
  },
  census2021Population: {
    id: 'census2021Population', title: 'Census 2021 usual resident population by age (LSOA 2021)',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'Census day, 21 March 2021',
    rawPath: 'population/census2021_usual_residents_by_age6_lsoa21_ew.csv.gz', attribution: ONS_ATTR,
  },
};
