/**
 * QOF 2022-23 cancer register prevalence: per practice (with its 2019 location, for a point layer) and
 * summed over the practices of each 2024 Sub-ICB location (the registered list, not residents).
 */
import { ENGLAND_CODE } from '../../src/data/catalogue/types';
import type { Cell } from '../../src/lib/csv-write';
import type { PipelineContext } from './context';
import type { PracticeLocation } from './read-nhs-lookups';
import { readQofMapping, readQofRegister } from './read-cancer';

const QOF_PERIOD = '2022-23';

export async function writeQofTables(ctx: PipelineContext, locations: PracticeLocation[], sicbl22To24: Map<string, string>): Promise<void> {
  const registers = await readQofRegister(await ctx.source('qofPrevalence'), 'CAN');
  const mapping = await readQofMapping(await ctx.source('qofPracticeMapping'));
  const listed = new Set(locations.map((l) => l.code));
  const where = new Map(locations.filter((l) => l.lat !== null && l.lon !== null).map((l) => [l.code, l]));
  const sicbls = new Set(ctx.areas.filter((a) => a.level === 'sicbl24').map((a) => a.code));
  ctx.report.check('QOF 2022-23 cancer register practices → practice mapping', registers.map((r) => r.practice), mapping);
  ctx.report.check('QOF Sub-ICB (2022) → Sub-ICB 2024', new Set([...mapping.values()].map((m) => m.sicbl)), { has: (s) => sicbls.has(sicbl22To24.get(s) ?? s) });
  // Practices opened since May 2019 are not in the location file (MANIFEST §8 counts 18).
  ctx.report.check('QOF 2022-23 practices → 2019 practice list (NHS website)', registers.map((r) => r.practice), listed, 18);
  ctx.report.check('QOF 2022-23 practices in the 2019 list → coordinates', registers.map((r) => r.practice).filter((p) => listed.has(p)), where, 1);

  const totals = new Map<string, { register: number; list: number; practices: number }>();
  const points: Cell[][] = [];
  for (const r of registers) {
    const m = mapping.get(r.practice)!;
    const code = sicbl22To24.get(m.sicbl) ?? m.sicbl;
    for (const key of [code, ENGLAND_CODE]) {
      const t = totals.get(key) ?? { register: 0, list: 0, practices: 0 };
      totals.set(key, { register: t.register + r.register, list: t.list + r.listSize, practices: t.practices + 1 });
    }
    const at = where.get(r.practice);
    if (at) points.push([r.practice, m.name, code, at.lsoa21 || null, at.lon, at.lat, r.register, r.listSize, r.listSize ? (100 * r.register) / r.listSize : null]);
  }
  ctx.tables.qof_cancer = await ctx.out.writeCsv('tables/qof_cancer.csv', ['code', 'period', 'register', 'list_size', 'prevalence', 'practices'],
    [...totals].map(([code, t]) => [code, QOF_PERIOD, t.register, t.list, (100 * t.register) / t.list, t.practices]), 'sicbl24');
  ctx.tables.qof_cancer_practices = await ctx.out.writeCsv('tables/qof_cancer_practices.csv',
    ['practice_code', 'name', 'sicbl24_code', 'lsoa21_code', 'lon', 'lat', 'register', 'list_size', 'prevalence'], points);
  const eng = totals.get(ENGLAND_CODE)!;
  ctx.report.note(`QOF 2022-23 cancer register: ${registers.length} practices, England ${eng.register} of ${eng.list} registered (${((100 * eng.register) / eng.list).toFixed(2)} %); ${points.length} practices placed on the map`);
}
