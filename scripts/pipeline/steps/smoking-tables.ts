/**
 * Adult smoking prevalence tables on 2024 local authorities: the annual APS series 2011–2024 (values
 * only) with the 2019 district export's confidence intervals and counts in place of its 2019 row, and
 * the 2019/20 upper-tier GP Patient Survey and QOF prevalences. England rows are kept for comparisons.
 */
import type { PipelineContext, PipelineStep } from '../context';
import { harmoniseToLad24, type LadValue } from '../lad-harmonise';
import { readLadHistory } from '../lad-history';
import { readFingertipsExport, readTraffordExtract, type FingertipsRow } from '../read-fingertips';
import { readLad21Utla21, upperTierOf, upperTierToLad24 } from '../upper-tier-to-lad24';

const ENGLAND = 'E92000001';
const pct = (v: number) => `${v.toFixed(1)} %`;

export const smokingStep: PipelineStep = {
  name: 'Smoking prevalence tables (APS, GPPS, QOF) on 2024 local authorities',
  async run(ctx) {
    const history = await readLadHistory(await ctx.source('ladCodeChanges'));
    const lad24 = new Map(ctx.areas.filter((a) => a.level === 'lad24').map((a) => [a.code, a.name]));
    const annual = await readTraffordExtract(await ctx.source('smokingApsLad'));
    const with19 = await readFingertipsExport(await ctx.source('smokingApsLtla2019'), '92443');
    const periods = [...new Set(annual.map((r) => r.period))].sort();

    const opts = { lad24, history, format: pct };
    const series = harmoniseToLad24(annual.filter((r) => r.period !== '2019'), { ...opts, series: 'APS smoking 2011–2024 (Fingertips 92443, districts)', periods: periods.filter((p) => p !== '2019') }, ctx.report);
    const y2019 = harmoniseToLad24(with19, { ...opts, series: 'APS smoking 2019 with 95 % CIs (Fingertips 92443, LAD 2019)', periods: ['2019'] }, ctx.report);
    crossCheck2019(ctx, annual, y2019);

    const england = (rows: FingertipsRow[]) => rows.filter((r) => r.code === ENGLAND);
    const englandRows = [...england(annual).filter((r) => r.period !== '2019'), ...england(with19)];
    const cells = (r: LadValue | FingertipsRow) => [r.code, r.period, r.value, r.lower, r.upper, r.count];
    ctx.tables.smoking_aps = await ctx.out.writeCsv('tables/smoking_aps.csv', ['code', 'period', 'value', 'lower', 'upper', 'count', 'status', 'note'], [
      ...[...series, ...y2019].map((r) => [...cells(r), r.status, r.note]),
      ...englandRows.map((r) => [...cells(r), 'published', null]),
    ], 'lad24');

    await upperTierTables(ctx, history, lad24);
  },
};

/** The annual extract's 2019 values (1 dp) must agree with the 2019 export they were rounded from. */
function crossCheck2019(ctx: PipelineContext, annual: FingertipsRow[], y2019: LadValue[]) {
  const rounded = new Map(annual.filter((r) => r.period === '2019').map((r) => [r.code, r.value]));
  let worst = 0;
  for (const r of y2019) {
    const a = rounded.get(r.code);
    if (r.value !== null && a != null) worst = Math.max(worst, Math.abs(a - r.value));
  }
  ctx.report.note(`APS 2019: largest difference between the annual extract and the 2019 export, same districts: ${worst.toFixed(3)} points`);
  if (worst > 0.051) ctx.report.check('APS 2019 annual extract agrees with the 2019 export (±0.05)', [`${worst}`], { has: () => false });
}

const UPPER_TIER = [
  { measure: 'aps', id: '92443' },
  { measure: 'gpps', id: '92304' },
  { measure: 'qof', id: '91547' },
] as const;

async function upperTierTables(ctx: PipelineContext, history: Awaited<ReturnType<typeof readLadHistory>>, lad24: Map<string, string>) {
  const file = await ctx.source('smokingUtla2019');
  const lad21Utla = await readLad21Utla21(await ctx.source('lad21Utla21'));
  const out: (string | number | null)[][] = [];
  let utlaOf: Map<string, string> | undefined;
  const apsHere = new Map<string, number | null>();
  for (const { measure, id } of UPPER_TIER) {
    const rows = (await readFingertipsExport(file, id)).filter((r) => !r.code.startsWith('E12'));
    utlaOf ??= upperTierOf(lad24, history, lad21Utla, new Set(rows.map((r) => r.code)), ctx.report);
    const values = upperTierToLad24(rows.filter((r) => r.code !== ENGLAND), utlaOf, lad24);
    ctx.report.note(`Upper-tier 2019 ${measure.toUpperCase()} smoking (Fingertips ${id}): ${rows.length - 1} councils → ${values.length} districts, `
      + `${values.filter((v) => v.valueArea).length} showing their county's value, ${values.filter((v) => v.value === null).length} without a value`);
    if (measure === 'aps') {
      for (const v of values) if (!v.valueArea) apsHere.set(v.code, v.value);
      continue; // the district export already gives APS 2019 with CIs; this copy only cross-checks it
    }
    for (const v of [...values, ...rows.filter((r) => r.code === ENGLAND).map((r) => ({ ...r, valueArea: null, valueAreaName: null, note: null }))]) {
      out.push([measure, v.code, v.period, v.value, v.lower, v.upper, v.count, v.denominator, v.valueArea, v.valueAreaName, v.note]);
    }
  }
  await crossCheckUnitaryAps(ctx, apsHere);
  ctx.tables.smoking_upper_tier = await ctx.out.writeCsv('tables/smoking_upper_tier.csv',
    ['measure', 'code', 'period', 'value', 'lower', 'upper', 'count', 'denominator', 'value_area_code', 'value_area_name', 'note'], out, 'lad24');
}

/** Unitary councils appear in both 2019 exports: their APS values must be the same number. */
async function crossCheckUnitaryAps(ctx: PipelineContext, upper: Map<string, number | null>) {
  const lower = await readFingertipsExport(await ctx.source('smokingApsLtla2019'), '92443');
  const byCode = new Map(lower.map((r) => [r.code, r.value]));
  let n = 0;
  let worst = 0;
  for (const [code, v] of upper) {
    const w = byCode.get(code);
    if (v === null || w == null) continue;
    n++;
    worst = Math.max(worst, Math.abs(v - w));
  }
  ctx.report.note(`APS 2019 upper-tier vs district export, ${n} unitary councils in both: largest difference ${worst.toExponential(1)}`);
  if (worst > 1e-6) ctx.report.check('APS 2019 upper-tier export agrees with the district export', [`${worst}`], { has: () => false });
}
