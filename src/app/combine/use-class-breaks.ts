/**
 * Class breaks for a combine view, from the areas `CombineClassification.breaksFrom` names: by
 * default the focus region on screen (so a focus on Birmingham spreads Birmingham's wards over the
 * classes), or all of England, or a region kept from an older link. Quantiles, equal intervals and custom thresholds are
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
  /** Where the breaks come from: the focus on screen, all of England, or another region. */
  source: 'focus' | 'england' | 'region';
}

const sameRegion = (a: { code: string } | null, b: AtlasContext['state']['focus']) => (a?.code ?? null) === (b?.code ?? null);

export function useBreaksRegion(ctx: AtlasContext, from: CombineClassification['breaksFrom']): BreaksRegion {
  const { frame, mask, focusLabel, state } = ctx;
  const region = from === 'focus' ? null : from;
  const focusIsRegion = from === 'focus' || sameRegion(region, state.focus);
  return useMemo(() => {
    const stale = !focusIsRegion;
    if (from === 'focus') return { mask, label: focusLabel, stale, source: 'focus' };
    if (!region || !frame) return { mask: null, label: 'all of England', stale, source: 'england' };
    if (focusIsRegion) return { mask, label: focusLabel, stale, source: 'region' };
    const m = focusMask(frame.areas, region, null);
    if (!m || !m.some((x) => x === 1)) return { mask: null, label: `all of England (${region.code} has no ${LEVELS[frame.level].noun} areas)`, stale, source: 'region' };
    return { mask: m, label: `${LEVELS[region.level].noun} ${region.code}`, stale, source: 'region' };
  }, [from === 'focus', region?.code, region?.level, frame, mask, focusLabel, focusIsRegion]); // eslint-disable-line react-hooks/exhaustive-deps -- from is compared by its code and level: the spec rebuilds it on every edit
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
