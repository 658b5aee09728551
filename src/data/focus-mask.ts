/**
 * Which areas of a level lie in the focus region (an ICB, a local authority or a 2022 Cancer
 * Alliance). The app's map, tables and shortlist and the headless `npm run atlas -- export --focus`
 * all use this one rule.
 */
import type { FocusLevel } from '../geo/levels';
import type { LevelAreas } from './level-data';

export type Focus = { level: FocusLevel; code: string };

/**
 * 1 for the areas inside the focus: those whose parent of the focus's kind is the focus, and the
 * focus area itself. `focusParent` is the area of this level that contains the focus region (the
 * ICB of a local authority, the alliance of an ICB): at such a coarser level it is what is shown.
 * Levels whose areas have no parent of the focus's kind have none inside.
 */
export function focusMask(areas: Pick<LevelAreas, 'codes' | 'lad' | 'icb' | 'cal22'>, focus: Focus | null, focusParent: string | null): Uint8Array | null {
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

/** The ICB holding a local-authority focus (from the local-authority level's areas), else null. */
export function focusParentIcb(laAreas: Pick<LevelAreas, 'indexOf' | 'icb'> | null | undefined, focus: Focus | null): string | null {
  if (focus?.level !== 'lad24' || !laAreas) return null;
  const i = laAreas.indexOf.get(focus.code);
  return i === undefined ? null : laAreas.icb[i];
}
