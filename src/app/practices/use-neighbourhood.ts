/**
 * Every practice's neighbourhood deprivation (IMD 2025 score and Core20 share of the residents of the
 * LSOAs around it), loaded once for the Practices tab, so an unusual register can be read beside where
 * the practice is. Null until loaded or if it fails (the tab then simply leaves the column empty).
 */
import { useEffect, useState } from 'react';
import { loadPracticeValues } from '../../data/practice-data';
import type { QueryRunner } from '../../data/query-runner';

export interface Neighbourhood { score: number | null; core20: number | null }

export function useNeighbourhood(queries: QueryRunner): ReadonlyMap<string, Neighbourhood> | null {
  const [map, setMap] = useState<ReadonlyMap<string, Neighbourhood> | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([loadPracticeValues(queries, 'practice.neighbourhood.imd2025.score', 'practice'), loadPracticeValues(queries, 'practice.neighbourhood.imd2025.core20', 'practice')]).then(
      ([score, core]) => {
        const core20 = new Map(core.map((r) => [r.code, r.value]));
        if (live) setMap(new Map(score.map((r) => [r.code, { score: r.value, core20: core20.get(r.code) ?? null }])));
      },
      // A missing column is not worth an error on a tab about registers; the column says "…" meanwhile.
      () => undefined,
    );
    return () => { live = false; };
  }, [queries]);
  return map;
}
