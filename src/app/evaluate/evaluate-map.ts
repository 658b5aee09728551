/**
 * The Evaluate map: each area of the level as intervention, comparison, left out (an intervention
 * area without a match or without data) or other; its legend (areas and residents per group, with
 * the map's own swatches), the same information as a table, and tooltip lines.
 */
import { GROUP } from '../../analysis/evaluation/comparison-groups';
import { formatNumber } from '../../export/format-value';
import { GROUP_LABELS } from '../../export/evaluation-files';
import { LEVELS } from '../../geo/levels';
import { evaluationSwatchCss, type EvaluationGroupKey } from '../../map/evaluation-styles';
import type { TableModel } from '../../ui/AreaTable';
import type { ClassLegendModel } from '../../ui/ClassLegend';
import type { TooltipLine } from '../atlas-context';
import type { LevelAreas } from '../../data/level-data';
import type { EvaluationRun } from './use-evaluation-run';

export interface EvaluateMapModel {
  keys: EvaluationGroupKey[];
  /** Per area: index into the run's panel (the same area order), or -1. */
  row: Int32Array;
  /** Key of what is drawn (changes with the run or the pending selection). */
  key: string;
}

const KEY_OF: Record<number, EvaluationGroupKey> = { [GROUP.treated]: 'intervention', [GROUP.comparison]: 'comparison', [GROUP.unmatched]: 'left-out', [GROUP.noData]: 'left-out', [GROUP.none]: 'other' };

/**
 * The groups from the run when it belongs to these areas; before any run, the areas chosen so far
 * (the intervention list and hand-picked comparison areas), so the map shows the design at once.
 */
export function evaluateMap(areas: LevelAreas, run: EvaluationRun | null, pending: { treated: string[]; comparison: string[] }): EvaluateMapModel {
  const n = areas.codes.length;
  const row = new Int32Array(n).fill(-1);
  if (run && run.level === areas.level) {
    const at = new Map(run.panel.areas.map((c, i) => [c, i]));
    const keys = areas.codes.map((c, i) => {
      const k = at.get(c);
      row[i] = k ?? -1;
      return k === undefined ? 'other' : KEY_OF[run.result.group[k]];
    });
    return { keys, row, key: `run:${run.key}` };
  }
  const t = new Set(pending.treated);
  const c = new Set(pending.comparison);
  const keys = areas.codes.map((code): EvaluationGroupKey => (t.has(code) ? 'intervention' : c.has(code) ? 'comparison' : 'other'));
  return { keys, row, key: `pending:${areas.level}:${hash(pending.treated)}:${hash(pending.comparison)}` };
}

/** FNV-1a over the codes, so the colour key changes whenever the selection does. */
function hash(codes: string[]): string {
  let h = 0x811c9dc5;
  for (const c of codes) for (let i = 0; i <= c.length; i++) h = Math.imul(h ^ (i < c.length ? c.charCodeAt(i) : 44), 0x01000193);
  return `${codes.length}.${(h >>> 0).toString(36)}`;
}

const LABELS: Record<EvaluationGroupKey, string> = {
  intervention: 'Intervention areas', comparison: 'Comparison areas', 'left-out': 'Intervention areas left out', other: 'Other areas',
};

export function evaluateLegend(areas: LevelAreas, m: EvaluateMapModel, mask: Uint8Array | null, scope: string, evaluated: boolean): ClassLegendModel {
  const rows = (['intervention', 'comparison', 'left-out', 'other'] as const).map((k) => {
    let count = 0;
    let residents = 0;
    m.keys.forEach((key, i) => {
      if (key !== k || (mask && !mask[i])) return;
      count++;
      residents += areas.population[i] || 0;
    });
    return { key: k, label: LABELS[k], swatch: evaluationSwatchCss(k), areas: count, residents };
  });
  return {
    title: 'Evaluation groups',
    scope,
    rows,
    notes: [
      'Intervention: orange with / lines. Comparison: purple with dots. Left out (no comparison area within the caliper, or no data): pale orange, cross-hatched.',
      ...(evaluated ? [] : ['Not evaluated yet: choose an outcome and windows in the Evaluate tab.']),
    ],
    method: `${LEVELS[areas.level].label}.`,
  };
}

export function evaluateTable(areas: LevelAreas, m: EvaluateMapModel, run: EvaluationRun | null, mask: Uint8Array | null, decimals: number): TableModel {
  const rows: TableModel['rows'] = [];
  const f = (v: number) => formatNumber(v, decimals) || '–';
  for (let i = 0; i < areas.codes.length; i++) {
    if (m.keys[i] === 'other' || (mask && !mask[i])) continue;
    const k = m.row[i];
    const r = run && k >= 0 ? run.result : null;
    const b = r ? r.baselineMean[k] : NaN;
    const a = r ? r.followupMean[k] : NaN;
    rows.push({
      id: areas.codes[i],
      cells: [areas.names[i], areas.codes[i], r ? GROUP_LABELS[r.group[k]] : LABELS[m.keys[i]].toLowerCase(), r ? formatNumber(r.matchWeight[k], 3) : '', f(b), f(a), f(a - b), formatNumber(areas.population[i], 0)],
      sort: [NaN, NaN, NaN, r ? r.matchWeight[k] : NaN, b, a, a - b, areas.population[i]],
    });
  }
  return {
    caption: `Evaluation groups by ${LEVELS[areas.level].label}`,
    columns: [
      { key: 'name', label: 'Area', numeric: false }, { key: 'code', label: 'Code', numeric: false }, { key: 'group', label: 'Group', numeric: false },
      { key: 'w', label: 'Matching weight', numeric: true }, { key: 'b', label: 'Baseline mean', numeric: true }, { key: 'f', label: 'Follow-up mean', numeric: true },
      { key: 'c', label: 'Change', numeric: true }, { key: 'pop', label: 'Residents', numeric: true },
    ],
    rows,
  };
}

export function evaluateTooltip(m: EvaluateMapModel, run: EvaluationRun | null, i: number, decimals: number): TooltipLine[] {
  const k = m.row[i];
  if (!run || k < 0 || m.keys[i] === 'other') return m.keys[i] === 'other' ? [] : [{ label: 'Evaluation', value: LABELS[m.keys[i]].toLowerCase() }];
  const r = run.result;
  const lines: TooltipLine[] = [{ label: 'Evaluation', value: GROUP_LABELS[r.group[k]] }];
  if (Number.isFinite(r.baselineMean[k])) lines.push({ label: 'Baseline → follow-up', value: `${formatNumber(r.baselineMean[k], decimals)} → ${formatNumber(r.followupMean[k], decimals)}` });
  if (r.matchWeight[k] > 0 && r.group[k] === GROUP.comparison) lines.push({ label: 'Matching weight', value: formatNumber(r.matchWeight[k], 3) });
  return lines;
}
