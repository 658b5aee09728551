/** The CLI's output: one CSV row per area, and a short summary for the terminal. */
import { writeFileSync } from 'node:fs';
import { CLASS_LABELS } from '../../src/analysis/stats/cluster-classes';
import type { HotspotResult } from '../../src/analysis/stats/hotspots';
import { toCsv } from '../../src/lib/csv-write';

const RESULT_COLUMNS = ['statistic', 'expected', 'variance', 'z', 'sim_mean', 'sim_sd', 'z_sim', 'pseudo_p', 'p_adjusted', 'significant', 'cluster'] as const;

function resultsCsv(r: HotspotResult, idColumn: string): string {
  const rows = r.ids.map((id, i) => [
    id, r.statistic[i], r.expected[i], r.variance[i], r.z[i], r.simMean[i], r.simSd[i], r.zSim[i], r.pseudoP[i], r.pAdjusted[i],
    Number.isNaN(r.pAdjusted[i]) ? '' : r.significant[i], r.classes[r.cluster[i]],
  ]);
  return toCsv([idColumn, ...RESULT_COLUMNS], rows);
}

export function writeResults(file: string, r: HotspotResult, idColumn: string): void {
  try {
    writeFileSync(file, resultsCsv(r, idColumn));
  } catch (e) {
    throw new Error(`cannot write --out file ${file}: ${(e as Error).message}`);
  }
}

export function summaryLines(r: HotspotResult): string[] {
  const counts = new Map<string, number>();
  for (const c of r.cluster) counts.set(r.classes[c], (counts.get(r.classes[c]) ?? 0) + 1);
  const classes = r.classes.filter((c) => counts.get(c)).map((c) => `  ${CLASS_LABELS[c as keyof typeof CLASS_LABELS]}: ${counts.get(c)}`);
  const sc = r.significantCounts;
  return [
    `${r.stat}: ${r.ids.length} areas, ${r.permutations} permutations, seed ${r.seed}, ${r.correction} at α = ${r.alpha}`,
    ...classes,
    `significant at α = ${r.alpha}: ${sc.fdr} with FDR, ${sc.bonferroni} with Bonferroni, ${sc.none} uncorrected`,
    ...(r.bonferroni.reachable ? [] : [r.bonferroni.message]),
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
}
