/**
 * What the hotspot map shows: the current run with the chosen correction and α (reclassified
 * without permuting again), put back on the level's areas and coloured. While a new run computes,
 * or after it was cancelled, the previous display of the same level stays (with `current` false),
 * so the hatching, legend and tooltip keep matching the colours the map still draws.
 */
import { useMemo, useRef } from 'react';
import { reclassify, type HotspotResult } from '../../analysis/stats/hotspots';
import { hotspotColours } from '../../map/hotspot-styles';
import type { HotspotSpec } from '../../state/hotspot-spec';
import type { LevelFrame } from '../atlas-context';
import { frameClasses, type FrameClasses } from './hotspot-frame';
import type { HotspotRun } from './use-hotspot-run';

export interface HotspotDisplay {
  run: HotspotRun;
  result: HotspotResult;
  fc: FrameClasses;
  colours: { fill: Uint8Array; ink: Uint8Array };
  /** Changes whenever the classes change (run, correction or α). */
  key: string;
  /** False while an older display stands in for a run that is not finished. */
  current: boolean;
}

export function useHotspotDisplay(run: HotspotRun | null, spec: HotspotSpec, frame: LevelFrame | null): HotspotDisplay | null {
  const display = useMemo((): Omit<HotspotDisplay, 'current'> | null => {
    if (!run || !frame || run.level !== frame.level) return null;
    const r = run.result;
    const result = r.correction === spec.correction && r.alpha === spec.alpha ? r : reclassify(r, { correction: spec.correction, alpha: spec.alpha });
    const fc = frameClasses(result, run.rows, frame.areas.codes.length);
    return { run, result, fc, colours: hotspotColours(fc.cluster, fc.keys), key: `${run.key}|${spec.correction}|${spec.alpha}` };
  }, [run, frame, spec.correction, spec.alpha]);
  const last = useRef<Omit<HotspotDisplay, 'current'> | null>(null);
  if (display) last.current = display;
  if (display) return { ...display, current: true };
  const old = last.current;
  return old && frame && old.run.level === frame.level ? { ...old, current: false } : null;
}
