/**
 * Test fixtures shaped like the publishers' own releases, generated at test time from the workplace
 * raw-data directory (never committed): MHCLG File 7 CSVs with the official headers and column
 * order, ONS ArcGIS layers with the official field names (served page by page by
 * official-server.ts), a Code History Database zip and a Census API JSON response. Each sits at the
 * URL path the publisher uses, taken from `official` in sources.ts.
 *
 * Values the raw directory lacks are left blank rather than invented: IoD2019 scores, IDACI/IDAOPI,
 * the IoD2025 mid-2022 denominators, the CAL24/LAD24 columns of the ICB lookup. The pipeline reads
 * none of them.
 */
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import { toCsv, type Cell } from '../../src/lib/csv-write';
import { readCsv, readGeoJson, type Row } from '../../scripts/pipeline/read-raw';
import { SOURCES, type SourceId } from '../../scripts/pipeline/sources';
import { writeZip } from './zip-write';

export interface ArcgisLayerFixture {
  records: { attributes: Record<string, string | number>; geometry?: Geometry }[];
  /** The page size the server enforces whatever the client asks for. */
  maxRecordCount: number;
}

export interface OfficialFixtures {
  /** Files by URL path (plus query string where the publisher's URL has one). */
  files: Map<string, { body: Buffer; type: string }>;
  /** ArcGIS layers by their query path. */
  layers: Map<string, ArcgisLayerFixture>;
}

const pathOf = (id: SourceId) => {
  const u = new URL(SOURCES[id].official!.url);
  return u.pathname + u.search;
};

export async function buildOfficialFixtures(rawDir: string): Promise<OfficialFixtures> {
  const raw = (p: string) => join(rawDir, p);
  const files: OfficialFixtures['files'] = new Map();
  const layers: OfficialFixtures['layers'] = new Map();
  const csv = (body: string) => ({ body: Buffer.from(body, 'utf8'), type: 'text/csv' });

  const ward = await readCsv(raw(SOURCES.lsoa21Ward24Lad24.rawPath));
  files.set(pathOf('imd2025'), csv(await file7For2025(raw, ward)));
  files.set(pathOf('imd2019'), csv(await file7For2019(raw)));

  const boundaries = async (id: SourceId, code: string, name: string, official: [string, string]) => {
    const fc = await readGeoJson(raw(SOURCES[id].rawPath));
    const records = fc.features.map((f, i) => ({
      attributes: { FID: i + 1, [official[0]]: f.properties![code] as string | number, [official[1]]: f.properties![name] as string | number },
      geometry: f.geometry,
    }));
    layers.set(pathOf(id), { records, maxRecordCount: 2000 });
  };
  await boundaries('lsoa21Boundaries', 'lsoa21_code', 'lsoa21_name', ['LSOA21CD', 'LSOA21NM']);
  await boundaries('lsoa11Boundaries', 'LSOA11CD', 'LSOA11NM', ['LSOA11CD', 'LSOA11NM']);

  // Lookup tables: geographr's snake_case columns renamed back to the ONS field names.
  const table = async (id: SourceId, rows: Row[], rename: Record<string, string>) => {
    const records = rows.map((r, i) => {
      const attributes: Record<string, string | number> = { ObjectId: i + 1 };
      for (const [ons, col] of Object.entries(rename)) attributes[ons] = r[col];
      return { attributes };
    });
    layers.set(pathOf(id), { records, maxRecordCount: 1000 });
  };
  await table('lsoa21Ward24Lad24', ward, {
    LSOA21CD: 'lsoa21_code', LSOA21NM: 'lsoa21_name', WD24CD: 'ward24_code', WD24NM: 'ward24_name', LAD24CD: 'ltla24_code', LAD24NM: 'ltla24_name',
  });
  await table('lsoa21Icb24', await readCsv(raw(SOURCES.lsoa21Icb24.rawPath)), {
    LSOA21CD: 'lsoa21_code', LSOA21NM: 'lsoa21_name', SICBL24CD: 'sicbl24_code', SICBL24CDH: 'sicbl24_code_nhs', SICBL24NM: 'sicbl24_name',
    ICB24CD: 'icb24_code', ICB24CDH: 'icb24_code_nhs', ICB24NM: 'icb24_name',
  });
  await table('lsoa11Icb22', await readCsv(raw(SOURCES.lsoa11Icb22.rawPath)), {
    LSOA11CD: 'lsoa11_code', LSOA11NM: 'lsoa11_name', SICBL22CD: 'sicbl22_code', SICBL22CDH: 'sicbl22_code_h', SICBL22NM: 'sicbl22_name',
    ICB22CD: 'icb22_code', ICB22CDH: 'icb22_code_h', ICB22NM: 'icb22_name', LAD22CD: 'ltla22_code', LAD22NM: 'ltla22_name',
  });

  files.set(pathOf('ladCodeChanges'), { body: codeHistoryZip(await readCsv(raw(SOURCES.ladCodeChanges.rawPath)), ward), type: 'application/zip' });
  files.set(pathOf('census2021Population'), {
    body: Buffer.from(censusObservations(await readCsv(raw(SOURCES.census2021Population.rawPath)))),
    type: 'application/json',
  });
  return { files, layers };
}

