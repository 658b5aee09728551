/**
 * The shapes and area table of the level on screen. While another level loads, the previous one
 * stays (so the map never goes blank); the two parts are checked to line up area by area.
 */
import { useRef } from 'react';
import type { AtlasData } from '../data/load-atlas';
import type { LevelId } from '../geo/levels';
import type { LevelFrame } from './atlas-context';
import type { GeometryStore } from './geometry-store';
import { loadLevelAreas } from '../data/level-data';
import { useAsync } from './use-async';

export function useLevelFrame(data: AtlasData, shapes: GeometryStore, level: LevelId): { frame: LevelFrame | null; current: boolean; error: Error | undefined } {
  const areas = useAsync(() => loadLevelAreas(data.queries, level), [level]);
  const geometry = useAsync(() => shapes.load(level), [level]);
  const ref = useRef<LevelFrame | null>(null);
  const g = geometry.value;
  const a = areas.value;
  if (g?.level === level && a?.level === level && ref.current?.level !== level) {
    if (g.polygons.ids.length !== a.codes.length || g.polygons.ids.some((id, i) => id !== a.codes[i])) {
      throw new Error(`The map shapes and the area table for ${level} do not match. Rebuild the data with "npm run data".`);
    }
    ref.current = { level, geometry: g, areas: a };
  }
  return { frame: ref.current, current: ref.current?.level === level, error: areas.error ?? geometry.error };
}
