/** Plain view models for the tooltip, detail panel and table, built from query results. */
import { getIndicator } from '../data/catalogue';
import { darkIsHigh, isNeutral, rankMeaning } from '../data/catalogue/direction';
import { methodText } from '../data/catalogue/method-text';
import { flaggedYears, type Indicator } from '../data/catalogue/types';
import { LEVELS } from '../geo/levels';
import type { Classified } from '../map/classify-values';
import type { TableModel } from '../ui/AreaTable';
import type { DetailModel, DetailRow } from '../ui/DetailPanel';
import type { LegendModel } from '../ui/Legend';
import { formatCount, formatNumber, formatWithUnit } from '../ui/format';
import type { EnglandValue, IndicatorValues, LevelAreas } from '../data/level-data';
import { englandText, factsAt, provenanceNotes, rankText, valueText } from './value-text';
import type { AreaDetail } from './use-area-detail';
import { detailIndicators } from './use-area-detail';

export function tooltipLines(areas: LevelAreas, values: IndicatorValues, ind: Indicator, i: number, nameOf: (code: string) => string, england: EnglandValue | null): { label: string; value: string }[] {
  const f = factsAt(values, i);
  const lines = [
    { label: ind.short, value: valueText(ind, f) },
    { label: `National rank (${rankMeaning(ind)})`, value: rankText(ind, areas.level, f) },
  ];
  const cmp = englandText(ind, f, england);
  if (cmp) lines.push({ label: 'England', value: cmp });
  for (const n of provenanceNotes(ind, areas.level, f, nameOf)) lines.push({ label: 'Note', value: n });
  return lines;
}

export function detailModel(areas: LevelAreas, code: string, detail: AreaDetail | null, current: string, parentNames: Map<string, string>): DetailModel {
  const i = areas.indexOf.get(code)!;
  const nameOf = (c: string) => parentNames.get(c) ?? c;
  const parents: DetailModel['parents'] = [];
  if (areas.ward[i]) parents.push({ label: 'Ward', name: nameOf(areas.ward[i]), code: areas.ward[i] });
  if (areas.lad[i]) parents.push({ label: 'Local authority', name: nameOf(areas.lad[i]), code: areas.lad[i] });
  if (areas.icb[i]) parents.push({ label: 'ICB', name: nameOf(areas.icb[i]), code: areas.icb[i] });
  if (areas.cal22[i]) parents.push({ label: 'Cancer Alliance (2022)', name: nameOf(areas.cal22[i]), code: areas.cal22[i] });
  const ids = detailIndicators(areas.level, current);
  const groups = new Map<string, DetailRow[]>();
  for (const id of ids) {
    const ind = getIndicator(id);
    const m = detail?.code === code ? detail.measures.get(id) : undefined;
    if (!m) continue;
    const rows = groups.get(ind.group) ?? [];
    const notes = [englandText(ind, m.facts, m.england), ...provenanceNotes(ind, areas.level, m.facts, nameOf)].filter((x): x is string => !!x);
    rows.push({
      id, label: ind.short, value: valueText(ind, m.facts), rank: withRankLabel(ind, rankText(ind, areas.level, m.facts)), current: id === current, notes,
      trend: m.trend ? { title: `${ind.short}: ${areas.names[i]}${m.facts.source ? ` (${nameOf(m.facts.source)})` : ''}`, points: m.trend, format: (v: number) => (ind.unit.trim().startsWith('%') ? formatWithUnit(v, ind.decimals, ind.unit) : formatNumber(v, ind.decimals)) /* a rate's long unit would not fit the axis */, breaks: ind.seriesBreaks, target: m.target ?? undefined, flags: flaggedYears(ind) } : undefined,
    });
    groups.set(ind.group, rows);
  }
  return {
    name: areas.names[i], code, levelLabel: LEVELS[areas.level].label, residents: formatCount(areas.population[i]), parents,
    groups: [...groups].map(([title, rows]) => ({ title, rows, loading: false })).concat(detail && detail.pending > 0 ? [{ title: 'More measures', rows: [], loading: true }] : []),
    method: methodText(getIndicator(current), areas.level),
  };
}

const withRankLabel = (ind: Indicator, rank: string) => (ind.rankLabel && rank !== '–' ? `${rank} (${ind.rankLabel})` : rank);

export function tableModel(areas: LevelAreas, values: IndicatorValues, ind: Indicator, c: Classified, mask: Uint8Array | null, legend: LegendModel | null, england: EnglandValue | null): TableModel {
  const rows: TableModel['rows'] = [];
  const classLabel = (cl: number) => {
    if (cl < 0 || !legend) return 'no data';
    const k = c.colours.length;
    const pos = darkIsHigh(ind) ? k - 1 - cl : cl;
    return `${pos + 1} of ${k}: ${legend.items[pos]?.label ?? ''}`;
  };
  for (let i = 0; i < areas.codes.length; i++) {
    if (mask && !mask[i]) continue;
    rows.push({
      id: areas.codes[i],
      cells: [areas.names[i], areas.codes[i], valueText(ind, factsAt(values, i)), rankText(ind, areas.level, factsAt(values, i)), englandText(ind, factsAt(values, i), england) ?? '–', classLabel(c.classes[i]), formatCount(areas.population[i])],
      sort: [NaN, NaN, values.value[i], values.rank[i], NaN, c.classes[i] < 0 ? NaN : c.classes[i], areas.population[i]],
    });
  }
  return {
    caption: `${ind.label} by ${LEVELS[areas.level].label}`,
    columns: [
      { key: 'name', label: 'Area', numeric: false },
      { key: 'code', label: 'Code', numeric: false },
      { key: 'value', label: ind.short, numeric: true },
      { key: 'rank', label: `National rank (${rankMeaning(ind)})`, numeric: true },
      { key: 'england', label: 'Compared with England', numeric: false },
      { key: 'class', label: `Map class (1 = ${isNeutral(ind) ? 'highest' : 'worst'})`, numeric: true },
      { key: 'pop', label: 'Residents', numeric: true },
    ],
    rows,
  };
}
