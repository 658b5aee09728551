/**
 * The Evaluate feature: did the intervention areas change more than comparable areas? A tab with
 * the settings (kept in the view state, so the share link carries them) and the results, and the
 * 'evaluate' map mode: intervention, comparison and left-out areas, with hatching as a non-colour
 * cue, a legend and a table. The evaluation itself runs in a worker (use-evaluation-run.ts); the
 * exports and the printable brief come from src/export.
 */
import { useMemo, useState } from 'react';
import { decimalsFor } from '../../analysis/evaluation/effect-sentence';
import { hatchLayer } from '../../map/hatch-layer';
import { EVALUATION_PATTERNS, evaluationColours } from '../../map/evaluation-styles';
import type { EvaluateSpec, ExactRegion } from '../../state/evaluate-spec';
import { ClassLegend } from '../../ui/ClassLegend';
import type { AtlasContext, FeatureOutput, ModeOutput } from '../atlas-context';
import { viewStore } from '../view-store';
import { evaluateLegend, evaluateMap, evaluateTable, evaluateTooltip } from './evaluate-map';
import { columnRef, findColumn, flagChoices, outcomeChoices, resolveOutcome } from './evaluate-sources';
import { EvaluatePanel } from './EvaluatePanel';
import { useEvaluateExports } from './use-evaluate-exports';
import { useEvaluationRun } from './use-evaluation-run';
import './evaluate.css';

const EVALUATE_MODE = 'evaluate';

const REGIONS_OF: Record<string, ExactRegion[]> = {
  lsoa21: ['icb24', 'cal19', 'lad24'], ward24: ['icb24', 'cal19', 'lad24'], lad24: ['icb24', 'cal19'], sicbl24: ['icb24', 'cal19'], icb24: ['cal19'],
};

