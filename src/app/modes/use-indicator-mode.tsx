/** The default map mode: one indicator, classified and coloured, with its legend, table and tooltip. */
import { useMemo } from 'react';
import { getIndicator } from '../../data/catalogue';
import { choiceLabel, dimensionValues, targetFor } from '../../data/catalogue/types';
import { LEVELS, type LevelId } from '../../geo/levels';
import { classifyValues, colourBuffer, defaultClassification, withPalette } from '../../map/classify-values';
import { DEFAULT_VIEW_STATE } from '../../state/view-state';
import { Legend } from '../../ui/Legend';
import type { AtlasContext, ModeOutput } from '../atlas-context';
import { legendModel } from '../legend-model';
import { useAsync } from '../use-async';
import { loadEnglandValue } from '../../data/level-data';
import { meshLayer } from '../../map/outline-layers';
import type { TableModel } from '../../ui/AreaTable';
import { tableModel, tooltipLines } from '../view-models';

function indicatorViewKey(level: LevelId, indicator: string, dims: Record<string, string>): string {
  return `${level}|${indicator}|${JSON.stringify(dims)}`;
}

export function useIndicatorMode(ctx: AtlasContext, active: boolean): ModeOutput | null {
  const { state, frame, mask } = ctx;
  const ind = getIndicator(state.indicator);
  const dims = useMemo(() => dimensionValues(ind, state.dims), [ind, state.dims]);
  const viewKey = indicatorViewKey(state.level, state.indicator, dims);
  const values = useAsync(
    active && frame && frame.level === state.level ? () => ctx.valuesFor(state.indicator, dims) : null,
    [active, frame, viewKey],
  );
  // England's value wherever areas have intervals: published limits, or computed from a numerator and denominator (a user's rate)
  const england = useAsync(active && (ind.columns.lower || ind.ci) ? () => loadEnglandValue(ctx.data.queries, state.indicator, dims) : null, [active, viewKey]);
  // Values inherited from coarser areas: outline those areas so it is plain that they share one value.
  const rule = ind.levels[state.level];
  const sourceLevel = rule?.kind === 'inherit' ? rule.from : null;
  const sourceShapes = useAsync(active && sourceLevel ? () => ctx.shapes.load(sourceLevel) : null, [active, sourceLevel]);
  const overlays = useMemo(
    () => (sourceShapes.value?.mesh ? sourceShapes.value.mesh.map((c, i) => meshLayer(`inherited-${sourceShapes.value!.level}-${i}`, c.lines, [10, 10, 10, 235], 2)) : undefined),
    [sourceShapes.value],
  );
  const v = values.value && values.value.key === `${state.indicator}|${state.level}|${JSON.stringify(dims)}` ? values.value : null;
  // Breaks are computed once per values and classification; a palette change only swaps colours.
  const classes = useMemo(
    () => (frame && v ? classifyValues(v.value, ind, state.classification, mask, v.ranked, DEFAULT_VIEW_STATE.palette) : null),
    [frame, v, ind, state.classification, mask],
  );
  const classified = useMemo(() => (classes ? withPalette(classes, ind, state.palette) : null), [classes, ind, state.palette]);
  const colours = useMemo(() => (classified ? colourBuffer(classified) : null), [classified]);
  const ready = !!(active && frame && v && classified);
  const englandScope = state.classification?.scope === 'england';
  const legend = useMemo(() => {
    if (!(active && frame && v && classified)) return null;
    const inheritedFrom = v.source.some((s) => s !== null) ? inheritedNoun(ind, frame.areas.level) : null;
    return legendModel(ind, frame.areas.level, v.value, classified, englandScope ? null : mask, englandScope ? 'all of England' : ctx.focusLabel, inheritedFrom, v.suppressed, dims);
  }, [active, ind, frame, v, classified, englandScope, mask, ctx.focusLabel, dims]);
  // The table has a formatted row per area (33,755 for LSOAs): built when first shown, not per render.
  const englandValue = england.value ?? null;
  const table = useMemo(
    () => (active && frame && v && classified ? lazyTable(() => tableModel(frame.areas, v, ind, classified, mask, legend, englandValue)) : null),
    [active, frame, v, ind, classified, mask, legend, englandValue],
  );
  if (!active) return null;
  return {
    label: ind.label,
    viewKey,
    colourKey: `${viewKey}|${state.palette}|${JSON.stringify(state.classification)}|${state.focus?.code ?? ''}`,
    ready,
    colours,
    legend: legend ? <Legend model={{ ...legend, title: choiceLabel(ind, dims), target: targetFor(ind, dims) ? legend.target : null, breaksAction: breaksAction(ctx, ind) }} /> : null,
    table,
    tooltip: (i) => (frame && v && classified ? tooltipLines(frame.areas, v, ind, i, ctx.nameOf, englandValue) : []),
    overlays: sourceLevel ? overlays : undefined,
    busy: values.loading ? `Loading ${ind.short} for ${LEVELS[state.level].label}` : null,
    error: values.error ?? null,
  };
}

/** With a focus, the other source of breaks is one click away in the legend (not for fixed national deciles or custom thresholds). */
function breaksAction(ctx: AtlasContext, ind: ReturnType<typeof getIndicator>): { label: string; run(): void } | null {
  const cls = ctx.state.classification ?? defaultClassification(ind);
  if (!ctx.state.focus || cls.method === 'decile' || cls.method === 'categorical' || cls.method === 'custom') return null;
  const england = cls.scope === 'england';
  return {
    label: england ? `Use breaks for ${ctx.focusLabel}` : 'Use national (England) breaks',
    run: () => ctx.update({ classification: { ...cls, scope: england ? 'focus' : 'england' } }),
  };
}

function lazyTable(build: () => TableModel): TableModel {
  let model: TableModel | null = null;
  const get = () => (model ??= build());
  return {
    get caption() {
      return get().caption;
    },
    get columns() {
      return get().columns;
    },
    get rows() {
      return get().rows;
    },
  };
}

function inheritedNoun(ind: ReturnType<typeof getIndicator>, level: LevelId): string | null {
  const rule = ind.levels[level];
  return rule?.kind === 'inherit' ? LEVELS[rule.from].noun : null;
}
