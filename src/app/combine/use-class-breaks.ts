/**
 * Class breaks for a combine view, from the areas of the region the user last asked for (see
 * `CombineClassification.breaksFrom`): changing the focus filters the map but leaves the breaks
 * alone until the user recomputes them. Quantiles, equal intervals and custom thresholds are
 * computed at once (a few ms for 33,755 areas); natural breaks go to a worker.
 */
import { useEffect, useMemo, useState } from 'react';
import { combineBreaks, type BreakSpec } from '../../analysis/combine/class-breaks';
import { LEVELS } from '../../geo/levels';
import type { CombineClassification } from '../../state/combine-spec';
import { classBreaksClient } from '../../workers/class-breaks-client';
import type { AtlasContext } from '../atlas-context';
import { focusMask } from '../../data/focus-mask';

export interface BreaksRegion {
  mask: Uint8Array | null;
  label: string;
  /** The region the breaks come from is not the focus on screen (the user filtered since). */
  stale: boolean;
}

const sameRegion = (a: CombineClassification['breaksFrom'], b: AtlasContext['state']['focus']) => (a?.code ?? null) === (b?.code ?? null);

export function useBreaksRegion(ctx: AtlasContext, from: CombineClassification['breaksFrom']): BreaksRegion {
  const { frame, mask, focusLabel, state } = ctx;
  const focusIsRegion = sameRegion(from, state.focus);
  return useMemo(() => {
    const stale = !focusIsRegion;
    if (!from || !frame) return { mask: null, label: 'all of England', stale };
    if (focusIsRegion) return { mask, label: focusLabel, stale };
    const m = focusMask(frame.areas, from, null);
    if (!m || !m.some((x) => x === 1)) return { mask: null, label: `all of England (${from.code} has no ${LEVELS[frame.level].noun} areas)`, stale };
    return { mask: m, label: `${LEVELS[from.level].noun} ${from.code}`, stale };
  }, [from?.code, from?.level, frame, mask, focusLabel, focusIsRegion]); // eslint-disable-line react-hooks/exhaustive-deps -- from is compared by its code and level: the spec rebuilds it on every edit
}

export interface BreaksResult {
  breaks: number[] | null;
  pending: boolean;
  error: Error | null;
}

interface Done {
  values: Float64Array;
  region: Uint8Array | null;
  key: string;
  breaks: number[];
}

export function useClassBreaks(values: Float64Array | null, cls: CombineClassification, region: BreaksRegion): BreaksResult {
  const spec: BreakSpec = { method: cls.method, classes: cls.classes, custom: cls.custom };
  const key = JSON.stringify(spec);
  const inWorker = cls.method === 'ckmeans';
  const now = useMemo(() => (!inWorker && values ? combineBreaks(values, spec, region.mask) : null), [values, key, region.mask, inWorker]); // eslint-disable-line react-hooks/exhaustive-deps -- spec is compared by its content (key): it is rebuilt on every render
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (!inWorker || !values) return;
    let live = true;
    setError(null);
    classBreaksClient().breaks(values, region.mask, spec).then(
      (breaks) => live && breaks && setDone({ values, region: region.mask, key, breaks }),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [values, key, region.mask, inWorker]); // eslint-disable-line react-hooks/exhaustive-deps -- spec is compared by its content (key): it is rebuilt on every render
  if (!inWorker) return { breaks: now, pending: false, error: null };
  const fresh = done && done.values === values && done.region === region.mask && done.key === key ? done.breaks : null;
  return { breaks: fresh, pending: !!values && !fresh && !error, error };
}