/** File 7 column headers, in the published order, for a domain or sub-domain and its score label. */
const triple = (name: string, score: string) => [
  `${name} ${score}`, `${name} Rank (where 1 is most deprived)`, `${name} Decile (where 1 is most deprived 10% of LSOAs)`,
];
const DOMAINS: [string, string, string][] = [
  // [File 7 name, score label, key in the humaniverse files]
  ['Index of Multiple Deprivation (IMD)', 'Score', 'IMD'], ['Income', 'Score (rate)', 'Income'],
  ['Employment', 'Score (rate)', 'Employment'], ['Education, Skills and Training', 'Score', 'Education'],
  ['Health Deprivation and Disability', 'Score', 'Health'], ['Crime', 'Score', 'Crime'],
  ['Barriers to Housing and Services', 'Score', 'Housing_and_Services'], ['Living Environment', 'Score', 'Environment'],
  ['Income Deprivation Affecting Children Index (IDACI)', 'Score (rate)', ''],
  ['Income Deprivation Affecting Older People (IDAOPI)', 'Score (rate)', ''],
];
const SUBDOMAINS: [string, string][] = [
  ['Children and Young People Sub-domain', 'children_and_young_people'], ['Adult Skills Sub-domain', 'adult_skills'],
  ['Geographical Barriers Sub-domain', 'geographical_barriers'], ['Wider Barriers Sub-domain', 'wider_barriers'],
  ['Indoors Sub-domain', 'indoors'], ['Outdoors Sub-domain', 'outdoors'],
];

async function file7For2025(raw: (p: string) => string, ward: Row[]): Promise<string> {
  const main = await readCsv(raw(SOURCES.imd2025.rawPath));
  const sub = new Map((await readCsv(raw('imd/imd2025_lsoa21_subdomains_humaniverse.csv.gz'))).map((r) => [r.lsoa21_code, r]));
  const place = new Map(ward.map((r) => [r.lsoa21_code, r]));
  const header = [
    'LSOA code (2021)', 'LSOA name (2021)', 'Local Authority District code (2024)', 'Local Authority District name (2024)',
    ...DOMAINS.flatMap(([name, score]) => triple(name, score)),
    ...SUBDOMAINS.flatMap(([name]) => triple(name, 'Score')),
    'Total population: mid 2022', 'Dependent Children aged 0-15: mid 2022', 'Older population aged 60 and over: mid 2022',
    'Working age population 18-66 (for use with Employment Deprivation Domain): mid 2022',
  ];
  // The published file cuts this one header short; kept so the reader meets the real quirk.
  header[header.indexOf('Children and Young People Sub-domain Decile (where 1 is most deprived 10% of LSOAs)')] =
    'Children and Young People Sub-domain Decile (where 1 is most deprived 10% of LSO';
  const rows = main.map((r) => {
    const p = place.get(r.lsoa21_code);
    const s = sub.get(r.lsoa21_code);
    return [
      r.lsoa21_code, p?.lsoa21_name, p?.ltla24_code, p?.ltla24_name,
      ...DOMAINS.flatMap(([, , key]) => (key ? [r[`${key}_score`], r[`${key}_rank`], r[`${key}_decile`]] : ['', '', ''])),
      ...SUBDOMAINS.flatMap(([, key]) => [s?.[`${key}_score`], s?.[`${key}_rank`], s?.[`${key}_decile`]]),
      '', '', '', '',
    ];
  });
  return toCsv(header, rows as Cell[][], { bom: true });
}