export function useEvaluateFeature(ctx: AtlasContext): FeatureOutput {
  const { state, frame, mask } = ctx;
  const spec = state.evaluate;
  const level = state.level;
  const active = state.mode === EVALUATE_MODE;
  const [picking, setPicking] = useState(false);

  // The catalogue changes when files are loaded; the atlas re-renders then, so reading it here is current.
  const outcomes = outcomeChoices();
  const flagIndicators = flagChoices();
  const flags = flagIndicators.map((i) => ({ id: i.id, label: `${i.short} (${i.source.dataset})`, ref: columnRef(i) }));
  const flagColumn = findColumn(spec.intervention.column, spec.intervention.ref, flagIndicators)?.id ?? null;
  const resolved = resolveOutcome(spec, level);
  const shortlist = state.shortlist;
  const shortlistCodes = spec.intervention.source === 'shortlist' && shortlist.level === level ? shortlist.items.map((x) => x.code) : null;

  const problems = useMemo(() => {
    const out: string[] = [];
    if (!resolved) out.push(outcomes.length ? 'Choose the outcome.' : 'Load a file with periods under “Your data” to evaluate.');
    else out.push(...resolved.problems);
    if (spec.intervention.source === 'shortlist' && !shortlist.items.length) out.push('The shortlist is empty: add the programme’s areas in the Shortlist tab, or take them from a loaded column.');
    if (spec.intervention.source === 'shortlist' && shortlist.items.length && shortlist.level !== level) out.push('The shortlist is at another level than the map.');
    if (spec.intervention.source === 'column' && !flagColumn) out.push('Choose the column that flags the intervention areas.');
    if (spec.comparison.method === 'nearest' && !spec.comparison.covariates.length) out.push('Choose at least one covariate to match on.');
    if (spec.comparison.method === 'manual' && !spec.comparison.areas.length) out.push('Pick comparison areas on the map.');
    return out;
  }, [resolved, outcomes.length, spec, shortlist, level, flagColumn]);

  const datasetKey = resolved ? `${resolved.choice.indicator.id}|${resolved.choice.indicator.table}|${resolved.choice.periods.join(',')}|${resolved.denominator?.id ?? ''}` : '';
  const planKey = !problems.length && resolved ? JSON.stringify([level, datasetKey, spec, resolved.baseline, resolved.followup, shortlistCodes, flagColumn]) : null;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const plan = useMemo(() => (active && planKey && resolved ? { key: planKey, spec, outcome: resolved, shortlistCodes, flagColumn } : null), [active, planKey]);
  const status = useEvaluationRun(ctx, plan);
  const run = status.run;
  const current = !!run && run.key === planKey;

  const decimals = run ? decimalsFor(run.result.twfe.lower, run.result.twfe.upper) : 1;
  const pending = useMemo(() => ({ treated: shortlistCodes ?? [], comparison: spec.comparison.method === 'manual' ? spec.comparison.areas : [] }), [shortlistCodes, spec.comparison]);
  const shown = run && frame && run.level === frame.level ? run : null;
  const map = useMemo(() => (frame ? evaluateMap(frame.areas, shown, pending) : null), [frame, shown, pending]);
  const colours = useMemo(() => (map ? evaluationColours(map.keys) : null), [map]);
  const focusKey = `${state.focus?.level}:${state.focus?.code}:${frame?.level}`;
  const overlays = useMemo(() => (active && map && colours && frame ? [hatchLayer({
    id: `evaluate-hatch-${frame.level}`, geometry: frame.geometry.polygons, patternOf: (i) => map.keys[i], patterns: EVALUATION_PATTERNS,
    ink: colours.ink, key: map.key, inFocus: mask, focusKey,
  })] : undefined), [active, map, colours, frame, mask, focusKey]);

  const update = (patch: Partial<EvaluateSpec>) => ctx.update((s) => ({ evaluate: { ...s.evaluate, ...patch }, mode: EVALUATE_MODE }));
  const exports = useEvaluateExports(ctx, resolved, run, spec);

  const busy = status.phase === 'loading' || status.phase === 'computing'
    ? `Evaluation: ${status.stage || 'working'}${status.fraction !== null && status.phase === 'computing' ? ` ${Math.round(status.fraction * 100)} %` : ''}`
    : null;
  const mode: ModeOutput | null = active && frame && map && colours ? {
    label: resolved ? `Evaluation: ${resolved.choice.indicator.short}` : 'Evaluation groups',
    viewKey: `${frame.level}|evaluate|${shown ? shown.key.length + ':' + hashKey(shown.key) : 'none'}`,
    colourKey: `evaluate|${map.key}`,
    ready: true,
    colours: colours.fill,
    legend: <ClassLegend model={evaluateLegend(frame.areas, map, mask, ctx.focusLabel, !!shown)} testId="evaluate-legend" />,
    table: evaluateTable(frame.areas, map, shown, mask, decimals),
    tooltip: (i) => evaluateTooltip(map, shown, i, decimals),
    busy,
    error: null,
    overlays,
  } : null;

  const panel = (
    <EvaluatePanel
      spec={spec} onSpec={update} level={level} active={active} onShow={() => ctx.update({ mode: EVALUATE_MODE })}
      shortlist={{ count: shortlist.items.length, level: shortlist.level }} onUseShortlistLevel={() => viewStore.update({ level: shortlist.level, selected: null })}
      outcomes={outcomes} flags={flags} flagColumn={flagColumn} resolved={resolved} regions={REGIONS_OF[level] ?? []} picking={picking} onPicking={setPicking}
      problems={problems} status={status} current={current} brief={exports.screenBrief} onExport={exports.run} exportStatus={exports.status} printBrief={exports.printBrief}
    />
  );
  return {
    tab: { id: 'evaluate', label: 'Evaluate', panel },
    mode,
    onAreaClick: (i) => {
      if (!picking || spec.comparison.method !== 'manual' || !frame) return false;
      const code = frame.areas.codes[i];
      const areas = spec.comparison.areas.includes(code) ? spec.comparison.areas.filter((c) => c !== code) : [...spec.comparison.areas, code];
      update({ comparison: { ...spec.comparison, areas } });
      return true;
    },
  };
}

/** A short, stable tag for a long key (the view key goes in a data attribute). */
function hashKey(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
