/**
 * The NDRS incidence table on 2024 Sub-ICB locations: one row per location × period × sex × site with
 * the unit's count, person-years, crude rate and approximate age-standardised rate with 95 % limits,
 * plus England's rows. Checked against the catalogue's period, sex and site lists.
 */
import { CANCER_SITES, INCIDENCE_PERIODS, SEXES, SOURCE_ALL_SITES, SOURCE_SEX } from '../../src/data/catalogue/cancer-dimensions';
import { ENGLAND_CODE } from '../../src/data/catalogue/types';
import type { Cell } from '../../src/lib/csv-write';
import type { SicblSource } from './cancer-units-to-sicbl24';
import type { PipelineContext } from './context';
import type { IncidenceRow } from './read-cancer';

const INCIDENCE_COLUMNS = ['code', 'period', 'sex', 'site', 'count', 'population', 'crude_rate', 'dsr', 'dsr_lower', 'dsr_upper', 'share', 'note'] as const;

function noteFor(code: string, src: SicblSource, row: IncidenceRow): string | null {
  const parts: string[] = [];
  if (src.combined) parts.push(`Value for Birmingham and Solihull with the Black Country, published as one CancerData unit (${src.unit}); the count and person-years shown are the whole unit's`);
  else if (src.unit !== code) parts.push(`Published under the former code ${src.unit} for this area`);
  if (row.scaled) parts.push('the 2001–2020 populations were re-scaled from the CCG 2021 to the 2022 boundary (approximate)');
  return parts.length ? `${parts.join('; ')}.` : null;
}

export async function writeIncidenceTable(ctx: PipelineContext, rows: IncidenceRow[], sources: Map<string, SicblSource>): Promise<void> {
  const site = (s: string) => (s === SOURCE_ALL_SITES ? 'all-18' : s);
  const expect = (label: string, seen: Iterable<string>, allowed: { value: string }[]) =>
    ctx.report.check(`NDRS incidence ${label} → catalogue`, new Set(seen), new Set(allowed.map((v) => v.value)));
  expect('periods', rows.map((r) => r.period), INCIDENCE_PERIODS.values);
  expect('sexes', rows.map((r) => SOURCE_SEX[r.sex] ?? r.sex), SEXES.values);
  expect('sites', rows.map((r) => site(r.site)), CANCER_SITES.values);

  const byUnit = new Map<string, IncidenceRow[]>();
  for (const r of rows) (byUnit.get(r.unit) ?? byUnit.set(r.unit, []).get(r.unit)!).push(r);
  const cells = (code: string, r: IncidenceRow, share: number, note: string | null): Cell[] => [
    code, r.period, SOURCE_SEX[r.sex], site(r.site), r.count, r.population, r.crude, r.dsr, r.lower, r.upper, share, note,
  ];
  const out: Cell[][] = [];
  for (const [code, src] of [...sources].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (const r of byUnit.get(src.unit) ?? []) out.push(cells(code, r, src.share, noteFor(code, src, r)));
  }
  for (const r of byUnit.get(ENGLAND_CODE) ?? []) out.push(cells(ENGLAND_CODE, r, 1, null));
  ctx.report.check('NDRS incidence units → table', byUnit.keys(), { has: (u) => u === ENGLAND_CODE || [...sources.values()].some((s) => s.unit === u) });
  ctx.report.note(`NDRS incidence: ${rows.length} source rows → ${out.length} rows on ${sources.size} Sub-ICB 2024 locations + England`);
  ctx.tables.cancer_incidence = await ctx.out.writeCsv('tables/cancer_incidence.csv', INCIDENCE_COLUMNS, out, 'sicbl24');
}
