/**
 * Gathers what one evaluation needs from the database, for every area of the level on the map: the
 * outcome in each period through the catalogue's SQL (so practice- or LSOA-coded files are summed
 * or averaged to the level exactly as the map shows them), the denominator when the outcome is a
 * count, the covariates (IMD 2025, adult smoking, residents), the regions for exact matching, and
 * the intervention and hand-picked comparison areas.
 */
import { panelFromPeriodColumns } from '../../analysis/evaluation/panel';
import type { Covariate, EvaluationInput } from '../../analysis/evaluation/run-evaluation';
import { numberColumn, stringColumn } from '../../data/db/arrow-columns';
import { ATLAS_COVARIATE_IDS, COVARIATE_INDICATORS, covariateLabel } from '../../data/evaluation/atlas-covariates';
import type { QueryRunner } from '../../data/query-runner';
import { indicatorSql } from '../../data/sql/indicator-sql';
import { sqlIdent, sqlString } from '../../data/sql/sql-text';
import type { EvaluateSpec } from '../../state/evaluate-spec';
import type { LevelAreas } from '../../data/level-data';
import type { ResolvedOutcome } from './evaluate-sources';

export interface EvaluationPlan {
  /** Changes whenever anything the result depends on changes. */
  key: string;
  spec: EvaluateSpec;
  outcome: ResolvedOutcome;
  /** Intervention codes from the shortlist; null when they come from a loaded column. */
  shortlistCodes: string[] | null;
  /** The loaded column flagging intervention areas (when they come from one). */
  flagColumn: string | null;
}

async function column(q: QueryRunner, indicator: string, areas: LevelAreas, dims: Record<string, string>, name: 'value' | 'numerator' | 'denominator' = 'value'): Promise<Float64Array> {
  const t = await q.run(indicatorSql(indicator, areas.level, dims));
  const codes = stringColumn(t, 'code');
  if (codes.length !== areas.codes.length || codes.some((c, i) => c !== areas.codes[i])) throw new Error(`values of ${indicator} do not line up with the areas on the map`);
  return numberColumn(t, name);
}

/** Areas where a loaded column is above 0 (its default period, if it has periods). */
async function flaggedCodes(q: QueryRunner, indicator: string, areas: LevelAreas): Promise<string[]> {
  const v = await column(q, indicator, areas, {});
  return areas.codes.filter((_, i) => v[i] > 0);
}

async function regionGroups(q: QueryRunner, areas: LevelAreas, region: string): Promise<Int32Array> {
  const t = await q.run(`SELECT code, ${sqlIdent(`${region}_code`)} AS region FROM areas WHERE level = ${sqlString(areas.level)} ORDER BY code`);
  const regions = stringColumn(t, 'region');
  const ids = new Map<string, number>();
  return Int32Array.from(regions, (r) => {
    if (r === null) return -1;
    if (!ids.has(r)) ids.set(r, ids.size);
    return ids.get(r)!;
  });
}

export async function loadEvaluationInput(q: QueryRunner, areas: LevelAreas, plan: EvaluationPlan): Promise<{ input: EvaluationInput; treatedCodes: string[] }> {
  const { spec, outcome } = plan;
  const ind = outcome.choice.indicator;
  const periods = outcome.choice.periods;
  const dim = outcome.choice.dimension;
  const values = await Promise.all(periods.map((p) => column(q, ind.id, areas, { [dim]: p })));
  const den = outcome.denominator;
  let counts: { denominators: Float64Array[]; multiplier: number } | null = null;
  let events: Float64Array[] | null = null;
  if (den) counts = { denominators: await Promise.all(periods.map((p) => column(q, den.id, areas, { [dim]: p }))), multiplier: spec.outcome.multiplier };
  else if (ind.columns.numerator && ind.columns.denominator) events = await Promise.all(periods.map((p) => column(q, ind.id, areas, { [dim]: p }, 'numerator')));
  const panel = panelFromPeriodColumns(areas.codes, periods, values, counts, events);

  const covariates: Covariate[] = [];
  for (const id of ATLAS_COVARIATE_IDS) {
    const values = id === 'population' ? areas.population : await column(q, COVARIATE_INDICATORS[id].indicator, areas, COVARIATE_INDICATORS[id].dims);
    covariates.push({ id, label: covariateLabel(id), values });
  }
  const c = spec.comparison;
  const treatedCodes = plan.shortlistCodes ?? (plan.flagColumn ? await flaggedCodes(q, plan.flagColumn, areas) : []);
  const input: EvaluationInput = {
    panel, treatedCodes, windows: { baseline: outcome.baseline, followup: outcome.followup },
    comparison: c.method === 'all' ? { method: 'all' }
      : c.method === 'manual' ? { method: 'manual', areas: Uint8Array.from(areas.codes, (code) => (c.areas.includes(code) ? 1 : 0)) }
      : {
        method: 'nearest', matchOn: c.covariates, exact: c.exact === 'none' ? null : await regionGroups(q, areas, c.exact),
        distance: c.distance, ratio: c.ratio, replace: c.replace, caliper: c.caliper,
      },
    covariates, population: areas.population, populationWeights: spec.populationWeights,
    bootstrap: spec.interval === 'bootstrap' ? { replicates: spec.replicates, seed: spec.seed } : null,
    chosenOnOutcome: spec.chosenOnOutcome, outcomeLabel: ind.short,
  };
  return { input, treatedCodes };
}
