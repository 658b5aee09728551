/** IMD 2025 (LSOA 2021) and IMD 2019 (LSOA 2011) tables, checked against the boundary sets. */
import { IMD_DOMAINS, imdColumn } from '../../../src/data/catalogue/imd-domains';
import type { PipelineStep } from '../context';
import { readImd2019, readImd2025 } from '../read-sources';

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
    ctx.tables.imd2019 = await ctx.out.writeCsv('tables/imd2019.csv', ['code', ...cols19], imd2019.map((r) => [r.code, ...cols19.map((c) => r[c] as number | null)]), 'lsoa11');
  },
};
