/**
 * Fills the two "your group of ethnic groups" measures with the groups the user has defined (view
 * state key `ethnicGroups`): each group becomes a value of their "Your group" option, and the
 * measures become available at every level the built-in ethnic groups are. Without groups they stay
 * listed as unavailable, saying how to define one. The catalogue applies this to copies of the
 * entries (index.ts), so the entries themselves never change.
 */
import { ethnicGroup } from '../../state/ethnic-classification';
import type { EthnicGroupSpec } from '../../state/ethnic-groups-spec';
import { CHOSEN_COUNT, CHOSEN_SHARE, chosenGroupLevels } from './ethnicity-indicators';
import type { Indicator } from './types';

/** "Asian, Asian British or Asian Welsh + Black, …": the members in ONS's words, for definitions and exports. */
export function membersText(g: EthnicGroupSpec): string {
  return g.members.map((m) => ethnicGroup(m)?.short ?? m).join(' + ');
}

export function withEthnicGroups(ind: Indicator, groups: readonly EthnicGroupSpec[]): Indicator {
  if ((ind.id !== CHOSEN_SHARE && ind.id !== CHOSEN_COUNT) || groups.length === 0) return ind;
  const [dim] = ind.dimensions!;
  return {
    ...ind,
    ...chosenGroupLevels(ind.id === CHOSEN_COUNT),
    dimensions: [{ ...dim, defaultValue: groups[0].id, values: groups.map((g) => ({ value: g.id, label: `${g.label} (${membersText(g)})` })) }],
  };
}
