/**
 * Which areas of the current level lie in the focus region (an ICB, a local authority or a 2022
 * Cancer Alliance). `focusParent` is the area of the current level that contains the focus region
 * (the ICB of a local authority, the alliance of an ICB): at such a coarser level it is what is shown.
 */
import type { FocusLevel } from '../geo/levels';
import type { LevelAreas } from './level-data';

export function focusMask(areas: LevelAreas, focus: { level: FocusLevel; code: string } | null, focusParent: string | null): Uint8Array | null {
  if (!focus) return null;
  const n = areas.codes.length;
  const out = new Uint8Array(n);
  const parents = focus.level === 'icb24' ? areas.icb : focus.level === 'lad24' ? areas.lad : areas.cal22;
  for (let i = 0; i < n; i++) {
    const code = areas.codes[i];
    out[i] = parents[i] === focus.code || code === focus.code || code === focusParent ? 1 : 0;
  }
  return out;
}