async function file7For2019(raw: (p: string) => string): Promise<string> {
  const file2 = await readCsv(raw(SOURCES.imd2019.rawPath));
  const file6 = new Map((await readCsv(raw(SOURCES.imd2019Population.rawPath))).map((r) => [r['LSOA code (2011)'], r]));
  const sub = new Map((await readCsv(raw('imd/imd2019_lsoa11_subdomains_humaniverse.csv.gz'))).map((r) => [r.lsoa11_code, r]));
  const SUB_2019: Record<string, string> = {
    children_and_young_people: 'Children_and_young_people', adult_skills: 'Adult_skills', geographical_barriers: 'Geographical_barriers',
    wider_barriers: 'Wider_barriers', indoors: 'Indoors', outdoors: 'Outdoors',
  };
  const population = [
    'Total population: mid 2015 (excluding prisoners)', 'Dependent Children aged 0-15: mid 2015 (excluding prisoners)',
    'Population aged 16-59: mid 2015 (excluding prisoners)', 'Older population aged 60 and over: mid 2015 (excluding prisoners)',
    'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)',
  ];
  const header = [
    'LSOA code (2011)', 'LSOA name (2011)', 'Local Authority District code (2019)', 'Local Authority District name (2019)',
    ...DOMAINS.flatMap(([name, score]) => triple(name, score)),
    ...SUBDOMAINS.flatMap(([name]) => triple(name, 'Score')),
    ...population,
  ];
  const rows = file2.map((r) => {
    const code = r['LSOA code (2011)'];
    const s = sub.get(code);
    const f6 = file6.get(code);
    const fromFile2 = (name: string) => [
      '', r[`${name} Rank (where 1 is most deprived)`] ?? '', r[`${name} Decile (where 1 is most deprived 10% of LSOAs)`] ?? '',
    ];
    return [
      code, r['LSOA name (2011)'], r['Local Authority District code (2019)'], r['Local Authority District name (2019)'],
      ...DOMAINS.flatMap(([name]) => fromFile2(name)),
      ...SUBDOMAINS.flatMap(([, key]) => ['', s?.[`${SUB_2019[key]}_rank`], s?.[`${SUB_2019[key]}_decile`]]),
      // File 6 is an xlsx export with thousands separators; File 7 has plain numbers.
      ...population.map((c) => (f6?.[c] ?? '').replace(/,/g, '')),
    ];
  });
  return toCsv(header, rows as Cell[][], { bom: true });
}

/**
 * A Code History Database look-alike: ChangeHistory.csv with each district's start and end dates,
 * Changes.csv with each new code's predecessor, derived from the raw year-by-year table. A few ward
 * rows are mixed in, as in the real (all-geographies) database.
 */
