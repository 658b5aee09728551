/**
 * Runs the evaluation the plan describes: load the panel and covariates (DuckDB), then compute in
 * the evaluation worker with progress and a cancel button. A new plan cancels the run in progress;
 * finished runs are kept in a small cache, so going back to earlier settings is instant.
 */
import { useEffect, useRef, useState } from 'react';
import type { Panel } from '../../analysis/evaluation/panel';
import type { EvaluationInput, EvaluationResult } from '../../analysis/evaluation/run-evaluation';
import type { LevelId } from '../../geo/levels';
import { runEvaluationInWorker } from '../../workers/evaluation-client';
import type { AtlasContext } from '../atlas-context';
import { loadEvaluationInput, type EvaluationPlan } from './load-evaluation-input';

export interface EvaluationRun {
  key: string;
  level: LevelId;
  plan: EvaluationPlan;
  panel: Panel;
  input: EvaluationInput;
  result: EvaluationResult;
}

export type EvaluationPhase = 'idle' | 'loading' | 'computing' | 'done' | 'cancelled' | 'error';

export interface EvaluationStatus {
  phase: EvaluationPhase;
  fraction: number | null;
  stage: string;
  error: Error | null;
  /** The last finished run (kept while a new one computes, and after a cancel or failure). */
  run: EvaluationRun | null;
  cancel(): void;
}

const cache = new Map<string, EvaluationRun>();
const CACHE_SIZE = 4;

export function useEvaluationRun(ctx: AtlasContext, plan: EvaluationPlan | null): EvaluationStatus {
  const [status, setStatus] = useState<Omit<EvaluationStatus, 'cancel'>>({ phase: 'idle', fraction: null, stage: '', error: null, run: null });
  const controller = useRef<AbortController | null>(null);
  const live = useRef({ ctx, plan });
  live.current = { ctx, plan };

  useEffect(() => {
    const { ctx: c, plan: p } = live.current;
    if (!p || !c.frame) return;
    const hit = cache.get(p.key);
    if (hit) {
      setStatus({ phase: 'done', fraction: 1, stage: '', error: null, run: hit });
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    const set = (s: Partial<Omit<EvaluationStatus, 'cancel'>>) => !abort.signal.aborted && setStatus((old) => ({ ...old, ...s }));
    set({ phase: 'loading', fraction: null, stage: 'Loading the outcome and covariates', error: null });
    const areas = c.frame.areas;
    (async () => {
      const { input } = await loadEvaluationInput(c.data.queries, areas, p);
      if (abort.signal.aborted) return null;
      set({ phase: 'computing', fraction: 0, stage: 'Choosing comparison areas' });
      const result = await runEvaluationInWorker(input, { signal: abort.signal, onProgress: (fraction, stage) => set({ fraction, stage }) });
      return { key: p.key, level: areas.level, plan: p, panel: input.panel, input, result } satisfies EvaluationRun;
    })().then(
      (run) => {
        if (!run) return;
        cache.set(run.key, run);
        while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
        set({ phase: 'done', fraction: 1, stage: '', run });
      },
      (e: Error) => {
        if (e.name === 'AbortError') return;
        console.error(e);
        set({ phase: 'error', error: e });
      },
    );
    return () => abort.abort();
  }, [plan?.key, ctx.frame?.level]);

  return {
    ...status,
    cancel: () => {
      controller.current?.abort();
      setStatus((s) => ({ ...s, phase: 'cancelled', fraction: null, stage: '' }));
    },
  };
}
