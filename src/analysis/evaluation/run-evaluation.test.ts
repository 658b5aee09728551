import { describe, expect, it } from 'vitest';
import { GROUP } from './comparison-groups';
import { assemblePanel, type PanelRow } from './panel';
import { runEvaluation, type EvaluationInput } from './run-evaluation';
import { simulatePanel } from './simulated-panel';

function input(over: Partial<EvaluationInput> = {}): EvaluationInput {
  const sim = simulatePanel({ areas: 120, periods: 6, baselinePeriods: 3, treatedAreas: 15, effect: 3, seed: 9, selectOnCovariates: true });
  return {
    panel: sim.panel, treatedCodes: [...sim.treatedCodes, 'NOT-AN-AREA'],
    windows: { baseline: ['2020 Q1', '2020 Q3'], followup: ['2020 Q4', '2021 Q2'] },
    comparison: { method: 'nearest', matchOn: ['baseline', 'imd'], exact: null, distance: 'scaled-euclidean', ratio: 2, replace: false, caliper: null },
    covariates: [{ id: 'imd', label: 'IMD score', values: sim.imd }, { id: 'smoking', label: 'Smoking %', values: sim.smoking }],
    population: sim.population, populationWeights: false, bootstrap: { replicates: 199, seed: 4 }, chosenOnOutcome: false, outcomeLabel: 'Referrals',
    ...over,
  };
}

describe('runEvaluation', () => {
  it('matches 2:1, counts areas and people, and reports codes it cannot find', () => {
    const inp = input();
    const r = runEvaluation(inp);
    expect(r.counts).toMatchObject({ listed: 16, treated: 15, comparison: 30, notInData: 1 });
    expect(r.pairs).toHaveLength(15);
    expect(r.pairs.every((p) => p.comparison.length === 2)).toBe(true);
    const pop = inp.population!;
    const sum = (g: number) => [...r.group.keys()].filter((a) => r.group[a] === g).reduce((s, a) => s + pop[a], 0);
    expect(r.people).toEqual({ treated: sum(GROUP.treated), comparison: sum(GROUP.comparison) });
    expect(r.warnings.map((w) => w.code)).toContain('not-in-data');
    expect(r.balance.map((b) => b.id)).toEqual(['baseline', 'imd', 'smoking']);
    expect(Math.abs(r.balance[0].after.smd)).toBeLessThan(Math.abs(r.balance[0].before.smd));
  });

  it('gives per-period effects with the last baseline period as zero reference, and a pre-trend test', () => {
    const r = runEvaluation(input());
    expect(r.eventStudy.effects.map((e) => [e.period, e.phase])).toEqual([
      ['2020 Q1', 'baseline'], ['2020 Q2', 'baseline'], ['2020 Q3', 'reference'], ['2020 Q4', 'follow-up'], ['2021 Q1', 'follow-up'], ['2021 Q2', 'follow-up'],
    ]);
    expect(r.eventStudy.effects[2].estimate).toBe(0);
    expect(r.eventStudy.preTrend?.df1).toBe(2);
    expect(r.bootstrap?.valid).toBe(199);
  });

  it('uses every untreated area with data, or the areas a user picked', () => {
    const all = runEvaluation(input({ comparison: { method: 'all' } }));
    expect(all.counts.comparison).toBe(all.counts.pool);
    const picked = new Uint8Array(120);
    [50, 60, 70].forEach((a) => (picked[a] = 1));
    const inp = input({ comparison: { method: 'manual', areas: picked } });
    const manual = runEvaluation(inp);
    expect([...manual.group.keys()].filter((a) => manual.group[a] === GROUP.comparison).sort()).toEqual([50, 60, 70].filter((a) => !inp.treatedCodes.includes(inp.panel.areas[a])));
    expect(manual.warnings.map((w) => w.code)).toContain('few-areas');
  });

  it('counts small cells from the numerators and warns about them', () => {
    const rows: PanelRow[] = [];
    for (let a = 0; a < 30; a++) for (const p of ['2023', '2024', '2025', '2026']) rows.push({ area: `A${String(a).padStart(2, '0')}`, period: p, numerator: a < 3 ? 4 : 40 + a, denominator: 5000 });
    const panel = assemblePanel(rows, { multiplier: 10_000 });
    const r = runEvaluation({ ...input(), panel, treatedCodes: ['A00', 'A01', 'A10', 'A11', 'A12'], covariates: [], comparison: { method: 'all' }, population: null, bootstrap: null, windows: { baseline: ['2023', '2024'], followup: ['2025', '2026'] } });
    const w = r.warnings.find((x) => x.code === 'small-counts');
    expect(w?.text).toMatch(/^Small numbers: 12 area-periods of 120 rest on fewer than 10 events/);
    expect(r.people).toBeNull();
  });

  it('flags intervention areas picked on an extreme baseline (regression to the mean)', () => {
    const sim = simulatePanel({ areas: 200, periods: 4, baselinePeriods: 2, treatedAreas: 0, effect: 0, seed: 3 });
    const base = [...sim.panel.areas.keys()].sort((a, b) => sim.panel.value[b * 4] + sim.panel.value[b * 4 + 1] - sim.panel.value[a * 4] - sim.panel.value[a * 4 + 1]);
    const top = base.slice(0, 20).map((a) => sim.panel.areas[a]);
    const r = runEvaluation({ ...input(), panel: sim.panel, treatedCodes: top, covariates: [], comparison: { method: 'all' }, bootstrap: null, windows: { baseline: ['2020 Q1', '2020 Q2'], followup: ['2020 Q3', '2020 Q4'] }, population: null });
    expect(r.warnings.find((w) => w.code === 'regression-to-mean')?.text).toMatch(/on average at the 9\dth percentile/);
  });
});
