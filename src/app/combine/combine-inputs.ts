/**
 * The indicator values the combine views read, at the level on screen. Values come through
 * `ctx.valuesFor` (SQL cached by text) and are kept here per level frame, so the composite, the
 * rules, the bivariate map and anyone using `useCombineResults` share one copy of each array; that
 * identity is what lets normalised scores be cached per input.
 */
import { findIndicator, isAvailable } from '../../data/catalogue';
import { dimensionValues, type Indicator } from '../../data/catalogue/types';
import { numberColumn } from '../../data/db/arrow-columns';
import type { QueryRunner } from '../../data/query-runner';
import { englandValueSql } from '../../data/sql/england-sql';
import { LEVELS } from '../../geo/levels';
import type { MeasureChoice } from '../../state/combine-spec';
import type { AtlasContext, LevelFrame } from '../atlas-context';
import type { IndicatorValues } from '../../data/level-data';
import { useAsync } from '../use-async';

export interface LoadedMeasure {
  choice: MeasureChoice;
  indicator: Indicator;
  /** Dimension values in effect (defaults filled in). */
  dims: Record<string, string>;
  /** null when the indicator has no values at this level (see `unavailable`). */
  values: IndicatorValues | null;
  unavailable: string | null;
}

const perFrame = new WeakMap<LevelFrame['areas'], Map<string, Promise<IndicatorValues>>>();

export function measureKey(choice: MeasureChoice): string {
  const ind = findIndicator(choice.indicator);
  return `${choice.indicator}|${JSON.stringify(ind ? dimensionValues(ind, choice.dims) : choice.dims)}`;
}

/** Where measure values come from: `ctx.valuesFor` in the app, the same SQL on node DuckDB in tests. */
export type ValuesFor = (indicatorId: string, dims: Record<string, string>) => Promise<IndicatorValues>;

function cachedValues(valuesFor: ValuesFor, frame: Pick<LevelFrame, 'level' | 'areas'>, ind: Indicator, dims: Record<string, string>): Promise<IndicatorValues> {
  let cache = perFrame.get(frame.areas);
  if (!cache) perFrame.set(frame.areas, (cache = new Map<string, Promise<IndicatorValues>>()));
  const key = `${ind.id}|${JSON.stringify(dims)}`;
  let p = cache.get(key);
  if (!p) {
    p = valuesFor(ind.id, dims);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export async function loadMeasures(valuesFor: ValuesFor, frame: Pick<LevelFrame, 'level' | 'areas'>, choices: readonly MeasureChoice[]): Promise<LoadedMeasure[]> {
  return Promise.all(choices.map(async (choice): Promise<LoadedMeasure> => {
    const ind = findIndicator(choice.indicator);
    if (!ind) throw new Error(`unknown measure ${choice.indicator}`);
    const dims = dimensionValues(ind, choice.dims);
    if (!isAvailable(ind, frame.level)) {
      const why = ind.unavailable?.[frame.level] ?? `not available for ${LEVELS[frame.level].label}`;
      return { choice, indicator: ind, dims, values: null, unavailable: `${ind.short}: ${why}` };
    }
    return { choice, indicator: ind, dims, values: await cachedValues(valuesFor, frame, ind, dims), unavailable: null };
  }));
}

/** Loads the measures whenever the level or the list of choices changes (not on weight changes). */
export function useMeasures(ctx: AtlasContext, choices: readonly MeasureChoice[], active: boolean) {
  const frame = ctx.frame;
  const key = choices.map(measureKey).join(';');
  const r = useAsync(
    active && frame ? async () => ({ key, areas: frame.areas, measures: await loadMeasures(ctx.valuesFor, frame, choices) }) : null,
    [active, frame, key],
  );
  // A result for another level or another list of choices is never shown.
  const current = r.value && frame && r.value.key === key && r.value.areas === frame.areas ? r.value.measures : null;
  return { measures: current, loading: r.loading, error: r.error ?? null };
}

const england = new Map<string, Promise<number | null>>();

/** England's published value for a measure (null when there is none, e.g. IMD ranks). */
export function englandValue(queries: Pick<QueryRunner, 'run'>, ind: Indicator, dims: Record<string, string>): Promise<number | null> {
  const key = `${ind.id}|${JSON.stringify(dims)}`;
  let p = england.get(key);
  if (!p) {
    p = queries.run(englandValueSql(ind.id, dims)).then((t) => {
      const v = t.numRows > 0 ? numberColumn(t, 'value')[0] : NaN;
      return Number.isFinite(v) ? v : null;
    });
    england.set(key, p);
    p.catch(() => england.delete(key));
  }
  return p;
}
