/**
 * The shortlist's own level (areas, shapes and indicator values), which may differ from the map's:
 * a list of wards stays a list of wards while the planner looks at LSOAs. When the two levels are
 * the same, the map's frame is reused, so nothing is loaded twice.
 */
import { useMemo } from 'react';
import { getIndicator, isAvailable } from '../../data/catalogue';
import { dimensionValues } from '../../data/catalogue/types';
import { stringColumn } from '../../data/db/arrow-columns';
import type { LevelId } from '../../geo/levels';
import type { ShortlistColumn } from '../../state/shortlist-spec';
import type { AtlasContext } from '../atlas-context';
import type { LevelGeometry } from '../geometry-store';
import { loadIndicatorValues, loadLevelAreas, type IndicatorValues, type LevelAreas } from '../../data/level-data';
import { useAsync } from '../use-async';

export interface ListLevel {
  level: LevelId;
  areas: LevelAreas | null;
  geometry: LevelGeometry | null;
  error: Error | null;
}

export function useListLevel(ctx: AtlasContext, level: LevelId): ListLevel {
  const same = ctx.frame?.level === level ? ctx.frame : null;
  const areas = useAsync(same ? null : () => loadLevelAreas(ctx.data.queries, level), [level, !!same]);
  const geometry = useAsync(same ? null : () => ctx.shapes.load(level), [level, !!same]);
  return {
    level,
    areas: same?.areas ?? (areas.value?.level === level ? areas.value : null),
    geometry: same?.geometry ?? (geometry.value?.level === level ? geometry.value : null),
    error: areas.error ?? geometry.error ?? null,
  };
}

/** The measures shown for each area: the map's own, then the planner's extra columns. */
export function listColumns(mapIndicator: string, mapDims: Record<string, string>, extra: readonly ShortlistColumn[], level: LevelId): ShortlistColumn[] {
  const out: ShortlistColumn[] = [];
  const key = (c: ShortlistColumn) => `${c.id}|${JSON.stringify(dimensionValues(getIndicator(c.id), c.dims))}`;
  for (const c of [{ id: mapIndicator, dims: mapDims }, ...extra]) {
    const ind = getIndicator(c.id);
    if (!isAvailable(ind, level) || out.some((o) => key(o) === key(c))) continue;
    out.push({ id: c.id, dims: dimensionValues(ind, c.dims) });
  }
  return out;
}

export interface ColumnValues {
  column: ShortlistColumn;
  values: IndicatorValues | null;
}

export function useColumnValues(ctx: AtlasContext, areas: LevelAreas | null, columns: ShortlistColumn[]): { columns: ColumnValues[]; loading: boolean; error: Error | null } {
  const key = JSON.stringify(columns);
  const r = useAsync(
    areas ? () => Promise.all(columns.map((c) => loadIndicatorValues(ctx.data.queries, c.id, areas.level, c.dims, areas))) : null,
    [areas, key],
  );
  const list = useMemo(() => columns.map((column, i) => ({ column, values: r.value?.[i] ?? null })), [r.value, key]); // eslint-disable-line react-hooks/exhaustive-deps -- columns is compared by its content (key): the caller rebuilds the array on every render
  return { columns: list, loading: r.loading, error: r.error ?? null };
}

/** Names of local authorities and ICBs, for the parent columns. */
export function useParentNames(ctx: AtlasContext): Map<string, string> {
  const r = useAsync(async () => {
    const t = await ctx.data.queries.run(`SELECT code, name FROM areas WHERE level IN ('lad24', 'icb24', 'ward24')`);
    const codes = stringColumn(t, 'code') as string[];
    const names = stringColumn(t, 'name') as string[];
    return new Map(codes.map((c, i) => [c, names[i]]));
  }, []);
  return r.value ?? EMPTY;
}
const EMPTY = new Map<string, string>();
