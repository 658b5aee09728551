/** Plain view models of a hotspot run: table rows, tooltip lines, legend, significance counts. */
import type { HotspotStat } from '../../analysis/stats/hotspot-request';
import type { HotspotResult } from '../../analysis/stats/hotspots';
import type { Correction } from '../../analysis/stats/multiple-testing';
import { LEVELS } from '../../geo/levels';
import { hotspotSwatchCss } from '../../map/hotspot-styles';
import type { TableModel } from '../../ui/AreaTable';
import type { ClassLegendModel } from '../../ui/ClassLegend';
import { formatCount, formatNumber, formatWithUnit } from '../../ui/format';
import type { SignificanceCountsModel } from '../../ui/SignificanceCounts';
import type { TooltipLine } from '../atlas-context';
import type { LevelAreas } from '../../data/level-data';
import { classLabel, type ClassCount, type FrameClasses } from './hotspot-frame';
import type { HotspotRun } from './use-hotspot-run';

export const STAT_LABELS: Record<HotspotStat, string> = {
  gistar: 'Getis–Ord Gi*',
  gi: 'Getis–Ord Gi',
  lisa: "Local Moran's I",
  bilisa: "Bivariate local Moran's I",
};

export const CORRECTION_LABELS: Record<Correction, string> = {
  fdr: 'False discovery rate (Benjamini–Hochberg)',
  bonferroni: 'Bonferroni',
  none: 'None (each area on its own)',
};

export function formatP(p: number): string {
  if (!Number.isFinite(p)) return '–';
  return p < 0.0001 ? p.toExponential(1) : formatNumber(p, 4);
}

const formatStat = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : '–');

/** "Gi* of IMD score" / "Bivariate local Moran's I: smoking vs neighbours' cancer incidence". */
export function runTitle(run: HotspotRun): string {
  const s = run.result.stat;
  return s === 'bilisa' ? `${STAT_LABELS[s]}: ${run.x.short} vs neighbours' ${run.y!.short}` : `${STAT_LABELS[s]} of ${run.x.short}`;
}

export function methodText(run: HotspotRun, r: HotspotResult): string {
  return `${r.permutations.toLocaleString('en-GB')} conditional permutations, seed ${r.seed}; ${CORRECTION_LABELS[r.correction]} at α = ${r.alpha}. Weights: ${run.weightsInfo.label}.`;
}

export function hotspotTable(areas: LevelAreas, run: HotspotRun, r: HotspotResult, fc: FrameClasses, mask: Uint8Array | null): TableModel {
  const bivariate = r.stat === 'bilisa';
  const rows: TableModel['rows'] = [];
  for (let i = 0; i < areas.codes.length; i++) {
    if (mask && !mask[i]) continue;
    const k = fc.rowOf[i];
    const at = (a: Float64Array) => (k < 0 ? NaN : a[k]);
    const xv = run.x.value[i];
    const cells = [areas.names[i], areas.codes[i], formatWithUnit(xv, run.x.decimals, run.x.unit)];
    const sort = [NaN, NaN, xv];
    if (bivariate) {
      cells.push(formatWithUnit(run.y!.value[i], run.y!.decimals, run.y!.unit));
      sort.push(run.y!.value[i]);
    }
    const z = at(r.z);
    cells.push(formatStat(at(r.statistic)), formatNumber(z, 2), formatP(at(r.pseudoP)), formatP(at(r.pAdjusted)), classLabel(fc.keys[fc.cluster[i]]), formatCount(areas.population[i]));
    sort.push(at(r.statistic), z, at(r.pseudoP), at(r.pAdjusted), fc.cluster[i], areas.population[i]);
    rows.push({ id: areas.codes[i], cells, sort });
  }
  const columns: TableModel['columns'] = [
    { key: 'name', label: 'Area', numeric: false },
    { key: 'code', label: 'Code', numeric: false },
    { key: 'x', label: run.x.short, numeric: true },
    ...(bivariate ? [{ key: 'y', label: run.y!.short, numeric: true }] : []),
    { key: 'stat', label: r.stat === 'gistar' ? 'Gi*' : r.stat === 'gi' ? 'Gi' : 'Local I', numeric: true },
    { key: 'z', label: 'z (analytical)', numeric: true },
    { key: 'p', label: 'Pseudo p', numeric: true },
    { key: 'padj', label: `p adjusted (${r.correction === 'fdr' ? 'FDR' : r.correction})`, numeric: true },
    { key: 'class', label: 'Class', numeric: true },
    { key: 'pop', label: 'Residents', numeric: true },
  ];
  return { caption: `${runTitle(run)} by ${LEVELS[areas.level].label}`, columns, rows };
}

export function hotspotTooltip(run: HotspotRun, r: HotspotResult, fc: FrameClasses, i: number): TooltipLine[] {
  const k = fc.rowOf[i];
  const lines: TooltipLine[] = [{ label: run.x.short, value: formatWithUnit(run.x.value[i], run.x.decimals, run.x.unit) }];
  if (run.y) lines.push({ label: run.y.short, value: formatWithUnit(run.y.value[i], run.y.decimals, run.y.unit) });
  lines.push({ label: 'Hotspot class', value: classLabel(fc.keys[fc.cluster[i]]) });
  if (k >= 0 && Number.isFinite(r.pseudoP[k])) {
    if (Number.isFinite(r.z[k])) lines.push({ label: 'z-score', value: formatNumber(r.z[k], 2) });
    lines.push({ label: 'Pseudo p (adjusted)', value: `${formatP(r.pseudoP[k])} (${formatP(r.pAdjusted[k])})` });
  }
  return lines;
}

/** Confidence of each Gi/Gi* class: a class stricter than α allows can never hold an area, so it is not listed. */
const CLASS_LEVEL: Partial<Record<string, number>> = { 'hot-90': 0.1, 'cold-90': 0.1, 'hot-95': 0.05, 'cold-95': 0.05, 'hot-99': 0.01, 'cold-99': 0.01 };
const reachable = (key: string, alpha: number) => (CLASS_LEVEL[key] ?? 0) <= alpha;

export function hotspotLegend(run: HotspotRun, r: HotspotResult, counts: ClassCount[], scope: string): ClassLegendModel {
  const isG = r.stat === 'gistar' || r.stat === 'gi';
  return {
    title: runTitle(run),
    scope,
    rows: counts.filter((c) => reachable(c.key, r.alpha)).map((c) => ({ key: c.key, label: c.label, swatch: hotspotSwatchCss(c.key), areas: c.areas, residents: c.residents })),
    notes: [
      isG
        ? 'Hatching marks significant areas: lines lean / for hot spots and \\ for cold spots; the denser the lines, the higher the confidence.'
        : 'Hatching marks significant areas: / for High–High, \\ for Low–Low, crossed lines for High–Low and dots for Low–High.',
    ],
    method: methodText(run, r),
  };
}

export function significanceModel(r: HotspotResult): SignificanceCountsModel {
  return {
    alphaText: String(r.alpha),
    tested: r.ids.length - r.islands.length,
    rows: (['fdr', 'bonferroni', 'none'] as const).map((c) => ({ key: c, label: CORRECTION_LABELS[c], count: r.significantCounts[c], chosen: c === r.correction })),
    unreachable: r.bonferroni.reachable ? null : r.bonferroni.message,
  };
}
