/**
 * Readers that turn each source file into the pipeline's canonical rows. Column names are looked up
 * by their published header so a renamed or missing column fails loudly, naming the file.
 */
import type { FeatureCollection } from 'geojson';
import { IMD_DOMAINS, imdColumn } from '../../src/data/catalogue/imd-domains';
import { CENSUS_AGE_COLUMNS, type CensusAgeColumn } from '../../src/data/catalogue/profile-bands';
import { column, parseNumber, readCsv, readGeoJson, type Row } from './read-raw';

export type ImdRow = { code: string } & Record<string, number | null>;

const HUMANIVERSE_DOMAIN: Record<string, string> = {
  imd: 'IMD', income: 'Income', employment: 'Employment', education: 'Education', health: 'Health',
  crime: 'Crime', barriers: 'Housing_and_Services', environment: 'Environment',
};

/**
 * IoD2025 scores, ranks and deciles per LSOA 2021: MHCLG File 7 as published (the download path), or
 * the humaniverse layout of the same file (the workplace raw directory).
 */
export async function readImd2025(path: string): Promise<ImdRow[]> {
  const rows = await readCsv(path);
  const official = Object.keys(rows[0] ?? {}).some((h) => tidy(h) === 'LSOA code (2021)');
  const codeCol = official ? file7Header(rows, 'LSOA code (2021)', path) : column(rows, ['lsoa21_code'], path);
  const source = (domain: string, part: 'score' | 'rank' | 'decile') => {
    if (official) return file7Header(rows, `${FILE7_DOMAIN[domain]} ${part[0].toUpperCase()}${part.slice(1)}`, path);
    const col = `${HUMANIVERSE_DOMAIN[domain]}_${part}`;
    if (!(col in (rows[0] ?? {}))) throw new Error(`${path}: column ${col} missing`);
    return col;
  };
  const columns = IMD_DOMAINS.flatMap((d) => (['score', 'rank', 'decile'] as const).map((part) => [imdColumn(d.key, part), source(d.key, part)]));
  return rows.map((r, i) => {
    const out: ImdRow = { code: r[codeCol] } as ImdRow;
    for (const [to, from] of columns) out[to] = parseNumber(r[from], `${path} row ${i + 2} column ${from}`);
    return out;
  });
}

/** Domain names as MHCLG's File 2 and File 7 headers spell them ("<name> Rank (where 1 is most deprived)"). */
const FILE7_DOMAIN: Record<string, string> = {
  imd: 'Index of Multiple Deprivation (IMD)', income: 'Income', employment: 'Employment',
  education: 'Education, Skills and Training', health: 'Health Deprivation and Disability', crime: 'Crime',
  barriers: 'Barriers to Housing and Services', environment: 'Living Environment',
};

/** Published headers may carry line breaks or doubled spaces (spreadsheet exports): compare them tidied. */
const tidy = (h: string) => h.replace(/\s+/g, ' ').trim();

/** The header that starts with `prefix` (MHCLG headers run on: "Income Score (rate)", "... Decile (where 1 is ...)"). */
function file7Header(rows: Row[], prefix: string, path: string): string {
  const h = Object.keys(rows[0] ?? {}).find((c) => tidy(c).startsWith(prefix));
  if (!h) throw new Error(`${path}: no "${prefix}" column`);
  return h;
}

export interface Imd2019Row extends Record<string, number | null | string> {
  code: string;
  name: string;
  lad19_code: string;
}

/** IoD2019 ranks and deciles of IMD and domains per LSOA 2011: File 2, or File 7 which repeats its headers. */
export async function readImd2019(path: string): Promise<Imd2019Row[]> {
  const rows = await readCsv(path);
  const find = (prefix: string, part: 'Rank' | 'Decile') => file7Header(rows, `${prefix} ${part}`, path);
  const code = column(rows, ['LSOA code (2011)'], path);
  const name = column(rows, ['LSOA name (2011)'], path);
  const lad = column(rows, ['Local Authority District code (2019)'], path);
  return rows.map((r, i) => {
    const out: Imd2019Row = { code: r[code], name: r[name], lad19_code: r[lad] };
    for (const d of IMD_DOMAINS) {
      for (const part of ['Rank', 'Decile'] as const) {
        const h = find(FILE7_DOMAIN[d.key], part);
        out[imdColumn(d.key, part === 'Rank' ? 'rank' : 'decile')] = parseNumber(r[h], `${path} row ${i + 2} column ${h}`);
      }
    }
    return out;
  });
}

/** IoD2019 total population mid-2015 per LSOA 2011: File 6 (thousands separators in numbers) or File 7. */
export async function readImd2019Population(path: string): Promise<Map<string, number>> {
  const rows = await readCsv(path);
  const code = column(rows, ['LSOA code (2011)'], path);
  const total = column(rows, ['Total population: mid 2015 (excluding prisoners)'], path);
  return new Map(rows.map((r, i) => [r[code], parseNumber(r[total], `${path} row ${i + 2}`) ?? 0]));
}


