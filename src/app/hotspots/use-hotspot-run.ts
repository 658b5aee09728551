/**
 * Runs the hotspot statistic the spec asks for, off the main thread: load the variable(s), build the
 * weights (weights worker), permute (two hotspot workers), with progress and cancellation. A new
 * spec cancels the run in progress. Finished runs and built weights are kept in small caches, so
 * going back to an earlier choice is instant; correction and α never re-run anything (reclassify).
 */
import { useEffect, useRef, useState } from 'react';
import type { HotspotResult } from '../../analysis/stats/hotspots';
import type { SpatialWeights } from '../../analysis/weights/spatial-weights';
import type { LevelId } from '../../geo/levels';
import type { HotspotSpec } from '../../state/hotspot-spec';
import { runHotspots } from '../../workers/hotspot-pool';
import { buildHotspotWeights, type BuiltWeights } from '../../workers/hotspot-weights-client';
import type { WeightsInfo } from '../../workers/hotspot-weights-messages';
import type { AtlasContext } from '../atlas-context';
import { pick, testedRows } from './hotspot-frame';
import { loadHotspotVariable, type LoadedVariable } from './hotspot-variables';
import type { WeightsSource } from '../../workers/hotspot-weights-messages';

export interface HotspotRun {
  /** What was run (level, statistic, variables, weights, permutations, seed). */
  key: string;
  level: LevelId;
  /** As computed (with the correction and α of the spec at the time); reclassify for the current ones. */
  result: HotspotResult;
  /** Level row of each result row. */
  rows: Int32Array;
  x: LoadedVariable;
  y: LoadedVariable | null;
  weights: SpatialWeights;
  weightsInfo: WeightsInfo;
  /** Time from the start of the permutations to the classes, in ms. */
  computeMs: number;
}

export interface RunPlan {
  key: string;
  spec: HotspotSpec;
  weightsKey: string;
  source: WeightsSource;
}

export type RunPhase = 'idle' | 'loading' | 'weights' | 'computing' | 'done' | 'cancelled' | 'error';

export interface RunStatus {
  phase: RunPhase;
  fraction: number | null;
  error: Error | null;
  run: HotspotRun | null;
  cancel(): void;
  rerun(): void;
}

const lru = <V>(limit: number) => {
  const m = new Map<string, V>();
  return {
    get: (k: string) => {
      const v = m.get(k);
      if (v !== undefined) {
        m.delete(k);
        m.set(k, v);
      }
      return v;
    },
    set: (k: string, v: V) => {
      m.delete(k);
      m.set(k, v);
      while (m.size > limit) m.delete(m.keys().next().value!);
    },
  };
};
const runs = lru<HotspotRun>(6);
const builtWeights = lru<BuiltWeights>(3);

/** FNV-1a of the tested rows, so weights are rebuilt only when the set of areas with values changes. */
function rowsHash(rows: Int32Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < rows.length; i++) h = Math.imul(h ^ rows[i], 0x01000193);
  return `${rows.length}:${(h >>> 0).toString(36)}`;
}

export function useHotspotRun(ctx: AtlasContext, plan: RunPlan | null): RunStatus {
  const [status, setStatus] = useState<Omit<RunStatus, 'cancel' | 'rerun'>>({ phase: 'idle', fraction: null, error: null, run: null });
  const [nonce, setNonce] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const planRef = useRef(plan);
  planRef.current = plan;

  useEffect(() => {
    const p = planRef.current;
    if (!p) return;
    const cached = runs.get(p.key);
    if (cached) {
      setStatus({ phase: 'done', fraction: 1, error: null, run: cached });
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    const set = (s: Partial<Omit<RunStatus, 'cancel' | 'rerun'>>) => !abort.signal.aborted && setStatus((old) => ({ ...old, ...s }));
    set({ phase: 'loading', fraction: null, error: null });
    execute(ctxRef.current, p, abort.signal, set).then(
      (run) => {
        runs.set(p.key, run);
        set({ phase: 'done', fraction: 1, run });
      },
      (e: Error) => {
        if (e.name === 'AbortError') return;
        set({ phase: 'error', error: e });
      },
    );
    return () => abort.abort();
  }, [plan?.key, nonce]);

  return {
    ...status,
    cancel: () => {
      controller.current?.abort();
      setStatus((s) => ({ ...s, phase: 'cancelled', fraction: null }));
    },
    rerun: () => setNonce((n) => n + 1),
  };
}

async function execute(ctx: AtlasContext, p: RunPlan, signal: AbortSignal, set: (s: Partial<RunStatus>) => void): Promise<HotspotRun> {
  const { spec } = p;
  const frame = ctx.frame!;
  const bivariate = spec.stat === 'bilisa';
  const [x, y] = await Promise.all([loadHotspotVariable(ctx, spec.x), bivariate ? loadHotspotVariable(ctx, spec.y) : Promise.resolve(null)]);
  const rows = y ? testedRows(x.value, y.value) : testedRows(x.value);
  const wKey = `${p.weightsKey}|${rowsHash(rows)}`;
  let built = builtWeights.get(wKey);
  if (!built) {
    set({ phase: 'weights' });
    const keep = rows.length === frame.areas.codes.length ? null : new Uint8Array(frame.areas.codes.length);
    if (keep) for (const i of rows) keep[i] = 1;
    const { codes, lon, lat } = frame.areas;
    built = await buildHotspotWeights({ source: p.source, ids: codes, lon, lat, keep, style: spec.weights.style, islands: spec.weights.islands }, { signal });
    builtWeights.set(wKey, built);
  }
  set({ phase: 'computing', fraction: 0 });
  const t0 = performance.now();
  const result = await runHotspots(
    { stat: spec.stat, x: pick(x.value, rows), y: y ? pick(y.value, rows) : undefined, weights: built.weights, permutations: spec.permutations, seed: spec.seed, correction: spec.correction, alpha: spec.alpha },
    { signal, onProgress: (fraction) => set({ fraction }) },
  );
  const computeMs = performance.now() - t0;
  // For benchmarks and the curious: the in-browser time of the statistic itself (Performance panel).
  performance.measure('hotspots:compute', { start: t0, duration: computeMs, detail: { stat: spec.stat, areas: rows.length, permutations: spec.permutations } });
  return { key: p.key, level: frame.level, result, rows, x, y, weights: built.weights, weightsInfo: built.info, computeMs };
}