function codeHistoryZip(byYear: Row[], ward: Row[]): Buffer {
  const years = [16, 17, 18, 19, 20, 21, 22, 23, 24];
  const seen = new Map<string, { name: string; first: number; last: number }>();
  const changes = new Map<string, Cell[]>();
  for (const r of byYear) {
    years.forEach((y, i) => {
      const code = r[`ltla${y}_code`];
      const name = r[`ltla${y}_name`];
      const s = seen.get(code) ?? { name, first: y, last: y };
      s.first = Math.min(s.first, y);
      s.last = Math.max(s.last, y);
      if (y >= s.last) s.name = name; // ChangeHistory carries a code's latest name
      seen.set(code, s);
      const [prev, prevName] = i > 0 ? [r[`ltla${years[i - 1]}_code`], r[`ltla${years[i - 1]}_name`]] : [code, name];
      // New codes, and renames under the same code, are both rows of Changes.csv.
      if (prev !== code || prevName !== name) {
        changes.set(`${prev}>${code}@${y}`, [code, name, '', prev, prevName, '', 'SI0001', 'Reorganisation Order', `01/04/20${y}`, code.slice(0, 3), `20${y}`]);
      }
    });
  }
  const history: Cell[][] = [...seen].map(([code, s]) => [
    code, s.name, '', 'SI0001', '', s.first === 16 ? '01/04/2009' : `01/04/20${s.first}`, s.last === 24 ? '' : `31/03/20${s.last + 1}`,
    '', code.slice(0, 3), 'ONS', s.last === 24 ? 'live' : 'terminated', '', '', '', '',
  ]);
  for (const w of ward.slice(0, 5)) history.push([w.ward24_code, w.ward24_name, '', '', '', '01/05/2024', '', w.ltla24_code, 'E05', 'ONS', 'live', '', '', '', '']);
  const changesCsv = toCsv(['GEOGCD', 'GEOGNM', 'GEOGNMW', 'GEOGCD_P', 'GEOGNM_P', 'GEOGNMW_P', 'SI_ID', 'SI_TITLE', 'OPER_DATE', 'ENTITYCD', 'YEAR'], [...changes.values()]);
  const historyCsv = toCsv(
    ['GEOGCD', 'GEOGNM', 'GEOGNMW', 'SI_ID', 'SI_TITLE', 'OPER_DATE', 'TERM_DATE', 'PARENTCD', 'ENTITYCD', 'OWNER', 'STATUS', 'AREAEHECT', 'AREACHECT', 'AREAIHECT', 'AREALHECT'],
    history,
  );
  return writeZip([
    { name: 'ChangeHistory.csv', data: Buffer.from(historyCsv) },
    { name: 'Changes.csv', data: Buffer.from(changesCsv) },
    { name: 'Equivalents.csv', data: Buffer.from('GEOGCD,GEOGNM\r\n') },
  ]);
}

/** The ONS API's census-observations JSON: one observation per LSOA and "Age (6 categories)" option. */
function censusObservations(rows: Row[]): string {
  const bands = [
    ['1', 'Aged 15 years and under', 'age_0_15'], ['2', 'Aged 16 to 24 years', 'age_16_24'], ['3', 'Aged 25 to 34 years', 'age_25_34'],
    ['4', 'Aged 35 to 49 years', 'age_35_49'], ['5', 'Aged 50 to 64 years', 'age_50_64'], ['6', 'Aged 65 years and over', 'age_65_plus'],
  ];
  const observations = rows.flatMap((r) => bands.map(([id, label, col]) => ({
    dimensions: [
      { dimension: 'Lower layer Super Output Areas', dimension_id: 'lsoa', option: r.lsoa21_name, option_id: r.lsoa21_code },
      { dimension: 'Age (6 categories)', dimension_id: 'resident_age_6a', option: label, option_id: id },
    ],
    observation: Number(r[col]),
  })));
  return JSON.stringify({ observations, links: { self: { href: '', id: '' } }, total_observations: observations.length, blocked_areas: 0, total_areas: rows.length, areas_returned: rows.length });
}
