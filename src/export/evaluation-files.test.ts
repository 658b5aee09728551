import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { GROUP } from '../analysis/evaluation/comparison-groups';
import { runEvaluation } from '../analysis/evaluation/run-evaluation';
import { simulatePanel } from '../analysis/evaluation/simulated-panel';
import { estimatesCsv, estimatesDocument, estimatesJson, panelCsv, resultSentence } from './evaluation-files';
import type { EvaluationDescription } from './evaluation-method';

const sim = simulatePanel({ areas: 60, periods: 6, baselinePeriods: 3, treatedAreas: 12, effect: 3, seed: 21 });
const result = runEvaluation({
  panel: sim.panel, treatedCodes: sim.treatedCodes, windows: { baseline: ['2020 Q1', '2020 Q2'], followup: ['2020 Q4', '2021 Q2'] },
  comparison: { method: 'nearest', matchOn: ['baseline', 'imd'], exact: null, distance: 'scaled-euclidean', ratio: 1, replace: true, caliper: null },
  covariates: [{ id: 'imd', label: 'IMD 2025 score', values: sim.imd }], population: sim.population, populationWeights: false,
  bootstrap: { replicates: 199, seed: 3 }, chosenOnOutcome: false, outcomeLabel: 'Referrals',
});
const desc: EvaluationDescription = {
  title: 'Outreach', levelLabel: 'Electoral ward (2024)',
  outcome: { label: 'Referrals', kind: 'rate', unit: 'per 10,000 residents', decimals: 1, period: 'quarter', areaNoun: ['ward', 'wards'], source: 'file.csv', fromCounts: 'referrals / residents × 10,000' },
  intervention: 'the shortlist', comparison: { method: 'nearest', covariates: ['Referrals (baseline mean)', 'IMD 2025 score'], exact: null, distance: 'scaled-euclidean', ratio: 1, replace: true, caliper: null },
  interval: 'bootstrap', populationWeights: false, generatedAt: '2026-11-21T10:00:00Z', appVersion: '0.1.0', shareUrl: 'https://example.org/#s2=x',
};

describe('evaluation files', () => {
  it('the panel CSV has one row per area and period of every area used, with group and weights; names are formula-guarded', () => {
    const text = panelCsv(sim.panel, result, (c) => (c === sim.panel.areas[0] ? '=HYPERLINK("x")' : `Ward ${c}`));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    const used = [...result.group].filter((g) => g !== GROUP.none).length;
    expect(rows).toHaveLength(used * 6);
    const t = rows.find((r) => r.Group === 'intervention')!;
    expect(Number(t['Matching weight'])).toBe(1);
    expect(rows.filter((r) => r['Area code'] === t['Area code']).map((r) => r.Window)).toEqual(['baseline', 'baseline', 'between', 'follow-up', 'follow-up', 'follow-up']);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it('the estimates CSV and JSON carry the headline with the chosen interval, per-period effects and the sentence', () => {
    const rows = Papa.parse<string[]>(estimatesCsv(desc, result).slice(1), { skipEmptyLines: true }).data;
    expect(rows.filter((r) => r[0] === 'Per-period effect').map((r) => r[1])).toEqual(sim.panel.periods);
    expect(rows.find((r) => r[8]?.startsWith('cluster bootstrap'))?.[4]).toBe(String(result.bootstrap!.lower));
    const doc = estimatesDocument(desc, result, sim.panel);
    expect(doc.estimate.lower).toBe(result.bootstrap!.lower);
    expect(doc.estimate.interval).toMatch(/bootstrap/);
    expect(doc.sentence).toBe(resultSentence(desc, result));
    expect(doc.matchedPairs).toHaveLength(result.counts.treated);
    const parsed = JSON.parse(estimatesJson(desc, result, sim.panel)) as typeof doc;
    expect(parsed.twoWayFixedEffects.estimate).toBe(result.twfe.estimate);
    expect(estimatesJson(desc, result, sim.panel)).not.toMatch(/NaN|Infinity/);
  });
});
