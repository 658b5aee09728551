/**
 * Small reference lists for the import tests, built through the same loader as the real tables.
 * The codes are real public GSS/ODS codes chosen for how they changed between years:
 *  - LSOA: E01000001–3/5 exist in 2011 and 2021; E01000010/E01000023 only in 2011; E01033769/70 only in 2021.
 *  - wards: E05000932–4 in every year; E05000759–61 only 2019; E05013106 in 2021 and 2022 only;
 *    E05014394–6 only 2024; E05009288 (Aldersgate) 2019–2024.
 *  - LAD: E07000004 Aylesbury Vale and E07000005 Chiltern (to 2019) → E06000060 Buckinghamshire (2020–);
 *    E07000150 Corby (to 2020) → E06000061 North Northamptonshire (2021–); E06000001 Hartlepool and
 *    E09000001 City of London throughout.
 *  - Sub-ICB E38000247 (2021–2024), E38000264 (2024 only); ICB E54000050 (2021–2024), E54000052 (2022 only),
 *    E54000063 (2024 only); Cancer Alliance E56000003 (2019), E56000005 (2019, 2020).
 *  - practices A81001 (in LSOA E01035199) and A81002; Y00001 has no known location. List sizes and
 *    district residents are made up here (round numbers), as weights for averages.
 */
import { REFERENCE_TABLE_PATHS } from '../../src/data/import/load-reference-codes';
import { buildReferenceCodes, type ReferenceCodes, type ReferenceTables, type Row } from '../../src/data/import/reference-codes';
import { toCsv } from '../../src/lib/csv-write';

const areas: Row[] = [
  ...['E01000001', 'E01000002', 'E01000003', 'E01000005', 'E01033769', 'E01033770', 'E01035199'].map((code) => ({ level: 'lsoa21', code, name: '' })),
  ...['E01000001', 'E01000002', 'E01000003', 'E01000005', 'E01000010', 'E01000023'].map((code) => ({ level: 'lsoa11', code, name: '' })),
  { level: 'lad24', code: 'E06000060', name: 'Buckinghamshire' },
];

const lad = (code: string, name: string, first: number, last: number, to: string, residents: number): Row => ({ code, name, year_first: String(first), year_last: String(last), lad24_code: to, residents: String(residents) });
const ladCodes: Row[] = [
  lad('E07000004', 'Aylesbury Vale', 2016, 2019, 'E06000060', 200_000),
  lad('E07000005', 'Chiltern', 2016, 2019, 'E06000060', 100_000),
  lad('E06000060', 'Buckinghamshire', 2020, 2024, 'E06000060', 550_000),
  lad('E07000150', 'Corby', 2016, 2020, 'E06000061', 70_000),
  lad('E06000061', 'North Northamptonshire', 2021, 2024, 'E06000061', 360_000),
  lad('E06000001', 'Hartlepool', 2016, 2024, 'E06000001', 90_000),
  lad('E09000001', 'City of London', 2016, 2024, 'E09000001', 8_600),
];

const fam = (family: string, code: string, years: string, name = ''): Row => ({ family, code, name, years });
const areaCodes: Row[] = [
  ...['E05000932', 'E05000933', 'E05000934', 'E05009288'].map((c) => fam('ward', c, '2019 2021 2022 2024')),
  ...['E05000759', 'E05000760', 'E05000761'].map((c) => fam('ward', c, '2019')),
  fam('ward', 'E05013106', '2021 2022'),
  ...['E05014394', 'E05014395', 'E05014396'].map((c) => fam('ward', c, '2024')),
  fam('sicbl', 'E38000247', '2021 2022 2024'), fam('sicbl', 'E38000264', '2024'),
  fam('icb', 'E54000050', '2021 2022 2024'), fam('icb', 'E54000052', '2022'), fam('icb', 'E54000063', '2024'),
  fam('cal', 'E56000003', '2019'), fam('cal', 'E56000005', '2019 2020'),
];

