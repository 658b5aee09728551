/** Geometry per level, decoded once in the worker and kept for the session. */
import { useMemo, useRef } from 'react';
import type { AtlasData } from '../data/load-atlas';
import type { LevelId } from '../geo/levels';
import type { BinaryLines, BinaryPolygons } from '../geo/topology-binary';
import { GeometryClient } from '../workers/geometry-client';

export interface LevelGeometry {
  level: LevelId;
  polygons: BinaryPolygons;
  mesh: BinaryLines | null;
}

export function useGeometryLoader(data: AtlasData, onProgress: (label: string | null) => void) {
  const client = useMemo(() => new GeometryClient(), []);
  const cache = useRef(new Map<LevelId, Promise<LevelGeometry>>());
  const progress = useRef(onProgress);
  progress.current = onProgress;
  return useMemo(() => (level: LevelId): Promise<LevelGeometry> => {
    const hit = cache.current.get(level);
    if (hit) return hit;
    const entry = data.manifest.levels[level];
    if (!entry) return Promise.reject(new Error(`No map shapes were built for ${level}. Rebuild the data with "npm run data".`));
    const p = client
      .load({ url: data.dataUrl(entry.geometry), objectName: entry.object, mesh: true }, (m) => {
        if (m.stage === 'download') progress.current(`Downloading map shapes${m.received ? ` (${(m.received / 1e6).toFixed(1)} MB)` : ''}`);
        else progress.current('Preparing map shapes');
      })
      .then((g) => ({ level, polygons: g.polygons, mesh: g.mesh }))
      .finally(() => progress.current(null));
    p.catch(() => cache.current.delete(level));
    cache.current.set(level, p);
    return p;
  }, [client, data]);
}
