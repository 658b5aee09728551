/**
 * Geometry per level, decoded once in a data-file worker and kept for the session. Created as soon
 * as the manifest is read, so the first level's shapes download first, before the database starts.
 * Levels come from their shapes file (pre-triangulated); data built before shapes files existed
 * falls back to the TopoJSON.
 */
import type { DataManifest } from '../data/manifest';
import { isBuiltInLevel, type LevelId } from '../geo/levels';
import type { AreaIndex } from '../geo/area-index';
import type { BinaryPolygons, MeshChunk } from '../geo/topology-binary';
import type { DataFileClient } from '../workers/data-file-client';

export interface LevelGeometry {
  level: LevelId;
  polygons: BinaryPolygons;
  index: AreaIndex;
  mesh: MeshChunk[] | null;
}

export class GeometryStore {
  private cache = new Map<LevelId, Promise<LevelGeometry>>();
  private listeners = new Set<(label: string | null) => void>();

  constructor(private manifest: DataManifest, private dataBase: string, private client: DataFileClient) {}

  /** Progress messages ("Downloading map shapes (2.1 MB)"), null when idle. */
  onProgress(l: (label: string | null) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /**
   * Geometry made in this session (a user level, decoded by the import worker): served by `load`
   * like the built levels until `forget`.
   */
  provide(level: LevelId, geometry: Omit<LevelGeometry, 'level'>): void {
    this.cache.set(level, Promise.resolve({ level, ...geometry }));
  }

  forget(level: LevelId): void {
    this.cache.delete(level);
  }

  load(level: LevelId): Promise<LevelGeometry> {
    const hit = this.cache.get(level);
    if (hit) return hit;
    const entry = this.manifest.levels[level];
    if (!entry) return Promise.reject(new Error(isBuiltInLevel(level) ? `No map shapes were built for ${level}. Rebuild the data with "npm run data".` : `The boundaries for ${level} are no longer loaded; load the file or project file again.`));
    const say = (s: string | null) => this.listeners.forEach((l) => l(s));
    // Small areas' borders are cut into a 12 × 12 grid so the map skips chunks out of view; a coarse
    // level's borders are drawn whole, as one layer (each layer costs its own draw set-up).
    const meshGrid = entry.features > 1000 ? 12 : 1;
    const req = entry.shapes
      ? { kind: 'shapes' as const, url: `${this.dataBase}${entry.shapes}`, meshGrid }
      : { kind: 'topology' as const, url: `${this.dataBase}${entry.geometry}`, objectName: entry.object, meshGrid };
    const p = this.client
      .shapes(req, (m) => {
        say(m.stage === 'download' ? `Downloading map shapes${m.received ? ` (${(m.received / 1e6).toFixed(1)} MB)` : ''}` : 'Preparing map shapes');
      })
      .then((g) => {
        performance.mark(`atlas:geometry:${level}`);
        return { level, polygons: g.polygons, index: g.index, mesh: g.mesh };
      })
      .finally(() => say(null));
    p.catch(() => this.cache.delete(level));
    this.cache.set(level, p);
    return p;
  }
}
