/**
 * The shortlist's "who it reaches" profile beside its ICB(s) and England, loaded when the Shortlist
 * tab is open and the list changes (results are cached by SQL text, so going back costs nothing).
 */
import { loadReachProfile } from '../../data/load-reach-profile';
import type { ReachProfile } from '../../data/reach-profile';
import type { LevelId } from '../../geo/levels';
import type { AtlasContext } from '../atlas-context';
import { useAsync } from '../use-async';

export function useReachProfile(ctx: AtlasContext, level: LevelId, codes: readonly string[], active: boolean): { profile: ReachProfile | null; loading: boolean; error: Error | null } {
  const groups = ctx.state.ethnicGroups;
  const key = `${level}|${codes.join(',')}|${JSON.stringify(groups)}`;
  const r = useAsync(active && codes.length ? () => loadReachProfile(ctx.data.queries, level, codes, groups, { title: 'Shortlist', withIcbs: level !== 'icb24' && level !== 'cal22' && level !== 'cal19' }) : null, [active, key]);
  return { profile: r.value ?? null, loading: r.loading, error: r.error ?? null };
}
