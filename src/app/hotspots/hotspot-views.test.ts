import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { computeHotspots } from '../../analysis/stats/hotspots';
import { buildWeights } from '../../analysis/weights/spatial-weights';
import type { LevelAreas } from '../../data/level-data';
import { hotspotResultsCsv } from './hotspot-results-csv';
import { classCounts, frameClasses } from './hotspot-frame';
import { formatP, hotspotLegend, hotspotTable, hotspotTooltip, significanceModel } from './hotspot-views';
import type { HotspotRun } from './use-hotspot-run';

// A chain of 60 areas with a high run in the middle; the last area has no value.
const n = 60;
const codes = Array.from({ length: n }, (_, i) => `E0100${String(i).padStart(4, '0')}`);
const x = Float64Array.from(codes, (_, i) => (i > 20 && i < 35 ? 50 + (i % 3) : 10 + (i % 4)));
x[n - 1] = NaN;
const rows = Int32Array.from({ length: n - 1 }, (_, i) => i);
const weights = buildWeights(codes.slice(0, n - 1), Array.from(rows, (i) => [i - 1, i + 1].filter((j) => j >= 0 && j < n - 1)), { style: 'W', kind: 'rook' });
const areas = {
  level: 'lsoa21', codes, names: codes.map((c) => `Area ${c}`), population: Float64Array.from(codes, (_, i) => 1500 + i),
} as unknown as LevelAreas;
const variable = { key: 'x', value: x, label: 'Test score', short: 'Score', decimals: 1, unit: '', kind: 'score' as const, inheritedFrom: null };

function runOf(correction: 'fdr' | 'bonferroni' | 'none', permutations = 999) {
  const result = computeHotspots({ stat: 'gistar', x: x.subarray(0, n - 1), weights, permutations, seed: 11, correction, alpha: 0.05 });
  const run = { key: 'r', level: 'lsoa21', result, rows, x: variable, y: null, weights, weightsInfo: { label: 'Rook contiguity, row-standardised' }, computeMs: 1 } as unknown as HotspotRun;
  return { run, result, fc: frameClasses(result, rows, n) };
}

describe('hotspot view models', () => {
  it('tables every area in the mask with its statistic, z, p, adjusted p and class', () => {
    const { run, result, fc } = runOf('fdr');
    const mask = Uint8Array.from(codes, (_, i) => (i >= 10 ? 1 : 0));
    const t = hotspotTable(areas, run, result, fc, mask);
    expect(t.rows).toHaveLength(n - 10);
    expect(t.columns.map((c) => c.label)).toEqual(['Area', 'Code', 'Score', 'Gi*', 'z (analytical)', 'Pseudo p', 'p adjusted (FDR)', 'Class', 'Residents']);
    const row = t.rows.find((r) => r.id === codes[27])!;
    expect(row.sort[3]).toBe(result.statistic[27]);
    expect(row.sort[5]).toBe(result.pseudoP[27]);
    expect(row.cells[7]).toMatch(/^Hot spot/);
    const last = t.rows.find((r) => r.id === codes[n - 1])!;
    expect(last.cells[7]).toBe('No value (not tested)');
    expect(last.cells[5]).toBe('–');
  });

  it('gives tooltip lines with class, z and p for a tested area only', () => {
    const { run, result, fc } = runOf('fdr');
    expect(hotspotTooltip(run, result, fc, 27).map((l) => l.label)).toEqual(['Score', 'Hotspot class', 'z-score', 'Pseudo p (adjusted)']);
    expect(hotspotTooltip(run, result, fc, n - 1).map((l) => l.label)).toEqual(['Score', 'Hotspot class']);
  });

  it('lists no 90 % rows at α = 0.05 (they can never hold an area) and lists them at α = 0.1', () => {
    const keysAt = (alpha: number) => {
      const result = computeHotspots({ stat: 'gistar', x: x.subarray(0, n - 1), weights, permutations: 999, seed: 11, correction: 'fdr', alpha });
      const run = { key: 'r', level: 'lsoa21', result, rows, x: variable, y: null, weights, weightsInfo: { label: 'Rook' }, computeMs: 1 } as unknown as HotspotRun;
      const fc = frameClasses(result, rows, n);
      return hotspotLegend(run, result, classCounts(fc, areas.population, null), 'England').rows.map((r) => r.key);
    };
    const at05 = keysAt(0.05);
    expect(at05).not.toContain('hot-90');
    expect(at05).not.toContain('cold-90');
    expect(at05).toEqual(expect.arrayContaining(['hot-99', 'hot-95', 'cold-95', 'not-significant']));
    expect(keysAt(0.1)).toEqual(expect.arrayContaining(['hot-90', 'cold-90']));
    expect(keysAt(0.01)).not.toContain('hot-95');
  });

  it('counts significant areas under every correction and marks the chosen one', () => {
    const { result } = runOf('bonferroni', 99);
    const m = significanceModel(result);
    expect(m.rows.map((r) => [r.key, r.count, r.chosen])).toEqual([
      ['fdr', result.significantCounts.fdr, false], ['bonferroni', result.significantCounts.bonferroni, true], ['none', result.significantCounts.none, false],
    ]);
    // 1/100 > 0.05/59: Bonferroni can never flag an area with 99 permutations.
    expect(m.unreachable).toMatch(/cannot flag any area with 99 permutations/);
    expect(significanceModel(runOf('bonferroni', 9999).result).unreachable).toBeNull();
  });

  it('formats p-values without losing the small ones', () => {
    expect([formatP(0.05), formatP(0.001), formatP(1 / 100000), formatP(NaN)]).toEqual(['0.0500', '0.0010', '1.0e-5', '–']);
  });

  it('writes one CSV row per area with the CLI columns, blank where not tested', () => {
    const { run, result, fc } = runOf('fdr');
    const parsed = Papa.parse<Record<string, string>>(hotspotResultsCsv(areas, run, result, fc).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(n);
    expect(parsed.meta.fields).toEqual(['code', 'name', 'x', 'statistic', 'expected', 'variance', 'z', 'sim_mean', 'sim_sd', 'z_sim', 'pseudo_p', 'p_adjusted', 'significant', 'cluster', 'cluster_label', 'residents']);
    const r = parsed.data[27];
    expect([Number(r.statistic), Number(r.pseudo_p), r.cluster]).toEqual([result.statistic[27], result.pseudoP[27], result.classes[result.cluster[27]]]);
    expect(parsed.data[n - 1]).toMatchObject({ code: codes[n - 1], x: '', statistic: '', cluster: 'no-value' });
  });
});
