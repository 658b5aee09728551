/**
 * Practice and PCN tables (QOF 2022-23): one row per practice (its PCN, 2024 Sub-ICB location, ICB
 * and 2019 location when known) and one row per practice and register (register, list type and the
 * list size of that type). PCNs are not summed here: the SQL sums practices, so the app, the CLI and
 * the tests share one path. The mapping's PCN code "U" ("Unallocated") is not a PCN: those practices
 * get no PCN rather than being grouped into a pretend one.
 */
import { QOF_REGISTERS } from '../../src/data/catalogue/practice-measures';
import type { Cell } from '../../src/lib/csv-write';
import type { PipelineContext } from './context';
import { readQofMapping, readQofRegisters } from './read-cancer';
import type { PracticeLocation } from './read-nhs-lookups';

const UNALLOCATED_PCN = 'U';

export async function writePracticeTables(ctx: PipelineContext, locations: PracticeLocation[], sicbl22To24: Map<string, string>): Promise<void> {
  const registers = await readQofRegisters(await ctx.source('qofPrevalence'));
  const mapping = await readQofMapping(await ctx.source('qofPracticeMapping'));
  const where = new Map(locations.filter((l) => l.lat !== null && l.lon !== null).map((l) => [l.code, l]));
  const expected = new Map(QOF_REGISTERS.map((r) => [r.group, r.listType]));
  ctx.report.check('QOF 2022-23 registers → catalogue (21 registers)', new Set(registers.map((r) => r.group)), expected);
  const wrongType = registers.filter((r) => expected.get(r.group) !== r.listType);
  if (wrongType.length) throw new Error(`QOF prevalence file: ${wrongType.length} rows have a list type the catalogue does not expect (first: ${wrongType[0].practice} ${wrongType[0].group} ${wrongType[0].listType})`);
  ctx.report.check('QOF 2022-23 register rows → practice mapping', registers.map((r) => r.practice), mapping);

  // The mapping's ICB codes are 2022's (e.g. Sussex E54000053); the atlas's ICBs are 2024's, so a
  // practice's ICB is the 2024 ICB of its 2024 Sub-ICB location.
  const icbOfSicbl = new Map(ctx.areas.filter((a) => a.level === 'sicbl24').map((a) => [a.code, a.icb24_code]));
  const practices: Cell[][] = [...mapping.values()].map((m) => {
    const at = where.get(m.practice);
    const pcn = m.pcn && m.pcn !== UNALLOCATED_PCN ? m.pcn : null;
    const sicbl = sicbl22To24.get(m.sicbl) ?? m.sicbl;
    return [m.practice, m.name, pcn, pcn ? m.pcnName : null, sicbl, icbOfSicbl.get(sicbl) ?? null, at?.lsoa21 || null, at?.lon ?? null, at?.lat ?? null];
  });
  const noIcb = practices.filter((p) => p[5] === null).length;
  if (noIcb) ctx.report.note(`Practices (QOF 2022-23): ${noIcb} practices whose Sub-ICB location is not a 2024 one have no ICB`);
  ctx.tables.gp_practices = await ctx.out.writeCsv('tables/gp_practices.csv',
    ['practice_code', 'name', 'pcn_code', 'pcn_name', 'sicbl24_code', 'icb24_code', 'lsoa21_code', 'lon', 'lat'], practices);
  ctx.tables.qof_registers = await ctx.out.writeCsv('tables/qof_registers.csv',
    ['practice_code', 'group_code', 'register', 'list_type', 'list_size'], registers.map((r) => [r.practice, r.group, r.register, r.listType, r.listSize]));
  const unallocated = practices.filter((p) => p[2] === null).length;
  ctx.report.note(`Practices (QOF 2022-23): ${practices.length} practices, ${new Set(practices.map((p) => p[2]).filter(Boolean)).size} PCNs, ${unallocated} practices with no PCN ("Unallocated" in the mapping), ${practices.filter((p) => p[7] !== null).length} placed by their 2019 location`);
}
