/**
 * MHCLG's official summaries of the Indices of Deprivation for larger areas, on the atlas's 2024
 * local authorities and ICBs, in one long table `imd_summary` (edition × domain × area). Values are
 * as published; proportions and extent as percentages. Summaries for other levels, and the measures
 * these files lack, are derived in SQL by MHCLG's method (src/data/sql/summary-sql.ts).
 *
 * IoD2019 was summarised by MHCLG for the 317 districts of 2019. The 289 districts that still exist
 * with the same code in 2024 take MHCLG's values. The 7 councils formed since (Buckinghamshire, North
 * and West Northamptonshire, Cumberland, Westmorland and Furness, North Yorkshire, Somerset) have no
 * MHCLG summary: their average score is the humaniverse IMD package's re-aggregation of MHCLG's LSOA
 * scores (the only source of 2019 scores here), noted on the row; their other measures are derived.
 */
import { IMD_DOMAINS } from '../../../src/data/catalogue/imd-domains';
import type { Cell } from '../../../src/lib/csv-write';
import type { PipelineStep } from '../context';
import { readLadHistory } from '../lad-history';
import { readImd2019Summary, readImd2025Summary, SUMMARY_COLUMNS, type ImdSummary } from '../read-imd-summaries';

type Row = ImdSummary & { edition: '2025' | '2019'; level: 'lad24' | 'icb24'; note: string | null };

export const imdSummaryStep: PipelineStep = {
  name: 'IMD summaries for local authorities and ICBs (MHCLG)',
  async run(ctx) {
    const codesOf = (level: string) => new Set(ctx.areas.filter((a) => a.level === level).map((a) => a.code));
    const lad24 = codesOf('lad24');
    const icb24 = codesOf('icb24');
    const lad25 = await readImd2025Summary(await ctx.source('imd2025Lad24Summary'), 'ltla24_code');
    const icb25 = await readImd2025Summary(await ctx.source('imd2025Icb24Summary'), 'icb24_code');
    const codes = (rows: ImdSummary[]) => new Set(rows.map((r) => r.code));
    ctx.report.check('IoD2025 local authority summaries (File 10) → LAD 2024', codes(lad25), lad24);
    ctx.report.check('LAD 2024 → IoD2025 local authority summaries', lad24, codes(lad25));
    ctx.report.check('IoD2025 ICB summaries (File 13) → ICB 2024', codes(icb25), icb24);
    ctx.report.check('ICB 2024 → IoD2025 ICB summaries', icb24, codes(icb25));

    const lad19 = await readImd2019Summary(await ctx.source('imd2019Lad19Summary'), 'ltla19_code');
    const lad23 = await readImd2019Summary(await ctx.source('imd2019Lad23Summary'), 'ltla23_code');
    const history = await readLadHistory(await ctx.source('ladCodeChanges'));
    const same = [...codes(lad19)].filter((c) => lad24.has(c));
    const formed = [...lad24].filter((c) => !codes(lad19).has(c)).sort();
    ctx.report.check('IoD2019 package re-aggregation (2023 districts) → LAD 2024 (same codes)', codes(lad23), lad24);
    ctx.report.note(`IoD2019 local authority summaries (MHCLG File 10, 2019 districts): ${same.length} of the 296 councils of 2024 have the same code and boundaries and take MHCLG's values; `
      + `${formed.length} formed since 2019 (${formed.map((c) => `${ctx.areas.find((a) => a.level === 'lad24' && a.code === c)?.name ?? c}`).join(', ')}) take the package's average score and derived measures; `
      + `${lad19.length / IMD_DOMAINS.length - same.length} 2019 districts have no 2024 council of their own`);
    ctx.report.note(agreement(lad19, lad23, new Set(same)));

    const rows: Row[] = [
      ...lad25.map((r): Row => ({ ...r, edition: '2025', level: 'lad24', note: null })),
      ...icb25.map((r): Row => ({ ...r, edition: '2025', level: 'icb24', note: null })),
      ...lad19.filter((r) => lad24.has(r.code)).map((r): Row => ({ ...r, edition: '2019', level: 'lad24', note: null })),
      ...lad23.filter((r) => formed.includes(r.code)).map((r): Row => ({
        ...r, lsoa10: null, extent: null, edition: '2019', level: 'lad24',
        note: `Formed after IoD2019 was published: MHCLG summarised its predecessor districts (${[...(history.lineages.get(r.code) ?? [])].filter((c) => codes(lad19).has(c)).join(', ') || 'see the code history'}), not this council. `
          + 'The average score is the humaniverse IMD R package\'s re-aggregation of MHCLG\'s LSOA scores weighted by mid-2015 residents; the other measures are derived by the atlas by MHCLG\'s method.',
      })),
    ];
    const header = ['code', 'edition', 'level', 'domain', ...SUMMARY_COLUMNS, 'note'] as const;
    ctx.tables.imd_summary = await ctx.out.writeCsv('tables/imd_summary.csv', header, rows.map((r) => header.map((c) => r[c] as Cell)));
  },
};

/** How closely the package's re-aggregation reproduces File 10 where both exist (checks the source of the 7 scores). */
function agreement(official: ImdSummary[], pkg: ImdSummary[], same: Set<string>): string {
  const key = (r: ImdSummary) => `${r.code}|${r.domain}`;
  const mine = new Map(pkg.map((r) => [key(r), r]));
  let n = 0;
  let worst = 0;
  for (const o of official) {
    const p = mine.get(key(o));
    if (!same.has(o.code) || !p || o.avg_score === null || p.avg_score === null) continue;
    n++;
    worst = Math.max(worst, Math.abs(o.avg_score - p.avg_score));
  }
  return `IoD2019 average scores: the package's re-aggregation differs from MHCLG File 10 by at most ${worst.toFixed(4)} (${n} council-domain pairs; File 10 is rounded to 3 decimals)`;
}
