/**
 * Stage at diagnosis (NDRS, 2013–2022) for the 42 ICBs (joined to their E54 codes by exact name) and
 * England, per single year and pooled period, per site group and all sites (the sum of the 17 groups,
 * as the file has no total). Cancer Alliance (2022) values are sums of their ICBs, computed from this
 * table at query time; NDRS's own alliance rows are used to check that rule (stage-alliances.ts).
 */
import { ENGLAND_CODE } from '../../../src/data/catalogue/types';
import { STAGE_ALL_SITES, STAGE_FIRST_YEAR, STAGE_LAST_YEAR, STAGE_PERIODS, STAGE_POOLED, STAGE_SITE_NAMES } from '../../../src/data/catalogue/stage-dimensions';
import type { PipelineStep } from '../context';
import { readStage, STAGE_COUNTS, stageTotals, type StageCount, type StageRow } from '../read-stage';
import { allianceRowsFromIcbs, crossCheckAlliances, sumCounts } from '../stage-alliances';

type Counts = Record<StageCount, number>;

/** Below this many staged tumours an early-stage share is too noisy to compare one year on its own. */
const SMALL = 50;

export const stageStep: PipelineStep = {
  name: 'Stage at diagnosis (NDRS, 2013–2022) by ICB, with the 2022 Cancer Alliances checked against NDRS',
  async run(ctx) {
    const rows = await readStage(await ctx.source('ndrsStage'));
    const years = Array.from({ length: STAGE_LAST_YEAR - STAGE_FIRST_YEAR + 1 }, (_, i) => STAGE_FIRST_YEAR + i);
    ctx.report.check('NDRS stage years → 2013–2022', new Set(rows.map((r) => String(r.year))), new Set(years.map(String)));
    ctx.report.check('NDRS stage site groups (17)', Object.keys(STAGE_SITE_NAMES), new Set(rows.map((r) => r.site)));
    const seen = new Set<string>();
    for (const r of rows) {
      const k = `${r.type}|${r.name}|${r.year}|${r.site}`;
      if (seen.has(k)) throw new Error(`NDRS stage file: two rows for ${k}`);
      seen.add(k);
    }
    // NDRS's completeness is staged ÷ all tumours: agreeing with it confirms which categories count as staged.
    const off = rows.filter((r) => {
      const t = stageTotals(r.counts);
      return r.completeness !== null && t.total > 0 && Math.abs(r.completeness - (100 * t.staged) / t.total) > 0.051;
    });
    ctx.report.none('NDRS rows whose "Percentage completeness" is not staged (stage 1–4, other early, other advanced) ÷ all tumours', off.map((r) => `${r.name} ${r.year} ${r.site}`));

    const icbs = ctx.areas.filter((a) => a.level === 'icb24');
    const icbCode = new Map(icbs.map((a) => [a.name, a.code]));
    const icbRows = rows.filter((r) => r.type === 'Integrated Care Board');
    ctx.report.check('NDRS stage ICB names → ICB 2024 names (exact)', new Set(icbRows.map((r) => r.name)), icbCode);
    ctx.report.check('ICBs 2024 → NDRS stage ICB rows', icbCode.keys(), new Set(icbRows.map((r) => r.name)));

    const england = rows.filter((r) => r.type === 'Country');
    sumCheck(ctx, 'NDRS stage: years × sites where the 42 ICBs do not add up to England', icbRows, england);
    sumCheck(ctx, 'NDRS stage: years × sites where the 20 alliances do not add up to England', rows.filter((r) => r.type === 'Cancer Alliance'), england);

    const allianceOf = new Map(icbs.map((a) => [a.code, a.cal22_code!]));
    const names = new Map(ctx.areas.filter((a) => a.level === 'cal22').map((a) => [a.code, a.name]));
    const built = allianceRowsFromIcbs(icbRows, (n) => icbCode.get(n), allianceOf);
    crossCheckAlliances(rows.filter((r) => r.type === 'Cancer Alliance'), built, names, ctx.report);

    const out: (string | number | null)[][] = [];
    const areas: [string, StageRow[]][] = [
      ...icbs.map((a): [string, StageRow[]] => [a.code, icbRows.filter((r) => r.name === a.name)]),
      [ENGLAND_CODE, england],
    ];
    const periods: [string, number, number][] = STAGE_PERIODS.values.map((p) => [p.value, p.start!, p.end!]);
    ctx.report.check('Stage pooled periods → the catalogue', STAGE_POOLED.map(([a, b]) => `${a}-${b}`), new Set(periods.map((p) => p[0])));
    for (const [code, own] of areas.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      for (const [period, start, end] of periods) {
        const inPeriod = own.filter((r) => r.year >= start && r.year <= end);
        for (const site of [STAGE_ALL_SITES, ...Object.keys(STAGE_SITE_NAMES)]) {
          const counts = sumCounts(inPeriod.filter((r) => site === STAGE_ALL_SITES || r.site === site).map((r) => r.counts));
          out.push(cells(code, period, site, counts, code !== ENGLAND_CODE));
        }
      }
    }
    ctx.tables.cancer_stage = await ctx.out.writeCsv('tables/cancer_stage.csv', [
      'code', 'period', 'site', ...STAGE_COUNTS, 'early', 'staged', 'unstaged', 'total', 'early_pct', 'unstaged_pct', 'note',
    ], out, 'icb24');
    const e22 = stageTotals(sumCounts(england.filter((r) => r.year === STAGE_LAST_YEAR).map((r) => r.counts)));
    ctx.report.note(`Stage ${STAGE_LAST_YEAR}, England, all sites: ${e22.total.toLocaleString('en-GB')} tumours, ${e22.staged.toLocaleString('en-GB')} staged, ${(100 * e22.early / e22.staged).toFixed(1)} % of staged at stage 1–2`);
  },
};

function cells(code: string, period: string, site: string, c: Counts, noteSmall: boolean): (string | number | null)[] {
  const t = stageTotals(c);
  const note = t.staged === 0 ? 'No staged cancers in this period.'
    : noteSmall && t.staged < SMALL ? `Only ${t.staged} staged cancers: the share is uncertain (see its interval); a pooled period is steadier.` : null;
  return [code, period, site, ...STAGE_COUNTS.map((s) => c[s]), t.early, t.staged, t.unstaged, t.total,
    t.staged > 0 ? (100 * t.early) / t.staged : null, t.total > 0 ? (100 * t.unstaged) / t.total : null, note];
}

function sumCheck(ctx: Parameters<PipelineStep['run']>[0], label: string, parts: StageRow[], whole: StageRow[]): void {
  const sums = new Map<string, Counts[]>();
  for (const r of parts) sums.set(`${r.year}|${r.site}`, [...(sums.get(`${r.year}|${r.site}`) ?? []), r.counts]);
  const bad = whole.filter((w) => {
    const s = sumCounts(sums.get(`${w.year}|${w.site}`) ?? []);
    return STAGE_COUNTS.some((c) => s[c] !== w.counts[c]);
  }).map((w) => `${w.year} ${w.site}`);
  ctx.report.none(label, bad);
}
