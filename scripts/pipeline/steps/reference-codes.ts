/**
 * Reference lists for importing users' files (src/data/import): which area codes were valid in which
 * year, how old local authority codes map to 2024, and where GP practices are. Written as compact
 * CSV tables that the import worker loads on first use:
 *  - tables/ref_lad_codes.csv   code, name, year_first, year_last, lad24_code, residents (England,
 *                               2016–2024; Census 2021 residents of the code's area, see lad-residents.ts)
 *  - tables/ref_area_codes.csv  family (ward|sicbl|icb|cal), code, name, years ("2019 2021 2022 2024")
 *  - tables/ref_practices.csv   code, name, lsoa21_code, ward24_code, lad24_code, sicbl_code, icb_code,
 *                               list_size (registered patients, QOF 2022-23; blank when not in QOF)
 * They are outputs, not DuckDB tables: the app never queries them, so they stay out of `ctx.tables`.
 */
import type { PipelineContext, PipelineStep } from '../context';
import { readQofRegister } from '../read-cancer';
import { ladResidents } from '../lad-residents';
import { column, readCsv, readGeoJson, type Row } from '../read-raw';

const isEnglish = (code: string | undefined): code is string => !!code && code.startsWith('E');

/** code → name and the years its list includes it. */
class YearLists {
  readonly codes = new Map<string, { name: string; years: Set<number> }>();
  add(code: string | undefined, name: string | undefined, year: number): void {
    if (!isEnglish(code)) return;
    const e = this.codes.get(code) ?? { name: name ?? '', years: new Set<number>() };
    e.years.add(year);
    if (name) e.name = name; // later years' names win (files are added oldest first)
    this.codes.set(code, e);
  }
  addRows(rows: Row[], file: string, codeCols: string[], nameCols: string[], year: number): void {
    const c = column(rows, codeCols, file);
    const n = column(rows, nameCols, file);
    for (const r of rows) this.add(r[c], r[n], year);
  }
  inYear(year: number): Set<string> {
    return new Set([...this.codes].filter(([, e]) => e.years.has(year)).map(([code]) => code));
  }
}

async function ladCodes(ctx: PipelineContext) {
  const path = await ctx.source('ladCodeChanges');
  const rows = await readCsv(path);
  const out = new Map<string, { name: string; first: number; last: number; to: string }>();
  for (let y = 16; y <= 24; y++) {
    const code = column(rows, [`ltla${y}_code`], path);
    const name = column(rows, [`ltla${y}_name`], path);
    for (const r of rows) {
      if (!isEnglish(r[code])) continue;
      const e = out.get(r[code]) ?? { name: r[name], first: 2000 + y, last: 2000 + y, to: r.ltla24_code };
      e.last = 2000 + y;
      e.name = r[name];
      out.set(r[code], e);
    }
  }
  return out;
}

async function practices(ctx: PipelineContext) {
  const locPath = await ctx.source('gpPracticeLocations');
  const mapPath = await ctx.source('qofPracticeMapping');
  const loc = await readCsv(locPath);
  const nhs = new Map((await readCsv(mapPath)).map((r) => [r.PRACTICE_CODE, r]));
  // every register row carries the practice's whole list size: the cancer register's rows give one per practice
  const lists = new Map((await readQofRegister(await ctx.source('qofPrevalence'), 'CAN')).map((r) => [r.practice, r.listSize]));
  const out = new Map<string, (string | number | null)[]>();
  for (const r of loc) {
    if (r.is_branch_or_other === 'TRUE' || !/^[A-Z]\d{5}$/.test(r.practice_code)) continue;
    const m = nhs.get(r.practice_code);
    out.set(r.practice_code, [r.practice_code, r.practice_name, r.lsoa21_code || null, r.ward24_code || null, r.ltla24_code || null, m?.SUB_ICB_ONS_CODE ?? null, m?.ICB_ONS_CODE ?? null, lists.get(r.practice_code) ?? null]);
  }
  // practices open in 2022-23 but missing from the 2019 locations: known Sub-ICB/ICB, no place
  for (const [code, m] of nhs) if (!out.has(code)) out.set(code, [code, m.PRACTICE_NAME, null, null, null, m.SUB_ICB_ONS_CODE, m.ICB_ONS_CODE, lists.get(code) ?? null]);
  return out;
}

