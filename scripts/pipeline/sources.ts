/**
 * The source datasets the pipeline reads: where each sits in the raw-data directory (the workplace
 * layout described in ../shared/data/MANIFEST.md), who publishes it and under which licence.
 * `official` names the publisher's own release, fetched by `npm run data -- --download`
 * (scripts/pipeline/download/). Publishers move files between releases: when a download 404s,
 * find the file on the `page` and update its `url` here.
 */
export type SourceId =
  | 'imd2025'
  | 'imd2019'
  | 'imd2019Population'
  | 'imd2025Lad24Summary'
  | 'imd2025Icb24Summary'
  | 'imd2019Lad19Summary'
  | 'imd2019Lad23Summary'
  | 'lsoa21Boundaries'
  | 'lsoa11Boundaries'
  | 'lsoa21Ward24Lad24'
  | 'lsoa21Icb24'
  | 'lsoa11Icb22'
  | 'ladCodeChanges'
  | 'census2021Population'
  | 'lsoa11Lsoa21'
  | 'lsoa11Ccg21'
  | 'ccg19CancerAlliance'
  | 'cancerDataUnits'
  | 'lsoa11CancerDataUnit'
  | 'gpPracticeLocations'
  | 'lad21Utla21'
  | 'smokingApsLad'
  | 'smokingApsLtla2019'
  | 'smokingUtla2019'
  | 'cancerIncidenceRates'
  | 'cancerMortalityU75'
  | 'qofPrevalence'
  | 'qofPracticeMapping'
  | 'ward19Lad19'
  | 'ward21Lad21'
  | 'ward22Boundaries'
  | 'cal20Codes'
  | 'ethnicityTs021'
  | 'ndrsStage'
  | 'cal22Mapping'
  | 'populationSingleYear';

export interface SourceSpec {
  id: SourceId;
  title: string;
  publisher: string;
  licence: string;
  vintage: string;
  /** Path inside the raw-data directory. */
  rawPath: string;
  attribution: string;
  /**
   * The publisher's release for `--download`. A source without one can only be built from the
   * raw-data directory; the download path says so before fetching anything.
   */
  official?: OfficialRelease;
}

/** How `--download` fetches a source from its publisher, and what the download must look like. */
export type OfficialRelease = { page: string; notes: string } & (
  /** One file, used as published (its header names are what read-sources.ts looks up). */
  | { format: 'csv'; url: string; rows: number }
  /**
   * An ArcGIS FeatureServer layer on the ONS Open Geography Portal, read page by page with
   * `resultOffset`/`resultRecordCount` (the server caps a page at its maxRecordCount and sets
   * `exceededTransferLimit` while more remain). Saved as GeoJSON (with geometry) or CSV (tables).
   * `fields` maps each ONS field to the column it is saved as: the raw-directory name, so every
   * reader written against the raw files reads the download too.
   */
  | { format: 'arcgis'; url: string; where: string; fields: Record<string, string>; orderBy: string; geometry: boolean; pageSize: number }
  /** ONS Code History Database: a zip whose Changes.csv and ChangeHistory.csv give every code change. */
  | { format: 'code-history-zip'; url: string }
  /** ONS Census 2021 API ("create a custom dataset"): JSON observations per area and category. */
  | { format: 'census-observations'; url: string }
);

const OGL = 'Open Government Licence v3.0';
const ONS_ATTR = 'Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2024.';
const FINGERTIPS_ATTR = 'Public Health Profiles (Fingertips), Office for Health Improvement and Disparities, OGL v3.0.';
const NDRS_ATTR = 'This work uses data that has been provided by patients and collected by the NHS as part of their care and support. The data is collated, maintained and quality assured by the National Disease Registration Service, which is part of NHS England. OGL v3.0.';
const MHCLG_ATTR = 'English Indices of Deprivation, Ministry of Housing, Communities and Local Government, OGL v3.0.';

