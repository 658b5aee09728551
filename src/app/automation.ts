/**
 * A small, read-only automation surface on `window.hotspotAtlas` for tests and scripted use:
 * where a place is on screen, and the map's current camera. It exposes no data and no state setters.
 */
import type { Map as MlMap } from 'maplibre-gl';

export interface AtlasAutomation {
  /** Screen position (CSS pixels, relative to the map element) of a longitude/latitude. */
  project(lon: number, lat: number): [number, number];
  camera(): { longitude: number; latitude: number; zoom: number };
}

declare global {
  interface Window {
    hotspotAtlas?: AtlasAutomation;
  }
}

export function exposeAutomation(map: MlMap): void {
  window.hotspotAtlas = {
    project: (lon, lat) => {
      const p = map.project([lon, lat]);
      return [p.x, p.y];
    },
    camera: () => ({ longitude: map.getCenter().lng, latitude: map.getCenter().lat, zoom: map.getZoom() }),
  };
}
