/**
 * The MapLibre map on screen, for the shortlist's box and lasso tools and the map image export (the
 * atlas context deliberately carries no map object). AtlasView publishes it once the map exists.
 */
import type { Map as MlMap } from 'maplibre-gl';
import { useSyncExternalStore } from 'react';

let current: MlMap | null = null;
const listeners = new Set<() => void>();

export function publishMap(map: MlMap | null): void {
  current = map;
  listeners.forEach((l) => l());
}

export function useMapHandle(): MlMap | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, () => current);
}
