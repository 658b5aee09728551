/**
 * GP practices on the map, as data: the practices' list sizes and chosen register (loaded when the
 * layer is on or a practice or PCN is selected), their symbols at this zoom, the chosen PCN's members
 * and approximate outline, and the profiles of the selected practice and PCN.
 */
import { useMemo } from 'react';
import { convexHull } from '../../analysis/points/convex-hull';
import { practiceMeasure } from '../../data/catalogue/practice-measures';
import { loadPracticeValues } from '../../data/practice-data';
import { loadPracticeProfile } from '../../data/practice-profile';
import type { QueryRunner } from '../../data/query-runner';
import { practiceSymbols } from '../../map/practice-points';
import { DEFAULT_PRACTICE_VIEW } from '../../state/practice-view';
import type { ViewState } from '../../state/view-state';
import { useAsync } from '../use-async';

export function usePracticeMap(queries: QueryRunner, state: ViewState) {
  const pv = state.practices;
  const shown = state.tab === 'practices' || pv.show;
  const needed = shown || pv.selected !== null || pv.pcn !== null;
  // Only registers colour the map (the list size is the symbol's size); an unknown id falls back.
  const measureId = practiceMeasure(pv.measure)?.kind === 'proportion' ? pv.measure : DEFAULT_PRACTICE_VIEW.measure;
  const lists = useAsync(needed ? async () => new Map((await loadPracticeValues(queries, 'qof.list_size', 'practice')).map((r) => [r.code, r.value ?? 0])) : null, [needed, queries]);
  const values = useAsync(needed ? () => loadPracticeValues(queries, measureId, 'practice') : null, [needed, queries, measureId]);
  const zoom = state.viewport.zoom;
  const symbols = useMemo(() => (values.value && lists.value ? practiceSymbols(values.value, lists.value, zoom, state.palette) : null), [values.value, lists.value, zoom, state.palette]);
  const pcn = useMemo(() => {
    if (!pv.pcn || !values.value || !symbols) return null;
    const rows = values.value.filter((r) => r.pcn === pv.pcn);
    if (!rows.length) return null;
    const members = rows.flatMap((r) => symbols.all.get(r.code) ?? []);
    return { code: pv.pcn, name: rows[0].pcnName ?? pv.pcn, rows, members, hull: convexHull(members.map((m) => m.lon), members.map((m) => m.lat)) };
  }, [pv.pcn, values.value, symbols]);
  const practiceProfile = useAsync(pv.selected ? () => loadPracticeProfile(queries, 'practice', pv.selected!) : null, [queries, pv.selected]);
  const pcnProfile = useAsync(pv.pcn ? () => loadPracticeProfile(queries, 'pcn', pv.pcn!) : null, [queries, pv.pcn]);
  return { shown, measureId, measure: practiceMeasure(measureId)!, values, lists, symbols, pcn, practiceProfile, pcnProfile };
}
