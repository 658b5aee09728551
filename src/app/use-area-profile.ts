/** "Who lives here" for the selected area: the reach profile of that one area beside its ICB and England. */
import { loadReachProfile } from '../data/load-reach-profile';
import type { AtlasData } from '../data/load-atlas';
import type { ReachProfile } from '../data/reach-profile';
import type { LevelId } from '../geo/levels';
import type { EthnicGroupSpec } from '../state/ethnic-groups-spec';
import { useAsync } from './use-async';

const ABOVE_ICB = new Set<LevelId>(['icb24', 'cal22', 'cal19']);

export function useAreaProfile(data: AtlasData, level: LevelId, code: string | null, name: string, groups: readonly EthnicGroupSpec[]): ReachProfile | null {
  const r = useAsync(code ? () => loadReachProfile(data.queries, level, [code], groups, { title: name, withIcbs: !ABOVE_ICB.has(level) }) : null, [level, code, name, JSON.stringify(groups)]);
  return r.value ?? null;
}
