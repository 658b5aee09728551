/** The composite risk index as a map mode: classes, colours, legend with the formula, table, tooltip. */
import { useMemo, type ReactNode } from 'react';
import { assignClasses, CLASS_METHODS } from '../../analysis/classify/breaks';
import { rankDescending } from '../../analysis/combine/composite-index';
import { LEVELS } from '../../geo/levels';
import { classColours } from '../../map/palettes';
import type { TableModel } from '../../ui/AreaTable';
import { formatCount, formatNumber, formatWithUnit } from '../../ui/format';
import { ContributionTable } from '../../ui/ContributionTable';
import { Legend } from '../../ui/Legend';
import type { VariationWarningModel } from '../../ui/VariationWarning';
import type { AtlasContext, ModeOutput, TooltipLine } from '../atlas-context';
import type { LevelAreas } from '../../data/level-data';
import { paint } from './combine-colours';
import { compositeDecimals, compositeLegend, formulaText, type CompositeClasses } from './composite-text';
import { measureLabel } from './rules-text';
import { fastCount, fastNumber } from './table-format';
import { useBreaksRegion, useClassBreaks } from './use-class-breaks';
import { useComposite, type CompositeModel } from './use-composite';
import { useVariationWarning } from './use-variation-warning';
import { useLazy, useSettled } from './use-settled';

const COMPOSITE_MODE = 'composite';

/**
 * A combine map mode, plus what it adds to the selected area's detail panel and the warning its
 * settings panel repeats when some inputs do not vary in the focus region.
 */
export type CombineMode = ModeOutput & { detail(index: number): ReactNode; warning?: VariationWarningModel | null };

/** A short stable hash, so the view key changes with every choice (tests and the bench wait on it). */
export function specHash(x: unknown): string {
  const s = JSON.stringify(x);
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function classify(m: CompositeModel, breaks: number[], mask: Uint8Array | null, palette: string): CompositeClasses {
  const classes = assignClasses(m.values, breaks);
  const k = breaks.length + 1;
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < classes.length; i++) if (classes[i] >= 0 && (!mask || mask[i])) counts[classes[i]]++;
  return { breaks, classes, colours: classColours(palette, k, true), counts };
}

function compositeTable(areas: LevelAreas, m: CompositeModel, c: CompositeClasses, mask: Uint8Array | null): TableModel {
  const rank = rankDescending(m.values, mask);
  const d = compositeDecimals(m);
  const k = c.colours.length;
  const rows: TableModel['rows'] = [];
  for (let i = 0; i < areas.codes.length; i++) {
    if (mask && !mask[i]) continue;
    const cl = c.classes[i];
    rows.push({
      id: areas.codes[i],
      cells: [areas.names[i], areas.codes[i], fastNumber(m.values[i], d), fastCount(rank[i]), cl < 0 ? 'missing input' : `${k - cl} of ${k}`,
        ...m.used.map((u) => fastNumber(u.scores[i], d)), fastCount(areas.population[i])],
      sort: [NaN, NaN, m.values[i], rank[i], cl < 0 ? NaN : k - cl, ...m.used.map((u) => u.scores[i]), areas.population[i]],
    });
  }
  return {
    caption: `Composite risk index by ${LEVELS[areas.level].label}`,
    columns: [
      { key: 'name', label: 'Area', numeric: false },
      { key: 'code', label: 'Code', numeric: false },
      { key: 'index', label: 'Composite index', numeric: true },
      { key: 'rank', label: 'Rank in view (1 = most risk)', numeric: true },
      { key: 'class', label: 'Map class (1 = most risk)', numeric: true },
      ...m.used.map((u) => ({ key: `score-${u.slot}`, label: `Score: ${u.measure.indicator.short}`, numeric: true })),
      { key: 'pop', label: 'Residents', numeric: true },
    ],
    rows,
  };
}

