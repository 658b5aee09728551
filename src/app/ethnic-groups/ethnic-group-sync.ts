/**
 * Keeps the catalogue and the database in step with the view state's groups of ethnic groups: the
 * run-time table behind the "your group" measures is re-created and the catalogue told, before any
 * view asks for them. The catalogue is told at once (the first map's SQL may name a group); the
 * table is a derived table of the on-demand database (AtlasDb.derive), so a statement naming it
 * waits for the version made from the groups in force when it was sent, and the `ethnicity` table
 * downloads only once the database has started, never ahead of the first map.
 */
import { setEthnicGroupChoices } from '../../data/catalogue';
import { CHOSEN_TABLE } from '../../data/catalogue/ethnicity-indicators';
import type { AtlasData } from '../../data/load-atlas';
import { ethnicGroupsTableSql } from '../../data/sql/ethnic-groups-sql';
import type { EthnicGroupSpec } from '../../state/ethnic-groups-spec';
import { viewStore } from '../view-store';

export function startEthnicGroupSync(data: AtlasData): void {
  let applied = '';
  const apply = (groups: readonly EthnicGroupSpec[]) => {
    const key = JSON.stringify(groups);
    if (key === applied) return;
    applied = key;
    setEthnicGroupChoices(groups);
    // A failure here leaves the groups' measures without rows; the map says so when it queries them.
    data.db.derive(CHOSEN_TABLE, ethnicGroupsTableSql(groups)).catch((e: unknown) => console.error('groups of ethnic groups:', e));
  };
  viewStore.subscribe(() => apply(viewStore.get().ethnicGroups));
  apply(viewStore.get().ethnicGroups);
}
