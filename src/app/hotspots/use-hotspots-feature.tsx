/**
 * The Hotspots feature: a tab to choose the statistic, variables, weights and inference settings,
 * and the 'hotspots' map mode (cluster classes as colours plus hatching for significance, legend
 * with areas and residents per class, table, tooltip). Per-area classes are published for other
 * features through hotspot-classes.ts.
 */
import { useEffect, useMemo } from 'react';
import { reclassify } from '../../analysis/stats/hotspots';
import { LEVELS } from '../../geo/levels';
import { hatchLayer } from '../../map/hatch-layer';
import { HOTSPOT_PATTERNS, hotspotColours } from '../../map/hotspot-styles';
import type { HotspotSpec } from '../../state/hotspot-spec';
import { ClassLegend } from '../../ui/ClassLegend';
import type { AtlasContext, FeatureOutput, ModeOutput } from '../atlas-context';
import { publishHotspotClasses } from './hotspot-classes';
import { classCounts, frameClasses } from './hotspot-frame';
import { useHotspotFiles } from './hotspot-files';
import { variableFacts, variableKey, variableWarnings, useRegisteredVariables } from './hotspot-variables';
import { hotspotLegend, hotspotTable, hotspotTooltip, methodText, runTitle, significanceModel, STAT_LABELS } from './hotspot-views';
import { HotspotPlaces, type HotspotPlacesProps } from './HotspotPlaces';
import { useHotspotPlaces } from './use-hotspot-places';
import { useImportedWeights } from './imported-weights';
import { useHotspotRun, type RunPhase } from './use-hotspot-run';
import { weightsSource } from './weights-source';
import { lazyPanel } from '../lazy-panel';

const HotspotPanel = lazyPanel(() => import('./HotspotPanel').then((m) => m.HotspotPanel));

const HOTSPOTS_MODE = 'hotspots';