export function useCompositeMode(ctx: AtlasContext, active: boolean): CombineMode | null {
  const { state, frame, mask } = ctx;
  const spec = state.combine.composite;
  const { model, loading, error } = useComposite(ctx, spec, active);
  const region = useBreaksRegion(ctx, spec.classification.breaksFrom);
  const br = useClassBreaks(active && model && !model.problem ? model.values : null, spec.classification, region);
  const classes = useMemo(() => {
    if (!model) return null;
    if (model.problem) return classify(model, [], mask, state.palette);
    return br.breaks ? classify(model, br.breaks, mask, state.palette) : null;
  }, [model, br.breaks, mask, state.palette]);
  const colours = useMemo(() => (classes ? paint(classes.classes, classes.colours) : null), [classes]);
  const latest = useMemo(() => (frame && model && classes ? { areas: frame.areas, model, classes, mask } : null), [frame, model, classes, mask]);
  const settled = useSettled(latest, 250);
  const table = useLazy(() => (settled ? compositeTable(settled.areas, settled.model, settled.classes, settled.mask) : null), [settled]);
  const warning = useVariationWarning(ctx, model && !model.problem ? model.variation : null);
  if (!active) return null;
  const ready = !!(frame && model && classes && colours);
  const viewKey = `${state.level}|${COMPOSITE_MODE}|${specHash(spec)}`;
  const method = CLASS_METHODS.find((x) => x.id === spec.classification.method)?.label ?? spec.classification.method;
  const toSource = (breaksFrom: 'focus' | null) => ctx.update((s) => ({ combine: { ...s.combine, composite: { ...s.combine.composite, classification: { ...s.combine.composite.classification, breaksFrom } } } }));
  const breaksAction = spec.classification.method === 'custom' || !state.focus ? null
    : region.source === 'focus' ? { label: 'Use national (England) breaks', run: () => toSource(null) } : { label: `Use breaks for ${ctx.focusLabel}`, run: () => toSource('focus') };
  const legend = ready ? { ...compositeLegend(model, classes, frame.level, mask, `${method}, ${classes.colours.length} classes; breaks from ${region.label}.`), warning, breaksAction } : null;
  return {
    label: 'Composite risk index',
    viewKey,
    colourKey: `${viewKey}|${state.palette}|${classes?.breaks.join(',')}|${state.focus?.code ?? ''}`,
    ready,
    colours,
    legend: legend ? <Legend model={legend} /> : null,
    get table() {
      return table();
    },
    tooltip: (i): TooltipLine[] => (ready ? compositeTooltip(model, classes, mask, i) : []),
    detail: (i) => (ready && !model.problem ? <ContributionTable model={contributionModel(model, frame.level, i)} /> : null),
    busy: loading ? `Loading ${spec.inputs.length} indicators for ${LEVELS[state.level].label}` : br.pending ? 'Computing natural breaks…' : null,
    error: error ?? br.error,
    warning,
  };
}

function compositeTooltip(m: CompositeModel, c: CompositeClasses, mask: Uint8Array | null, i: number): TooltipLine[] {
  const v = m.values[i];
  if (!Number.isFinite(v)) {
    const gaps = m.used.filter((u) => !Number.isFinite(u.scores[i])).map((u) => u.measure.indicator.short);
    return [{ label: 'Composite index', value: m.problem ? 'not computed' : `missing input (${gaps.join(', ')})` }];
  }
  let higher = 0;
  let n = 0;
  for (let j = 0; j < m.values.length; j++) {
    if ((mask && !mask[j]) || !Number.isFinite(m.values[j])) continue;
    n++;
    if (m.values[j] > v) higher++;
  }
  const k = c.colours.length;
  return [
    { label: 'Composite index', value: formatNumber(v, compositeDecimals(m)) },
    { label: 'Rank in view', value: `${formatCount(higher + 1)} of ${formatCount(n)}` },
    { label: 'Map class', value: `${k - c.classes[i]} of ${k} (1 = most risk)` },
  ];
}

function contributionModel(m: CompositeModel, level: LevelAreas['level'], i: number) {
  const d = compositeDecimals(m);
  return {
    caption: 'Each input: its value, its score, its weight and what it adds to the index',
    rows: m.used.map((u, j) => {
      const ind = u.measure.indicator;
      return {
        label: measureLabel(ind, u.measure.dims), value: formatWithUnit(u.measure.values.value[i], ind.decimals, ind.unit), score: formatNumber(u.scores[i], d),
        weight: `${formatNumber(100 * m.shares[j], 0)} %`, contribution: formatNumber(m.shares[j] * u.scores[i], d),
      };
    }),
    total: Number.isFinite(m.values[i]) ? formatNumber(m.values[i], d) : 'no index (missing input)',
    formula: formulaText(m, level),
  };
}