const practices: Row[] = [
  { code: 'A81001', name: 'The Densham Surgery', lsoa21_code: 'E01035199', ward24_code: '', lad24_code: 'E06000004', sicbl_code: 'E38000247', icb_code: 'E54000050', list_size: '4000' },
  { code: 'A81002', name: 'Queens Park Medical Centre', lsoa21_code: 'E01035199', ward24_code: '', lad24_code: 'E06000004', sicbl_code: 'E38000247', icb_code: 'E54000050', list_size: '18000' },
  { code: 'Y00001', name: 'A practice with no location', lsoa21_code: '', ward24_code: '', lad24_code: '', sicbl_code: '', icb_code: '', list_size: '' },
];

export function syntheticReference(): ReferenceCodes {
  return buildReferenceCodes({ areas, ladCodes, areaCodes, practices });
}

/** The same lists as the CSV files the app serves (data/tables/…), for the worker's loader. */
export function syntheticReferenceFiles(): Record<string, Uint8Array> {
  const csv = (rows: Row[]) => toCsv(Object.keys(rows[0]), rows.map((r) => Object.values(r)));
  const files: Record<keyof ReferenceTables, string> = { areas: csv(areas), ladCodes: csv(ladCodes), areaCodes: csv(areaCodes), practices: csv(practices) };
  return Object.fromEntries(Object.entries(REFERENCE_TABLE_PATHS).map(([k, path]) => [path, new TextEncoder().encode(files[k as keyof ReferenceTables])]));
}

/**
 * The areas table for a DuckDB session with these lists: every LSOA with made-up residents and a
 * position (in a row across central London, 0.01° apart), each in one ward and the LA of the list;
 * and the practices' Sub-ICB and practice table.
 */
export function syntheticAreasSql(): string[] {
  const rows = areas.filter((a) => a.level === 'lsoa21' || a.level === 'lsoa11').map((a, i) => {
    const lon = -0.2 + 0.01 * i;
    return `('${a.level}', '${a.code}', '${a.code}', 'E05009288', 'E09000001', NULL, NULL, NULL, ${1000 + 100 * i}, ${800 + 80 * i}, ${lon}, 51.5, ${lon - 0.004}, 51.496, ${lon + 0.004}, 51.504)`;
  });
  // the columns of the pipeline's areas table (tables/areas.csv)
  const create = 'CREATE TABLE areas (level VARCHAR, code VARCHAR, name VARCHAR, ward24_code VARCHAR, lad24_code VARCHAR, sicbl24_code VARCHAR, icb24_code VARCHAR, '
    + 'cal19_code VARCHAR, population BIGINT, population_16plus BIGINT, lon DOUBLE, lat DOUBLE, minx DOUBLE, miny DOUBLE, maxx DOUBLE, maxy DOUBLE)';
  // The Sub-ICB of the practices above, in its ICB, and the pipeline's practice table
  // (tables/gp_practices.csv), which a GP practice file's Sub-ICB and ICB sums read.
  const sicbl = `('sicbl24', 'E38000247', 'E38000247', NULL, NULL, NULL, 'E54000050', NULL, 0, 0, -0.2, 51.5, -0.3, 51.4, -0.1, 51.6)`;
  const gp = 'CREATE TABLE gp_practices (practice_code VARCHAR, name VARCHAR, pcn_code VARCHAR, pcn_name VARCHAR, sicbl24_code VARCHAR, icb24_code VARCHAR, lsoa21_code VARCHAR, lon DOUBLE, lat DOUBLE)';
  const gpRows = practices.map((p) => `('${p.code}', '${p.name}', NULL, NULL, ${p.sicbl_code ? `'${p.sicbl_code}'` : 'NULL'}, ${p.icb_code ? `'${p.icb_code}'` : 'NULL'}, ${p.lsoa21_code ? `'${p.lsoa21_code}'` : 'NULL'}, NULL, NULL)`);
  return [create, `INSERT INTO areas VALUES ${[...rows, sicbl].join(', ')}`, gp, `INSERT INTO gp_practices VALUES ${gpRows.join(', ')}`];
}