export function useHotspotsFeature(ctx: AtlasContext): FeatureOutput {
  const { state, frame, mask } = ctx;
  const spec = state.hotspots;
  const level = state.level;
  const active = state.mode === HOTSPOTS_MODE;
  const imported = useImportedWeights();
  const registered = useRegisteredVariables();
  const resolved = useMemo(() => weightsSource(spec.weights, level, ctx.data.manifest, ctx.data.dataUrl, imported), [spec.weights, level, ctx.data, imported]);
  const bivariate = spec.stat === 'bilisa';
  const runKey = resolved.key ? [variableKey(ctx, spec.x), bivariate ? variableKey(ctx, spec.y) : '', spec.stat, resolved.key, spec.permutations, spec.seed].join('§') : null;
  const frameReady = !!frame && frame.level === level;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new run only when what it computes changes (runKey), not when spec or resolved are rebuilt
  const plan = useMemo(() => (active && frameReady && runKey && resolved.source ? { key: runKey, spec, weightsKey: resolved.key, source: resolved.source } : null), [active, frameReady, runKey]);
  const status = useHotspotRun(ctx, plan);
  // The run on screen is the last one that finished at this level: while a new one computes (and
  // after a cancel or a failure) the map, legend and title keep showing it, and the busy strip says
  // what is being computed. The map is not cleared and redrawn for every change of a setting.
  const run = status.run && plan && frame && status.run.level === frame.level ? status.run : null;

  const result = useMemo(() => {
    if (!run) return null;
    const r = run.result;
    return r.correction === spec.correction && r.alpha === spec.alpha ? r : reclassify(r, { correction: spec.correction, alpha: spec.alpha });
  }, [run, spec.correction, spec.alpha]);
  const fc = useMemo(() => (run && result && frame ? frameClasses(result, run.rows, frame.areas.codes.length) : null), [run, result, frame]);
  const colours = useMemo(() => (fc ? hotspotColours(fc.cluster, fc.keys) : null), [fc]);
  const resultKey = run ? `${run.key}|${spec.correction}|${spec.alpha}` : '';
  const focusKey = `${state.focus?.level}:${state.focus?.code}:${frame?.level}`;
  const overlays = useMemo(() => (fc && colours && frame ? [hatchLayer({
    id: `hotspot-hatch-${frame.level}`, geometry: frame.geometry.polygons, patternOf: (i) => fc.keys[fc.cluster[i]], patterns: HOTSPOT_PATTERNS,
    ink: colours.ink, key: resultKey, inFocus: mask, focusKey,
  })] : undefined), [fc, colours, frame, mask, focusKey, resultKey]);
  const counts = useMemo(() => (fc && frame ? classCounts(fc, frame.areas.population, mask) : null), [fc, frame, mask]);
  // Formatting 33,755 rows takes hundreds of milliseconds: only when the results change, never on
  // the progress updates that re-render this hook many times a second while a run computes.
  const table = useMemo(() => (run && result && fc && frame ? hotspotTable(frame.areas, run, result, fc, mask) : null), [run, result, fc, frame, mask]);

  useEffect(() => {
    if (!run || !result || !fc || !frame) return;
    const pAdjusted = new Float64Array(fc.rowOf.length).fill(NaN);
    const significant = new Uint8Array(fc.rowOf.length);
    fc.rowOf.forEach((k, i) => {
      if (k >= 0) [pAdjusted[i], significant[i]] = [result.pAdjusted[k], result.significant[k]];
    });
    publishHotspotClasses({ key: resultKey, level: run.level, stat: result.stat, codes: frame.areas.codes, cluster: fc.cluster, keys: fc.keys, pAdjusted, significant, description: `${runTitle(run)}. ${methodText(run, result)}` });
  }, [fc]); // eslint-disable-line react-hooks/exhaustive-deps -- publishes once per new classes; run, result, frame and resultKey change with fc

  useEffect(() => {
    if (status.phase === 'error' && status.error && active) ctx.notify('error', `Hotspots: ${status.error.message}`);
  }, [status.error]); // eslint-disable-line react-hooks/exhaustive-deps -- reports each new error once, not again when the mode or context changes

  const update = (patch: Partial<HotspotSpec>) => ctx.update((s) => ({ hotspots: { ...s.hotspots, ...patch }, mode: HOTSPOTS_MODE }));
  const files = useHotspotFiles(ctx, status.run && status.run.level === level ? status.run : null, result, fc, update);
  const warnings = useMemo(() => {
    const out: string[] = [];
    for (const [v, role] of bivariate ? ([[spec.x, 'x: '], [spec.y, 'y: ']] as const) : ([[spec.x, '']] as const)) {
      const facts = variableFacts(v, level);
      if (facts) out.push(...variableWarnings(facts, role));
    }
    // The core guesses "counts" from whole numbers and repeats the islands; the catalogue and the
    // weights summary say both more precisely, so only its other warnings are shown.
    for (const w of result?.warnings ?? []) if (!/whole numbers|no neighbours/.test(w)) out.push(w);
    return out;
  }, [spec.x, spec.y, bivariate, level, result]);

  const places = useHotspotPlaces(ctx, fc, spec.stat);

  const mode: ModeOutput | null = active ? {
    label: `Hotspots (${STAT_LABELS[spec.stat]})`,
    viewKey: `${level}|hotspots|${run?.key ?? runKey ?? 'none'}|${spec.correction}|${spec.alpha}`,
    colourKey: `hotspots|${resultKey}`,
    ready: !!(colours && run),
    colours: colours?.fill ?? null,
    legend: run && result && counts ? <ClassLegend model={hotspotLegend(run, result, counts, ctx.focusLabel)} /> : null,
    table,
    tooltip: (i) => (run && result && fc ? hotspotTooltip(run, result, fc, i) : []),
    busy: busyLabel(status.phase, spec, level, status.fraction),
    error: null,
    overlays,
  } : null;

  const panel = (
    <HotspotPanel spec={spec} onSpec={update} active={active} onShow={() => ctx.update({ mode: HOTSPOTS_MODE })} level={level} registered={registered}
      run={{ phase: active ? (resolved.error ? 'error' : status.phase) : 'idle', label: busyLabel(status.phase, spec, level, null), fraction: status.fraction,
        error: resolved.error ? new Error(resolved.error) : status.error, onCancel: status.cancel, onRerun: status.rerun }}
      warnings={warnings} significance={run && result ? significanceModel(result) : null}
      weights={files.weights} onDownloadResults={files.downloadResults}
      places={active && places ? <HotspotPlacesBlock places={places} wide={ctx.state.drawer === PLACES_DRAWER} onWide={(wide) => ctx.update({ drawer: wide ? PLACES_DRAWER : null })} /> : null} />
  );
  const drawer = active && places ? [{ id: PLACES_DRAWER, label: 'Where the hot spots are', content: () => <HotspotPlaces {...places} /> }] : undefined;
  return { tab: { id: 'hotspots', label: 'Hotspots', panel }, mode, drawer };
}

function busyLabel(phase: RunPhase, spec: HotspotSpec, level: keyof typeof LEVELS, fraction: number | null): string | null {
  const pct = fraction !== null ? ` ${Math.round(fraction * 100)} %` : '';
  if (phase === 'loading') return 'Hotspots: loading the variables';
  if (phase === 'weights') return `Hotspots: building neighbours for ${LEVELS[level].label}`;
  if (phase === 'computing') return `Computing ${STAT_LABELS[spec.stat]} (${spec.permutations.toLocaleString('en-GB')} permutations)${pct}`;
  return null;
}

/** Drawer id of the places list, for a wide view below the map (the link keeps it open). */
const PLACES_DRAWER = 'places';

/** The places list in the tab, or a note that it is open wide below the map: never both at once. */
function HotspotPlacesBlock(p: { places: HotspotPlacesProps; wide: boolean; onWide(wide: boolean): void }) {
  if (p.wide) {
    return <p className="hint">Where the hot spots are: the list is open below the map. <button type="button" className="link-button" onClick={() => p.onWide(false)}>Show it here instead</button></p>;
  }
  return (
    <>
      <HotspotPlaces {...p.places} />
      <div className="button-row"><button type="button" onClick={() => p.onWide(true)} data-testid="hotspot-places-wide">Open the list wide, below the map</button></div>
    </>
  );
}
