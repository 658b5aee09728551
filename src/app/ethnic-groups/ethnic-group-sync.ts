/**
 * Keeps the catalogue and the database in step with the view state's groups of ethnic groups: the
 * run-time table behind the "your group" measures is re-created and the catalogue told, before any
 * view asks for them. The store calls listeners synchronously and the database runs statements in
 * the order they were sent, so the table is in place before the first query that uses a new group.
 */
import { setEthnicGroupChoices } from '../../data/catalogue';
import type { AtlasData } from '../../data/load-atlas';
import { ethnicGroupsTableSql } from '../../data/sql/ethnic-groups-sql';
import type { EthnicGroupSpec } from '../../state/ethnic-groups-spec';
import { viewStore } from '../view-store';

export async function startEthnicGroupSync(data: AtlasData): Promise<void> {
  let applied = '';
  const apply = (groups: readonly EthnicGroupSpec[]): Promise<unknown> | null => {
    const key = JSON.stringify(groups);
    if (key === applied) return null;
    applied = key;
    const created = data.db.query(ethnicGroupsTableSql(groups));
    setEthnicGroupChoices(groups);
    return created;
  };
  viewStore.subscribe(() => {
    // A failure here leaves the groups' measures without rows; the map says so when it queries them.
    apply(viewStore.get().ethnicGroups)?.catch((e: unknown) => console.error('groups of ethnic groups:', e));
  });
  await apply(viewStore.get().ethnicGroups);
}
