/**
 * The search box's wiring: runs the search SQL, and on a pick fits the map to the whole area, selects
 * it when it is at the level on screen, and otherwise outlines it (its own level's shapes) so the
 * area stays visible in context. Offers focusing on it when it is a focus level.
 */
import { useCallback, useRef, useState } from 'react';
import { numberColumn, stringColumn } from '../../data/db/arrow-columns';
import type { AtlasData } from '../../data/load-atlas';
import { searchLevels, searchSql } from '../../data/sql/search-sql';
import { FOCUS_LEVELS, LEVELS, type FocusLevel, type LevelId } from '../../geo/levels';
import { areaOutline } from '../../geo/topology-binary';
import type { FlyTarget } from '../../map/atlas-map';
import type { SearchResult } from '../../ui/SearchBox';
import type { GeometryStore } from '../geometry-store';

type Box = [number, number, number, number];

export interface AreaSearch {
  search(q: string): Promise<SearchResult[]>;
  pick(r: SearchResult): void;
  /** The rings of a picked area that is not at the level on screen (drawn as an outline). */
  outline: number[][][] | null;
}

export function useAreaSearch(p: {
  data: AtlasData; shapes: GeometryStore; level: LevelId;
  flyTo(t: Omit<FlyTarget, 'key'>): void; selectArea(code: string | null): void;
  /** Sets the focus (the map is already fitted to the area). */
  setFocus(f: { level: FocusLevel; code: string }): void;
}): AreaSearch {
  const found = useRef(new Map<string, { level: LevelId; code: string; bbox: Box }>());
  const [outline, setOutline] = useState<{ key: string; rings: number[][][] } | null>(null);
  const { data, shapes, level, flyTo, selectArea, setFocus } = p;

  const pick = useCallback((r: SearchResult) => {
    const hit = found.current.get(r.key);
    if (!hit) return;
    flyTo({ bbox: hit.bbox });
    if (hit.level === level) {
      setOutline(null);
      selectArea(hit.code);
      return;
    }
    // LSOA shapes are large: an LSOA picked at another level is shown by the zoom alone.
    if (hit.level === 'lsoa21' || hit.level === 'lsoa11') return setOutline(null);
    shapes.load(hit.level).then((g) => {
      const i = g.polygons.ids.indexOf(hit.code);
      setOutline(i < 0 ? null : { key: r.key, rings: areaOutline(g.polygons, i) });
    }, () => setOutline(null));
  }, [flyTo, selectArea, shapes, level]);

  const search = useCallback(async (q: string): Promise<SearchResult[]> => {
    const t = await data.queries.run(searchSql(q, searchLevels(level, LEVELS[level].stack)));
    const lv = stringColumn(t, 'level') as LevelId[];
    const codes = stringColumn(t, 'code') as string[];
    const names = stringColumn(t, 'name') as string[];
    const parents = stringColumn(t, 'parent_name');
    const bb = ['minx', 'miny', 'maxx', 'maxy'].map((c) => numberColumn(t, c));
    found.current = new Map(codes.map((c, i) => [`${lv[i]}:${c}`, { level: lv[i], code: c, bbox: [bb[0][i], bb[1][i], bb[2][i], bb[3][i]] as Box }]));
    return codes.map((c, i) => {
      const l = lv[i];
      const focusable = (FOCUS_LEVELS as readonly string[]).includes(l);
      return {
        key: `${l}:${c}`, code: c, name: names[i], levelLabel: LEVELS[l]?.label ?? l, noun: LEVELS[l]?.noun ?? 'area', parentName: parents[i] ?? null,
        actions: [
          ...(focusable ? [{ label: `Focus on this ${LEVELS[l].noun}`, run: () => setFocus({ level: l as FocusLevel, code: c }) }] : []),
          { label: 'Clear', clears: true, run: () => setOutline(null) },
        ],
      };
    });
  }, [data, level, setFocus]);

  return { search, pick, outline: outline?.rings ?? null };
}
