/**
 * The Map tab's editor of groups of ethnic groups, wired to the view state: a new group is added and
 * shown on the map at once; removing the group on the map goes back to a built-in ethnic group.
 */
import { CHOSEN_COUNT, CHOSEN_SHARE } from '../../data/catalogue/ethnicity-indicators';
import { membersText } from '../../data/catalogue/ethnic-group-choices';
import { ETHNIC_GROUPS } from '../../state/ethnic-classification';
import { makeEthnicGroup, MAX_ETHNIC_GROUPS, type EthnicGroupSpec } from '../../state/ethnic-groups-spec';
import type { ViewState } from '../../state/view-state';
import { EthnicGroupsEditor } from '../../ui/EthnicGroupsEditor';
import { MINORITY_GROUP } from '../combine/ethnicity-presets';


export function EthnicGroupsSection({ state, update }: { state: ViewState; update(patch: Partial<ViewState>): void }) {
  const groups = state.ethnicGroups;
  const onAdd = (label: string, members: string[]): string | null => {
    const g = makeEthnicGroup(label, members);
    if (!g) return 'Tick at least two groups (a high-level group counts as one, whatever its detailed groups).';
    const same = groups.find((x) => x.id === g.id);
    if (same) return `A group with these members exists already: "${same.label}".`;
    if (groups.length >= MAX_ETHNIC_GROUPS) return `At most ${MAX_ETHNIC_GROUPS} groups: remove one first.`;
    update({ ethnicGroups: [...groups, g], indicator: CHOSEN_SHARE, dims: { group: g.id }, classification: null, mode: 'indicator' });
    return null;
  };
  const onRemove = (id: string) => {
    const rest = groups.filter((g) => g.id !== id);
    const onMap = (state.indicator === CHOSEN_SHARE || state.indicator === CHOSEN_COUNT) && (state.dims.group === id || rest.length === 0);
    update({ ethnicGroups: rest, ...(onMap ? { indicator: 'ethnicity.asian.share', dims: {} } : {}) });
  };

  return (
    <EthnicGroupsEditor
      options={ETHNIC_GROUPS.map((g) => ({ key: g.key, label: g.label, broad: g.broad }))}
      groups={groups.map((g: EthnicGroupSpec) => ({ id: g.id, label: g.label, members: membersText(g) }))}
      max={MAX_ETHNIC_GROUPS} onAdd={onAdd} onRemove={onRemove}
      quick={groups.some((g) => g.id === MINORITY_GROUP.id) ? null : MINORITY_GROUP}
    />
  );
}
