/**
 * Readers that turn each source file into the pipeline's canonical rows. Column names are looked up
 * by their published header so a renamed or missing column fails loudly, naming the file.
 */
import type { FeatureCollection } from 'geojson';
import { IMD_DOMAINS, imdColumn } from '../../src/data/catalogue/imd-domains';
import { column, parseNumber, readCsv, readGeoJson, type Row } from './read-raw';

export type ImdRow = { code: string } & Record<string, number | null>;

const HUMANIVERSE_DOMAIN: Record<string, string> = {
  imd: 'IMD', income: 'Income', employment: 'Employment', education: 'Education', health: 'Health',
  crime: 'Crime', barriers: 'Housing_and_Services', environment: 'Environment',
};

/** IoD2025 scores, ranks and deciles per LSOA 2021 (humaniverse layout of MHCLG File 7). */
export async function readImd2025(path: string): Promise<ImdRow[]> {
  const rows = await readCsv(path);
  const codeCol = column(rows, ['lsoa21_code', 'LSOA code (2021)'], path);
  return rows.map((r, i) => {
    const out: ImdRow = { code: r[codeCol] } as ImdRow;
    for (const d of IMD_DOMAINS) {
      for (const part of ['score', 'rank', 'decile'] as const) {
        const src = `${HUMANIVERSE_DOMAIN[d.key]}_${part}`;
        if (!(src in r)) throw new Error(`${path}: column ${src} missing`);
        out[imdColumn(d.key, part)] = parseNumber(r[src], `${path} row ${i + 2} column ${src}`);
      }
    }
    return out;
  });
}

const FILE2_DOMAIN: Record<string, string> = {
  imd: 'Index of Multiple Deprivation (IMD)', income: 'Income', employment: 'Employment',
  education: 'Education, Skills and Training', health: 'Health Deprivation and Disability', crime: 'Crime',
  barriers: 'Barriers to Housing and Services', environment: 'Living Environment',
};

export interface Imd2019Row extends Record<string, number | null | string> {
  code: string;
  name: string;
  lad19_code: string;
}

/** IoD2019 File 2: ranks and deciles of IMD and domains per LSOA 2011 (no scores are published there). */
export async function readImd2019(path: string): Promise<Imd2019Row[]> {
  const rows = await readCsv(path);
  const headers = Object.keys(rows[0] ?? {});
  const find = (prefix: string, part: 'Rank' | 'Decile') => {
    const h = headers.find((c) => c.startsWith(`${prefix} ${part}`));
    if (!h) throw new Error(`${path}: no "${prefix} ${part}" column`);
    return h;
  };
  const code = column(rows, ['LSOA code (2011)'], path);
  const name = column(rows, ['LSOA name (2011)'], path);
  const lad = column(rows, ['Local Authority District code (2019)'], path);
  return rows.map((r, i) => {
    const out: Imd2019Row = { code: r[code], name: r[name], lad19_code: r[lad] };
    for (const d of IMD_DOMAINS) {
      for (const part of ['Rank', 'Decile'] as const) {
        const h = find(FILE2_DOMAIN[d.key], part);
        out[imdColumn(d.key, part === 'Rank' ? 'rank' : 'decile')] = parseNumber(r[h], `${path} row ${i + 2} column ${h}`);
      }
    }
    return out;
  });
}

/** IoD2019 File 6: total population mid-2015 per LSOA 2011 (numbers carry thousands separators). */
export async function readImd2019Population(path: string): Promise<Map<string, number>> {
  const rows = await readCsv(path);
  const code = column(rows, ['LSOA code (2011)'], path);
  const total = column(rows, ['Total population: mid 2015 (excluding prisoners)'], path);
  return new Map(rows.map((r, i) => [r[code], parseNumber(r[total], `${path} row ${i + 2}`) ?? 0]));
}

export interface Census2021Row { code: string; total: number; age16plus: number; age50plus: number }

export async function readCensus2021(path: string): Promise<Map<string, Census2021Row>> {
  const rows = await readCsv(path);
  const code = column(rows, ['lsoa21_code'], path);
  const out = new Map<string, Census2021Row>();
  rows.forEach((r, i) => {
    const at = `${path} row ${i + 2}`;
    const n = (c: string) => parseNumber(r[c], `${at} column ${c}`) ?? 0;
    out.set(r[code], { code: r[code], total: n('total_usual_residents'), age16plus: n('age_16_plus'), age50plus: n('age_50_64') + n('age_65_plus') });
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

export interface Lsoa21Nhs { sicbl24_code: string; sicbl24_name: string; icb24_code: string; icb24_name: string }

export async function readLsoa21Icb24(path: string): Promise<Map<string, Lsoa21Nhs>> {
  const rows = await readCsv(path);
  const c = (names: string[]) => column(rows, names, path);
  const [lsoa, s, sn, icb, icbn] = [c(['lsoa21_code', 'LSOA21CD']), c(['sicbl24_code', 'SICBL24CD']), c(['sicbl24_name', 'SICBL24NM']), c(['icb24_code', 'ICB24CD']), c(['icb24_name', 'ICB24NM'])];
  return new Map(rows.map((r) => [r[lsoa], { sicbl24_code: r[s], sicbl24_name: r[sn], icb24_code: r[icb], icb24_name: r[icbn] }]));
}

/** ICB codes that changed between the 2022 and 2024 vintages (same areas, new codes). */
export const ICB22_TO_ICB24: Record<string, string> = { E54000052: 'E54000063', E54000053: 'E54000064' };

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
