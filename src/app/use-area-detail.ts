/**
 * Every measure of the selected area, filled in progressively as each query returns (results are
 * shared with the map through the query cache, so the current measure appears at once).
 */
import { useEffect, useState } from 'react';
import { getIndicator, indicatorsAt } from '../data/catalogue';
import type { AtlasData } from '../data/load-atlas';
import type { LevelId } from '../geo/levels';
import { loadIndicatorValues, type LevelAreas } from './level-data';

export interface AreaMeasure {
  indicator: string;
  value: number;
  lower: number;
  upper: number;
  rank: number;
  ranked: number;
  source: string | null;
}

export interface AreaDetail {
  code: string;
  measures: Map<string, AreaMeasure>;
  pending: number;
}

/** Measures listed for an area: the current measure's group first, then the other groups. */
export function detailIndicators(level: LevelId, current: string): string[] {
  const group = getIndicator(current).group;
  const all = indicatorsAt(level);
  return [...all.filter((i) => i.group === group), ...all.filter((i) => i.group !== group)].map((i) => i.id);
}

export function useAreaDetail(data: AtlasData, areas: LevelAreas | undefined, code: string | null, current: string, dims: Record<string, string>): AreaDetail | null {
  const [detail, setDetail] = useState<AreaDetail | null>(null);
  useEffect(() => {
    if (!areas || !code || !areas.indexOf.has(code)) {
      setDetail(null);
      return;
    }
    let live = true;
    const index = areas.indexOf.get(code)!;
    const ids = detailIndicators(areas.level, current);
    const measures = new Map<string, AreaMeasure>();
    setDetail({ code, measures: new Map(), pending: ids.length });
    (async () => {
      let done = 0;
      for (const id of ids) {
        try {
          const v = await loadIndicatorValues(data.queries, id, areas.level, id === current ? dims : {}, areas);
          measures.set(id, { indicator: id, value: v.value[index], lower: v.lower[index], upper: v.upper[index], rank: v.rank[index], ranked: v.ranked, source: v.source[index] });
        } catch {
          // A measure that fails to compute is left out of the panel rather than blocking the rest.
        }
        done++;
        if (!live) return;
        setDetail({ code, measures: new Map(measures), pending: ids.length - done });
      }
    })();
    return () => {
      live = false;
    };
  }, [data, areas, code, current, dims]);
  return detail;
}
