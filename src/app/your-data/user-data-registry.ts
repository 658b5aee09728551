/**
 * The session-wide registrations that make a user's data visible: a dataset's indicators in the
 * catalogue, a level in the level list (with its contiguity, its rules for every indicator, and its
 * shapes for the map). Called only after the data is in DuckDB (see user-data-engine), and never
 * failing, so the catalogue and the database always agree.
 */
import { extendLevel, registerUserIndicator, removeLevelExtension, unregisterUserIndicator } from '../../data/catalogue';
import { ruleAtUserLevel } from '../../data/import/dataset-level-rules';
import type { BoundarySpec, LevelCoverage } from '../../data/import/load-user-level';
import { datasetIndicators } from '../../data/import/dataset-indicators';
import { indicatorId, type DatasetSpec } from '../../data/import/user-dataset';
import { valueAggregate } from '../../data/import/value-method';
import type { UserLevelId } from '../../geo/levels';
import type { UserLevelGeometry } from '../../geo/user-level-geometry';
import { registerUserLevel, unregisterUserLevel, userLevelInfo } from '../../geo/user-levels';
import type { GeometryStore } from '../geometry-store';
import type { LoadedLevel } from './user-data-store';

export function registerDataset(d: DatasetSpec): void {
  for (const ind of datasetIndicators(d)) registerUserIndicator(ind);
}

export function unregisterDataset(d: DatasetSpec): void {
  for (const v of d.values) unregisterUserIndicator(indicatorId(d, v));
}

/**
 * Registers a user level; every measure gets a rule there: built-in ones as at their wards or NHS
 * areas, users' own by their dataset's plan (`datasets`: those loaded once this change is applied).
 */
export function registerLevel(
  l: { spec: BoundarySpec; topology: string; geometry: UserLevelGeometry }, coverage: LevelCoverage,
  shapes: Pick<GeometryStore, 'provide'>, bare: boolean, datasets: readonly DatasetSpec[],
): LoadedLevel {
  const { spec, geometry: g } = l;
  registerUserLevel({ info: userLevelInfo(spec.id, spec.label, spec.noun), ids: g.polygons.ids, contiguity: g.contiguity, file: spec.file });
  const plans = new Map(datasets.flatMap((d) => d.values.map((v) => [indicatorId(d, v), valueAggregate(d, v)] as const)));
  // without the atlas's data, built-in measures have no tables to aggregate
  extendLevel(spec.id, (ind) => (bare && !ind.id.startsWith('user.') ? null : ruleAtUserLevel(spec.id, ind, plans.get(ind.id))));
  shapes.provide(spec.id, { polygons: g.polygons, index: g.index, mesh: g.mesh });
  return { spec, topology: l.topology, coverage, islands: g.contiguity.queen.filter((n) => n.length === 0).length };
}

export function unregisterLevel(id: UserLevelId, shapes: Pick<GeometryStore, 'forget'>): void {
  removeLevelExtension(id);
  unregisterUserLevel(id);
  shapes.forget(id);
}
