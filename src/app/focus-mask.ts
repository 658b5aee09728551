/** Which areas of the current level lie in the focus region (an ICB or a local authority). */
import type { FocusLevel } from '../geo/levels';
import type { LevelAreas } from './level-data';

export function focusMask(areas: LevelAreas, focus: { level: FocusLevel; code: string } | null, focusParentIcb: string | null): Uint8Array | null {
  if (!focus) return null;
  const n = areas.codes.length;
  const out = new Uint8Array(n);
  const parents = focus.level === 'icb24' ? areas.icb : areas.lad;
  for (let i = 0; i < n; i++) {
    const code = areas.codes[i];
    // At the ICB level a local-authority focus shows the ICB that contains the authority.
    out[i] = parents[i] === focus.code || code === focus.code || (areas.level === 'icb24' && code === focusParentIcb) ? 1 : 0;
  }
  return out;
}