const IOD2025_PAGE = 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025';
const IOD2019_PAGE = 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019';
/** File 7 carries every rank, decile, score and denominator of File 1–6, so one download serves both 2019 sources. */
const IOD2019_FILE7: OfficialRelease = {
  format: 'csv', page: IOD2019_PAGE, rows: 32_844,
  url: 'https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/file/845345/File_7_-_All_IoD2019_Scores__Ranks__Deciles_and_Population_Denominators_3.csv',
  notes: 'IoD2019 File 7 (CSV): File 2 headers for ranks and deciles, plus scores and the File 6 mid-2015 denominators. URL used by many public projects since 2019.',
};
const ONS_FEATURES = 'https://services1.arcgis.com/ESMARspQHYMw9BZ9/arcgis/rest/services';
const arcgisTable = (service: string, fields: Record<string, string>, page: string, notes: string): OfficialRelease => ({
  format: 'arcgis', url: `${ONS_FEATURES}/${service}/FeatureServer/0/query`, where: '1=1', fields,
  orderBy: Object.keys(fields)[0], geometry: false, pageSize: 2000, page, notes,
});

export const SOURCES: Record<SourceId, SourceSpec> = {
  imd2025: {
    id: 'imd2025', title: 'English Indices of Deprivation 2025: scores, ranks and deciles (LSOA 2021)',
    publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)', licence: OGL, vintage: 'IoD2025, LSOA 2021',
    rawPath: 'imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz', attribution: MHCLG_ATTR,
    official: {
      format: 'csv', page: IOD2025_PAGE, rows: 33_755,
      url: 'https://assets.publishing.service.gov.uk/media/691ded56d140bbbaa59a2a7d/File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv',
      notes: 'IoD2025 File 7 (CSV, published 30 Oct 2025): ranks, scores, deciles and mid-2022 denominators on LSOA 2021. Headers as in 2019 ("Index of Multiple Deprivation (IMD) Score", "Income Score (rate)", ... "Total population: mid 2022").',
    },
  },
  imd2019: {
    id: 'imd2019', title: 'English Indices of Deprivation 2019: ranks and deciles of IMD and domains (LSOA 2011, File 2 / File 7)',
    publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)', licence: OGL, vintage: 'IoD2019, LSOA 2011',
    rawPath: 'imd/iod2019_file2_domains_lsoa11.csv.gz', attribution: MHCLG_ATTR,
    official: IOD2019_FILE7,
  },
  imd2019Population: {
    id: 'imd2019Population', title: 'English Indices of Deprivation 2019: population denominators, mid-2015 (File 6 / File 7)',
    publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)', licence: OGL, vintage: 'mid-2015, LSOA 2011',
    rawPath: 'imd/iod2019_file6_population_denominators_lsoa11.csv.gz', attribution: MHCLG_ATTR,
    official: IOD2019_FILE7,
  },
  // MHCLG's own summaries for larger areas, as stored by the humaniverse IMD R package (MANIFEST §1b,
  // §1c). Read from the raw directory only: MHCLG publishes them as workbooks.
  imd2025Lad24Summary: {
    id: 'imd2025Lad24Summary', title: 'English Indices of Deprivation 2025: local authority district summaries (File 10, 2024 districts)',
    publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)', licence: OGL, vintage: 'IoD2025, local authority districts April 2024',
    rawPath: 'imd/imd2025_lad24_summary_humaniverse.csv', attribution: MHCLG_ATTR,
  },
  imd2025Icb24Summary: {
    id: 'imd2025Icb24Summary', title: 'English Indices of Deprivation 2025: Integrated Care Board summaries (File 13)',
    publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)', licence: OGL, vintage: 'IoD2025, ICBs April 2024',
    rawPath: 'imd/imd2025_icb24_summary_humaniverse.csv', attribution: MHCLG_ATTR,
  },
  imd2019Lad19Summary: {
    id: 'imd2019Lad19Summary', title: 'English Indices of Deprivation 2019: local authority district summaries (File 10, 2019 districts; average score, proportion of LSOAs in the most deprived 10 %, extent)',
    publisher: 'Ministry of Housing, Communities and Local Government (MHCLG), copied from File 10 by the humaniverse IMD R package', licence: OGL, vintage: 'IoD2019, local authority districts 2019',
    rawPath: 'imd/imd2019_lad19_summary_humaniverse.csv', attribution: MHCLG_ATTR,
  },
  imd2019Lad23Summary: {
    id: 'imd2019Lad23Summary', title: 'English Indices of Deprivation 2019 re-aggregated to 2023 local authority districts by the humaniverse IMD R package (not an MHCLG publication)',
    publisher: 'humaniverse IMD R package, from MHCLG IoD2019 LSOA scores and mid-2015 populations', licence: OGL, vintage: 'IoD2019, local authority districts 2023 (= 2024 codes)',
    rawPath: 'imd/imd2019_lad23_summary_humaniverse.csv', attribution: MHCLG_ATTR,
  },
  lsoa21Boundaries: {
    id: 'lsoa21Boundaries', title: 'Lower layer Super Output Areas (December 2021) Boundaries EW BSC V4',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'LSOA December 2021, super-generalised (BSC)',
    rawPath: 'boundaries/lsoa21_bsc_england_wgs84.geojson.gz', attribution: ONS_ATTR,
    official: {
      format: 'arcgis', url: `${ONS_FEATURES}/Lower_layer_Super_Output_Areas_December_2021_Boundaries_EW_BSC_V4/FeatureServer/0/query`,
      where: "LSOA21CD LIKE 'E%'", fields: { LSOA21CD: 'lsoa21_code', LSOA21NM: 'lsoa21_name' }, orderBy: 'LSOA21CD', geometry: true, pageSize: 2000,
      page: 'https://geoportal.statistics.gov.uk/datasets/ons::lower-layer-super-output-areas-december-2021-boundaries-ew-bsc-v4/about',
      notes: 'GeoJSON pages in WGS84 (outSR=4326), England only.',
    },
  },
  lsoa11Boundaries: {
    id: 'lsoa11Boundaries', title: 'Lower layer Super Output Areas (December 2011) Boundaries EW BGC',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'LSOA December 2011, generalised (BGC)',
    rawPath: 'boundaries/lsoa11_bgc_simplified_england_wgs84.geojson.gz', attribution: ONS_ATTR,
    official: {
      format: 'arcgis', url: `${ONS_FEATURES}/LSOA_Dec_2011_Boundaries_Generalised_Clipped_BGC_EW_V3/FeatureServer/0/query`,
      where: "LSOA11CD LIKE 'E%'", fields: { LSOA11CD: 'LSOA11CD', LSOA11NM: 'LSOA11NM' }, orderBy: 'LSOA11CD', geometry: true, pageSize: 2000,
      page: 'https://geoportal.statistics.gov.uk/search?q=LSOA_Dec_2011_Boundaries_Generalised_Clipped_BGC_EW_V3',
      notes: 'GeoJSON pages in WGS84, England only. The official BGC has more vertices than the simplified copy in the workplace raw directory, so the LSOA 2011 geometry is larger.',
    },
  },
  lsoa21Ward24Lad24: {
    id: 'lsoa21Ward24Lad24', title: 'LSOA (2021) to Electoral Ward (2024) to LAD (2024) Best Fit Lookup in EW',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'May 2024',
    rawPath: 'lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz', attribution: ONS_ATTR,
    official: arcgisTable('LSOA21_WD24_LAD24_EW_LU',
      { LSOA21CD: 'lsoa21_code', LSOA21NM: 'lsoa21_name', WD24CD: 'ward24_code', WD24NM: 'ward24_name', LAD24CD: 'ltla24_code', LAD24NM: 'ltla24_name' },
      'https://geoportal.statistics.gov.uk/search?q=LSOA21_WD24_LAD24_EW_LU',
      'Attribute table (f=json) for England and Wales; the reader keeps English LSOAs.'),
  },
  lsoa21Icb24: {
    id: 'lsoa21Icb24', title: 'LSOA (2021) to Sub-ICB Location to Integrated Care Board (April 2024) Lookup in England',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'April 2024',
    rawPath: 'lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz', attribution: ONS_ATTR,
    official: arcgisTable('LSOA21_SICBL24_ICB24_CAL24_LAD24_EN_LU',
      {
        LSOA21CD: 'lsoa21_code', LSOA21NM: 'lsoa21_name', SICBL24CD: 'sicbl24_code', SICBL24CDH: 'sicbl24_code_nhs', SICBL24NM: 'sicbl24_name',
        ICB24CD: 'icb24_code', ICB24CDH: 'icb24_code_nhs', ICB24NM: 'icb24_name',
      },
      'https://geoportal.statistics.gov.uk/search?q=LSOA21_SICBL24_ICB24_CAL24_LAD24_EN_LU',
      'Attribute table (f=json); the service also holds Cancer Alliance (CAL24) and LAD24 columns, not requested here.'),
  },
  lsoa11Icb22: {
    id: 'lsoa11Icb22', title: 'LSOA (2011) to Sub-ICB Location to ICB to LAD (July 2022) Lookup in England',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'July 2022',
    rawPath: 'lookups/lsoa11_sicbl22_icb22_lad22_england_geographr.csv.gz', attribution: ONS_ATTR,
    official: arcgisTable('LSOA11_SICBL22_ICB22_LAD22_EN_LU',
      {
        LSOA11CD: 'lsoa11_code', LSOA11NM: 'lsoa11_name', SICBL22CD: 'sicbl22_code', SICBL22CDH: 'sicbl22_code_h', SICBL22NM: 'sicbl22_name',
        ICB22CD: 'icb22_code', ICB22CDH: 'icb22_code_h', ICB22NM: 'icb22_name', LAD22CD: 'ltla22_code', LAD22NM: 'ltla22_name',
      },
      'https://geoportal.statistics.gov.uk/search?q=LSOA11_SICBL22_ICB22_LAD22_EN_LU',
      'Attribute table (f=json), England.'),
  },
  ladCodeChanges: {
    id: 'ladCodeChanges', title: 'Local authority district codes 2016 to 2024 (code history)',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: '2016–2024',
    rawPath: 'lookups/lad16_to_lad24_code_changes_uk_geographr.csv', attribution: ONS_ATTR,
    official: {
      format: 'code-history-zip', url: 'https://www.arcgis.com/sharing/rest/content/items/d7be63c8bd144ae0a26c6593eb5e00b7/data',
      page: 'https://geoportal.statistics.gov.uk/datasets/d7be63c8bd144ae0a26c6593eb5e00b7/about',
      notes: 'Code History Database (July 2024) for the UK, a zip. Changes.csv (GEOGCD, GEOGCD_P, ...) and ChangeHistory.csv (GEOGCD, OPER_DATE, TERM_DATE, ...) are turned into one row per 2016 district with its code in each year 2016–2024. Each CHD release has a new item id.',
    },
  },
  census2021Population: {
    id: 'census2021Population', title: 'Census 2021 usual resident population by age (LSOA 2021)',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'Census day, 21 March 2021',
    rawPath: 'population/census2021_usual_residents_by_age6_lsoa21_ew.csv.gz', attribution: ONS_ATTR,
    official: {
      format: 'census-observations', url: 'https://api.beta.ons.gov.uk/v1/population-types/UR/census-observations?area-type=lsoa&dimensions=resident_age_6a',
      page: 'https://www.ons.gov.uk/datasets/create',
      notes: 'ONS Census 2021 API, usual residents by "Age (6 categories)" per LSOA 2021 (England and Wales), the same table as the "create a custom dataset" download. Observations are pivoted to one row per LSOA.',
    },
  },
  // Smoking, cancer and the NHS geographies behind the Sub-ICB and Cancer Alliance levels. These have no
  // `official` release yet: several are researchers' copies or derived files (MANIFEST §4–§9).
  lsoa11Lsoa21: {
    id: 'lsoa11Lsoa21', title: 'LSOA (2011) to LSOA (2021) to Local Authority District (2022) Best Fit Lookup for EW (V2)',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: '2022',
    rawPath: 'lookups/lsoa11_lsoa21_lad22_ew_geographr.csv.gz', attribution: ONS_ATTR,
  },
  lsoa11Ccg21: {
    id: 'lsoa11Ccg21', title: 'LSOA (2011) to Clinical Commissioning Group to STP to LAD (April 2021) Lookup in England',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'April 2021',
    rawPath: 'lookups/lsoa11_ccg21_stp21_lad21_england_geographr.csv.gz', attribution: ONS_ATTR,
  },
  ccg19CancerAlliance: {
    id: 'ccg19CancerAlliance', title: 'Clinical Commissioning Group to STP to Cancer Alliance (July 2019) Lookup in England',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'July 2019',
    rawPath: 'lookups/ccg19_stp19_cancer_alliance19_ons.csv', attribution: ONS_ATTR,
  },
  cancerDataUnits: {
    id: 'cancerDataUnits', title: 'CancerData units (105) to Sub-ICB 2022, ICB 2022, CCG 2021 and 2019 Cancer Alliance (derived lookup)',
    publisher: 'Derived from ONS lookups (MANIFEST §7d)', licence: OGL, vintage: 'CCG 2021 / Sub-ICB July 2022 / Cancer Alliance July 2019',
    rawPath: 'lookups/cancerdata_unit105_sicbl22_icb22_ccg21_cal19_lookup_derived.csv', attribution: ONS_ATTR,
  },
  lsoa11CancerDataUnit: {
    id: 'lsoa11CancerDataUnit', title: 'LSOA (2011) to CancerData unit and Sub-ICB location (July 2022) (derived lookup)',
    publisher: 'Derived from ONS lookups (MANIFEST §7d)', licence: OGL, vintage: 'Sub-ICB July 2022',
    rawPath: 'lookups/lsoa11_to_cancerdata_unit105_sicbl22_derived.csv.gz', attribution: ONS_ATTR,
  },
  gpPracticeLocations: {
    id: 'gpPracticeLocations', title: 'GP practice locations and 2019 CCGs (NHS website organisation data), placed in LSOA 2021',
    publisher: 'NHS England (NHS website)', licence: OGL, vintage: 'May 2019',
    rawPath: 'lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv', attribution: 'NHS website organisation data, OGL v3.0.',
  },
  lad21Utla21: {
    id: 'lad21Utla21', title: 'Lower Tier Local Authority to Upper Tier Local Authority (2021) Lookup',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: '2021',
    rawPath: 'lookups/lad21_utla21_geographr.csv', attribution: ONS_ATTR,
  },
  smokingApsLad: {
    id: 'smokingApsLad', title: 'Smoking prevalence in adults (18+), current smokers (APS), districts and unitary authorities, 2011–2024 (Fingertips 92443)',
    publisher: 'Office for Health Improvement and Disparities (OHID), from the ONS Annual Population Survey', licence: OGL, vintage: '2011–2024, mixed district vintages',
    rawPath: 'smoking/smoking_prevalence_adults_aps_lad_fingertips92443_trafforddatalab.csv', attribution: FINGERTIPS_ATTR,
  },
  smokingApsLtla2019: {
    id: 'smokingApsLtla2019', title: 'Local Tobacco Control Profiles: current smokers (APS) 2019 with 95 % confidence intervals, lower-tier local authorities (4/19–3/20)',
    publisher: 'Office for Health Improvement and Disparities (OHID), from the ONS Annual Population Survey', licence: OGL, vintage: '2019, LAD April 2019',
    rawPath: 'smoking/smoking_prevalence_ltla19_2019_fingertips92443_tobacco_profile_export_with_ci.csv', attribution: FINGERTIPS_ATTR,
  },
  smokingUtla2019: {
    id: 'smokingUtla2019', title: 'Local Tobacco Control Profiles 2019: smoking prevalence (APS, GP Patient Survey, QOF), upper-tier local authorities (4/19–3/20)',
    publisher: 'Office for Health Improvement and Disparities (OHID)', licence: OGL, vintage: '2019 and 2019/20, upper-tier LA April 2019',
    rawPath: 'smoking/smoking_prevalence_utla19_2019_fingertips_tobacco_profile_export.csv', attribution: FINGERTIPS_ATTR,
  },
  cancerIncidenceRates: {
    id: 'cancerIncidenceRates', title: 'Cancer incidence by CancerData unit (Sub-ICB 2022), 2001–2020: counts, crude and approximate age-standardised rates (derived from NDRS counts)',
    publisher: 'NHS England National Disease Registration Service (NDRS); rates derived (MANIFEST §7c)', licence: OGL, vintage: '2023 CancerData extract, Sub-ICB July 2022 boundaries',
    rawPath: 'cancer/cancer_incidence_rates_dsr_ccg21x105_18sites_2001_2020_derived.csv.gz', attribution: NDRS_ATTR,
  },
  cancerMortalityU75: {
    id: 'cancerMortalityU75', title: 'Under 75 mortality rate from cancer considered preventable, districts, 2001–03 to 2015–17 (Fingertips 40502)',
    publisher: 'Office for Health Improvement and Disparities (OHID), Public Health Outcomes Framework', licence: OGL, vintage: '2001–03 to 2015–17, districts before 2019',
    rawPath: 'cancer/cancer_preventable_mortality_u75_dsr_lad_fingertips40502_trafforddatalab.csv', attribution: FINGERTIPS_ATTR,
  },
  qofPrevalence: {
    id: 'qofPrevalence', title: 'Quality and Outcomes Framework 2022-23: prevalence registers by GP practice',
    publisher: 'NHS England', licence: OGL, vintage: '2022-23',
    rawPath: 'cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz', attribution: 'Quality and Outcomes Framework 2022-23, NHS England, OGL v3.0.',
  },
  qofPracticeMapping: {
    id: 'qofPracticeMapping', title: 'Quality and Outcomes Framework 2022-23: practice to PCN, Sub-ICB and ICB mapping',
    publisher: 'NHS England', licence: OGL, vintage: '2022-23',
    rawPath: 'lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv', attribution: 'Quality and Outcomes Framework 2022-23, NHS England, OGL v3.0.',
  },
  // Older code lists, used only to recognise the year of codes in users' files (steps/reference-codes.ts).
  ward19Lad19: {
    id: 'ward19Lad19', title: 'Ward to Local Authority District (December 2019) Lookup in the United Kingdom',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'December 2019',
    rawPath: 'lookups/ward19_lad19_uk_ons.csv', attribution: ONS_ATTR,
  },
  ward21Lad21: {
    id: 'ward21Lad21', title: 'Ward to Local Authority District (May 2021) Lookup in the United Kingdom',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'May 2021',
    rawPath: 'lookups/ward21_lad21_uk_geographr.csv', attribution: ONS_ATTR,
  },
  ward22Boundaries: {
    id: 'ward22Boundaries', title: 'Wards (December 2022) Boundaries UK BSC (England; codes and names used)',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'December 2022',
    rawPath: 'boundaries/wards22_bsc_england_wgs84.geojson.gz', attribution: ONS_ATTR,
  },
  cal20Codes: {
    id: 'cal20Codes', title: 'Cancer Alliances (July 2020) Names and Codes in England',
    publisher: 'Office for National Statistics (ONS)', licence: OGL, vintage: 'July 2020',
    rawPath: 'lookups/cancer_alliance20_names_codes_ons.csv', attribution: ONS_ATTR,
  },
  // Ethnic group, stage at diagnosis, the 2022 Cancer Alliances and single-year ages (MANIFEST §10, §7a):
  // the official downloads as committed by RAND Europe, unchanged; no `official` download path yet.
  ethnicityTs021: {
    id: 'ethnicityTs021', title: 'Census 2021 TS021 Ethnic group (LSOA 2021): all usual residents, 5 high-level and 19 detailed groups',
    publisher: 'Office for National Statistics (ONS), Census 2021', licence: OGL, vintage: 'Census day, 21 March 2021; LSOA 2021',
    rawPath: 'ethnicity/census2021_ts021_ethnic_group_lsoa21_ew.csv.gz',
    attribution: 'Source: Office for National Statistics licensed under the Open Government Licence v3.0 (Census 2021, table TS021, Nomis bulk download).',
  },
  ndrsStage: {
    id: 'ndrsStage', title: 'Cancer stage at diagnosis by cancer site, England, Cancer Alliance and Integrated Care Board, 2013–2022 (NDRS Cancer Data Hub)',
    publisher: 'NHS England, National Disease Registration Service (NDRS)', licence: OGL,
    vintage: 'Diagnoses 2013–2022; 42 ICBs (2022 names) and the 20-alliance set NDRS reports',
    rawPath: 'cancer/ndrs_stage_at_diagnosis_by_site_cancer_alliance_icb_2013_2022.csv.gz', attribution: NDRS_ATTR,
  },
  cal22Mapping: {
    id: 'cal22Mapping', title: 'Sub-ICB to Cancer Alliance mapping 2022 (v1.4), Cancer Waiting Times statistics',
    publisher: 'NHS England', licence: OGL, vintage: '2022 (v1.4): 106 Sub-ICB locations, 42 ICBs, 21 Cancer Alliances',
    rawPath: 'lookups/sicbl22_icb22_cancer_alliance_nhse_mapping_2022_v1_4.csv', attribution: 'NHS England, Cancer Waiting Times: Sub-ICB to Cancer Alliance mapping 2022, OGL v3.0.',
  },
  populationSingleYear: {
    id: 'populationSingleYear', title: 'Clinical commissioning group population estimates by single year of age and sex, mid-2001 to mid-2020 (105 CancerData units)',
    publisher: 'Office for National Statistics (ONS), as distributed with NDRS CancerData', licence: OGL, vintage: 'mid-2020 used; CCG April 2021 boundaries',
    rawPath: 'population/ons_population_single_year_age_sex_ccg21x105_2001_2020_upna.csv.gz', attribution: ONS_ATTR,
  },
};
