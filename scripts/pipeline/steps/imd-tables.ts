/**
 * IMD 2025 (LSOA 2021) and IMD 2019 (LSOA 2011) tables, checked against the boundary sets, and IMD
 * 2019 carried onto LSOA 2021 through the ONS 2011 → 2021 lookup (rules in imd2019-bridge.ts), with
 * each kind of boundary change counted in the join report.
 */
import { IMD_DOMAINS, imdColumn } from '../../../src/data/catalogue/imd-domains';
import type { PipelineStep } from '../context';
import { bridgeImd2019, bridgeSummary } from '../imd2019-bridge';
import { readLsoaChanges } from '../read-imd-summaries';
import { readImd2019, readImd2019Population, readImd2025 } from '../read-sources';

export const imdStep: PipelineStep = {
  name: 'IMD 2025 and IMD 2019 tables',
  async run(ctx) {
    const imd2025 = await readImd2025(await ctx.source('imd2025'));
    const imd2019 = await readImd2019(await ctx.source('imd2019'));
    const codesOf = (level: string) => new Set(ctx.areas.filter((a) => a.level === level).map((a) => a.code));
    const lsoa21 = codesOf('lsoa21');
    const lsoa11 = codesOf('lsoa11');
    ctx.report.check('IoD2025 LSOAs → LSOA 2021 boundaries', imd2025.map((r) => r.code), lsoa21);
    ctx.report.check('LSOA 2021 boundaries → IoD2025', lsoa21, new Set(imd2025.map((r) => r.code)));
    ctx.report.check('IoD2019 LSOAs → LSOA 2011 boundaries', imd2019.map((r) => r.code), lsoa11);

    const cols25 = IMD_DOMAINS.flatMap((d) => (['score', 'rank', 'decile'] as const).map((p) => imdColumn(d.key, p)));
    ctx.tables.imd2025 = await ctx.out.writeCsv('tables/imd2025.csv', ['code', ...cols25], imd2025.map((r) => [r.code, ...cols25.map((c) => r[c])]), 'lsoa21');
    const cols19 = IMD_DOMAINS.flatMap((d) => (['rank', 'decile'] as const).map((p) => imdColumn(d.key, p)));
    // `note` is empty on 2011 LSOAs; it exists so one catalogue entry reads both this table and the bridged one.
    ctx.tables.imd2019 = await ctx.out.writeCsv('tables/imd2019.csv', ['code', ...cols19, 'note'], imd2019.map((r) => [r.code, ...cols19.map((c) => r[c] as number | null), null]), 'lsoa11');

    const links = await readLsoaChanges(await ctx.source('lsoa11Lsoa21'));
    const pop2015 = await readImd2019Population(await ctx.source('imd2019Population'));
    const byCode = new Map(imd2019.map((r) => [r.code, r as Record<string, number | null>]));
    ctx.report.check('IoD2019 LSOAs → LSOA 2011→2021 lookup', imd2019.map((r) => r.code), new Set(links.map((l) => l.lsoa11)));
    ctx.report.check('LSOA 2011→2021 lookup → IoD2019', links.map((l) => l.lsoa11), byCode);
    const { rows, counts } = bridgeImd2019(links, byCode, pop2015);
    ctx.report.check('LSOA 2021 boundaries → IMD 2019 on LSOA 2021', lsoa21, new Set(rows.map((r) => r.code)));
    ctx.report.note(bridgeSummary(counts));
    const bridged = ['code', ...cols19, 'change', 'lsoa11', 'note'];
    ctx.tables.imd2019_lsoa21 = await ctx.out.writeCsv('tables/imd2019_lsoa21.csv', bridged, rows.map((r) => bridged.map((c) => r[c] ?? null)), 'lsoa21');
  },
};
