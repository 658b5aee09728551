/**
 * Every measure of the selected area, filled in progressively as each query returns (results are
 * shared with the map through the query cache, so the current measure appears at once), with
 * England's value for comparison and, for the current group's measures that have several periods,
 * the trend across periods.
 */
import { useEffect, useState } from 'react';
import { getIndicator, indicatorsAt } from '../data/catalogue';
import { ETHNICITY_GROUP_TITLE } from '../data/catalogue/ethnicity-indicators';
import { SCREENING_GROUP_TITLE } from '../data/catalogue/screening-indicators';
import { dimensionValues, periodDimension, targetFor, type IndicatorTarget } from '../data/catalogue/types';
import { numberColumn, stringColumn } from '../data/db/arrow-columns';
import type { AtlasData } from '../data/load-atlas';
import { trendSql } from '../data/sql/trend-sql';
import type { LevelId } from '../geo/levels';
import type { TrendPoint } from '../ui/TrendChart';
import { loadEnglandValue, loadIndicatorValues, type EnglandValue, type LevelAreas } from '../data/level-data';
import { factsAt, type AreaValueFacts } from './value-text';

export interface AreaMeasure {
  indicator: string;
  /** The measure's ambition for the options shown (null where none applies). */
  target: IndicatorTarget | null;
  facts: AreaValueFacts;
  england: EnglandValue | null;
  trend: TrendPoint[] | null;
}

export interface AreaDetail {
  code: string;
  measures: Map<string, AreaMeasure>;
  pending: number;
}

/**
 * Groups of many parallel measures (24 ethnic groups, the screening estimates) are summed up in the
 * panel's "who lives here" profile instead; only the one on the map is listed with the others.
 */
const IN_PROFILE = new Set([ETHNICITY_GROUP_TITLE, SCREENING_GROUP_TITLE]);

/** Measures listed for an area: the current measure's group first, then the other groups. */
export function detailIndicators(level: LevelId, current: string): string[] {
  const group = getIndicator(current).group;
  const all = indicatorsAt(level).filter((i) => !IN_PROFILE.has(i.group) || i.id === current);
  return [...all.filter((i) => i.group === group), ...all.filter((i) => i.group !== group)].map((i) => i.id);
}

async function loadTrend(data: AtlasData, id: string, level: LevelId, code: string, dims: Record<string, string>): Promise<TrendPoint[] | null> {
  if (!periodDimension(getIndicator(id))) return null;
  const t = await data.queries.run(trendSql(id, level, code, dims));
  const n = (c: string) => numberColumn(t, c);
  const [start, end, value, lower, upper, supp, eng] = ['start_year', 'end_year', 'value', 'lower', 'upper', 'suppressed', 'england_value'].map(n);
  const labels = stringColumn(t, 'label');
  const v = (x: number) => (Number.isFinite(x) ? x : null);
  return labels.map((label, i) => ({ label: label ?? '', start: start[i], end: end[i], value: v(value[i]), lower: v(lower[i]), upper: v(upper[i]), suppressed: supp[i] > 0, england: v(eng[i]) }))
    .filter((p) => Number.isFinite(p.start) && Number.isFinite(p.end));
}

export function useAreaDetail(data: AtlasData, areas: LevelAreas | undefined, code: string | null, current: string, chosenDims: Record<string, string>): AreaDetail | null {
  const [detail, setDetail] = useState<AreaDetail | null>(null);
  const dimsKey = JSON.stringify(chosenDims);
  useEffect(() => {
    if (!areas || !code || !areas.indexOf.has(code)) {
      setDetail(null);
      return;
    }
    let live = true;
    const index = areas.indexOf.get(code)!;
    const ids = detailIndicators(areas.level, current);
    const group = getIndicator(current).group;
    const measures = new Map<string, AreaMeasure>();
    setDetail({ code, measures: new Map(), pending: ids.length });
    // Fire and forget: each measure's failure is caught below, and `live` drops results of a stale area.
    void (async () => {
      let done = 0;
      for (const id of ids) {
        const ind = getIndicator(id);
        const dims = dimensionValues(ind, id === current ? chosenDims : {});
        try {
          const v = await loadIndicatorValues(data.queries, id, areas.level, dims, areas);
          const england = ind.columns.lower || ind.ci ? await loadEnglandValue(data.queries, id, dims).catch(() => null) : null;
          const trend = ind.group === group ? await loadTrend(data, id, areas.level, code, dims).catch(() => null) : null;
          measures.set(id, { indicator: id, target: targetFor(ind, dims), facts: factsAt(v, index), england, trend });
        } catch (e) {
          // A measure that fails to compute is left out of the panel rather than blocking the rest.
          console.warn(`detail: ${id}`, e);
        }
        done++;
        if (!live) return;
        setDetail({ code, measures: new Map(measures), pending: ids.length - done });
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- chosenDims is compared by its content (dimsKey): the caller rebuilds it on every render
  }, [data, areas, code, current, dimsKey]);
  return detail;
}