export interface Census2021Row { code: string; total: number; age16plus: number; age50plus: number; bands: Record<CensusAgeColumn, number> }

export async function readCensus2021(path: string): Promise<Map<string, Census2021Row>> {
  const rows = await readCsv(path);
  const code = column(rows, ['lsoa21_code'], path);
  for (const b of CENSUS_AGE_COLUMNS) column(rows, [b], path);
  const out = new Map<string, Census2021Row>();
  rows.forEach((r, i) => {
    const at = `${path} row ${i + 2}`;
    const n = (c: string) => parseNumber(r[c], `${at} column ${c}`) ?? 0;
    const bands = Object.fromEntries(CENSUS_AGE_COLUMNS.map((b) => [b, n(b)])) as Record<CensusAgeColumn, number>;
    out.set(r[code], { code: r[code], total: n('total_usual_residents'), age16plus: n('age_16_plus'), age50plus: bands.age_50_64 + bands.age_65_plus, bands });
  });
  return out;
}

export interface Lsoa21Parents { ward24_code: string; ward24_name: string; lad24_code: string; lad24_name: string }

export async function readLsoa21Ward24Lad24(path: string): Promise<Map<string, Lsoa21Parents>> {
  const rows = await readCsv(path);
  const c = (names: string[]) => column(rows, names, path);
  const [lsoa, wd, wdn, lad, ladn] = [c(['lsoa21_code', 'LSOA21CD']), c(['ward24_code', 'WD24CD']), c(['ward24_name', 'WD24NM']), c(['ltla24_code', 'LAD24CD']), c(['ltla24_name', 'LAD24NM'])];
  return new Map(rows.filter((r) => r[lsoa].startsWith('E')).map((r) => [r[lsoa], { ward24_code: r[wd], ward24_name: r[wdn], lad24_code: r[lad], lad24_name: r[ladn] }]));
}

/** `sicbl24_ods`: the Sub-ICB location's NHS (ODS) code, e.g. "01F": NHS England's lookups join on it. */
export interface Lsoa21Nhs { sicbl24_code: string; sicbl24_name: string; sicbl24_ods: string; icb24_code: string; icb24_name: string }

export async function readLsoa21Icb24(path: string): Promise<Map<string, Lsoa21Nhs>> {
  const rows = await readCsv(path);
  const c = (names: string[]) => column(rows, names, path);
  const [lsoa, s, sn, ods, icb, icbn] = [c(['lsoa21_code', 'LSOA21CD']), c(['sicbl24_code', 'SICBL24CD']), c(['sicbl24_name', 'SICBL24NM']), c(['sicbl24_code_nhs', 'SICBL24CDH']), c(['icb24_code', 'ICB24CD']), c(['icb24_name', 'ICB24NM'])];
  return new Map(rows.map((r) => [r[lsoa], { sicbl24_code: r[s], sicbl24_name: r[sn], sicbl24_ods: r[ods], icb24_code: r[icb], icb24_name: r[icbn] }]));
}

/** ICB codes that changed between the 2022 and 2024 vintages (same areas, new codes). */
const ICB22_TO_ICB24: Record<string, string> = { E54000052: 'E54000063', E54000053: 'E54000064' };

export async function readLsoa11Icb22(path: string): Promise<Map<string, string>> {
  const rows = await readCsv(path);
  const lsoa = column(rows, ['lsoa11_code', 'LSOA11CD'], path);
  const icb = column(rows, ['icb22_code', 'ICB22CD'], path);
  return new Map(rows.map((r) => [r[lsoa], ICB22_TO_ICB24[r[icb]] ?? r[icb]]));
}

/** Maps every historic LAD code (2016–2023) to its 2024 successor. */
export async function readLadCodeChanges(path: string): Promise<Map<string, string>> {
  const rows: Row[] = await readCsv(path);
  const years = ['16', '17', '18', '19', '20', '21', '22', '23'];
  const out = new Map<string, string>();
  for (const r of rows) {
    const to = r.ltla24_code;
    if (!to) continue;
    for (const y of years) if (r[`ltla${y}_code`]) out.set(r[`ltla${y}_code`], to);
    out.set(to, to);
  }
  return out;
}

export interface BoundaryFeature { code: string; name: string; geometry: FeatureCollection['features'][number]['geometry'] }

export async function readBoundaries(path: string, codeCols: string[], nameCols: string[]): Promise<BoundaryFeature[]> {
  const fc = await readGeoJson(path);
  const props = fc.features[0]?.properties ?? {};
  const codeCol = codeCols.find((c) => c in props);
  const nameCol = nameCols.find((c) => c in props);
  if (!codeCol || !nameCol) throw new Error(`${path}: expected properties ${codeCols.join('/')} and ${nameCols.join('/')}`);
  return fc.features
    .filter((f) => String(f.properties?.[codeCol]).startsWith('E'))
    .map((f) => ({ code: String(f.properties![codeCol]), name: String(f.properties![nameCol]), geometry: f.geometry }));
}