export const referenceCodesStep: PipelineStep = {
  name: 'reference code lists for imported files (LAD, ward, Sub-ICB, ICB, Cancer Alliance codes by year; GP practices)',
  async run(ctx) {
    const lad = await ladCodes(ctx);
    const ward = new YearLists();
    const sicbl = new YearLists();
    const icb = new YearLists();
    const cal = new YearLists();
    const ward19 = await ctx.source('ward19Lad19');
    ward.addRows(await readCsv(ward19), ward19, ['WD19CD'], ['WD19NM'], 2019);
    const ward21 = await ctx.source('ward21Lad21');
    ward.addRows(await readCsv(ward21), ward21, ['ward21_code', 'WD21CD'], ['ward21_name', 'WD21NM'], 2021);
    const ward22 = await ctx.source('ward22Boundaries');
    for (const f of (await readGeoJson(ward22)).features) ward.add(String(f.properties?.ward22_code ?? f.properties?.WD22CD), String(f.properties?.ward22_name ?? f.properties?.WD22NM ?? ''), 2022);
    const ward24 = await ctx.source('lsoa21Ward24Lad24');
    ward.addRows(await readCsv(ward24), ward24, ['ward24_code', 'WD24CD'], ['ward24_name', 'WD24NM'], 2024);

    const ccg19 = await ctx.source('ccg19CancerAlliance');
    const ccg19Rows = await readCsv(ccg19);
    sicbl.addRows(ccg19Rows, ccg19, ['CCG19CD'], ['CCG19NM'], 2019);
    icb.addRows(ccg19Rows, ccg19, ['STP19CD'], ['STP19NM'], 2019);
    cal.addRows(ccg19Rows, ccg19, ['CAL19CD'], ['CAL19NM'], 2019);
    const cal20 = await ctx.source('cal20Codes');
    cal.addRows(await readCsv(cal20), cal20, ['CAL20CD'], ['CAL20NM'], 2020);
    const ccg21 = await ctx.source('lsoa11Ccg21');
    const ccg21Rows = await readCsv(ccg21);
    sicbl.addRows(ccg21Rows, ccg21, ['ccg21_code'], ['ccg21_name'], 2021);
    icb.addRows(ccg21Rows, ccg21, ['stp21_code'], ['stp21_name'], 2021);
    const nhs22 = await ctx.source('lsoa11Icb22');
    const nhs22Rows = await readCsv(nhs22);
    sicbl.addRows(nhs22Rows, nhs22, ['sicbl22_code'], ['sicbl22_name'], 2022);
    icb.addRows(nhs22Rows, nhs22, ['icb22_code'], ['icb22_name'], 2022);
    const nhs24 = await ctx.source('lsoa21Icb24');
    const nhs24Rows = await readCsv(nhs24);
    sicbl.addRows(nhs24Rows, nhs24, ['sicbl24_code', 'SICBL24CD'], ['sicbl24_name', 'SICBL24NM'], 2024);
    icb.addRows(nhs24Rows, nhs24, ['icb24_code', 'ICB24CD'], ['icb24_name', 'ICB24NM'], 2024);

    // the 2024 lists must be exactly the atlas's own levels, or imported data would miss areas
    const areaCodes = (level: string) => new Set(ctx.areas.filter((a) => a.level === level).map((a) => a.code));
    const lad24 = new Set([...lad].filter(([, e]) => e.last === 2024).map(([c]) => c));
    for (const [label, mine, atlas] of [['LAD 2024', lad24, areaCodes('lad24')], ['ward 2024', ward.inYear(2024), areaCodes('ward24')], ['ICB 2024', icb.inYear(2024), areaCodes('icb24')]] as const) {
      ctx.report.check(`reference ${label} codes → atlas areas`, mine, atlas);
      ctx.report.check(`atlas areas → reference ${label} codes`, atlas, mine);
    }
    ctx.report.check('reference LAD codes 2016–2024 → a 2024 authority', [...lad.values()].map((e) => e.to), lad24);

    const gp = await practices(ctx);
    const lsoa21 = areaCodes('lsoa21');
    ctx.report.check('GP practice LSOA 2021 → atlas LSOAs', [...gp.values()].map((p) => p[2]).filter((c): c is string => !!c), lsoa21);

    const res = await ladResidents(lad, await ctx.source('lsoa11Lsoa21'), ctx.areas.filter((a) => a.level === 'lsoa21'));
    ctx.report.note(`reference LAD residents (Census 2021): ${res.counts.lad24} 2024 authorities, ${res.counts.lad22} districts of 2022 (ONS LSOA 2021 → LAD 2022), ${res.counts.lsoa11Names} older districts (by the LSOA 2011 names)`);
    ctx.report.check('reference LAD codes → Census 2021 residents', lad.keys(), res.residents);
    await ctx.out.writeCsv('tables/ref_lad_codes.csv', ['code', 'name', 'year_first', 'year_last', 'lad24_code', 'residents'],
      [...lad].sort().map(([code, e]) => [code, e.name, e.first, e.last, e.to, res.residents.get(code) ?? null]));
    const families = { ward, sicbl, icb, cal };
    await ctx.out.writeCsv('tables/ref_area_codes.csv', ['family', 'code', 'name', 'years'],
      Object.entries(families).flatMap(([family, lists]) => [...lists.codes].sort().map(([code, e]) => [family, code, e.name, [...e.years].sort().join(' ')])));
    await ctx.out.writeCsv('tables/ref_practices.csv', ['code', 'name', 'lsoa21_code', 'ward24_code', 'lad24_code', 'sicbl_code', 'icb_code', 'list_size'], [...gp.values()].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    ctx.log(`  reference codes: ${lad.size} LAD, ${ward.codes.size} ward, ${sicbl.codes.size} Sub-ICB/CCG, ${icb.codes.size} ICB/STP, ${cal.codes.size} Cancer Alliance, ${gp.size} practices`);
  },
};
