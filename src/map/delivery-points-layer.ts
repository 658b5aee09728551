/**
 * A user's places that deliver (pharmacies, venues, screening sites) on the map: hollow rings, dark
 * teal on a white casing, so they read apart from GP practices (filled dots) and from any fill
 * colour of the palettes; the shape, not only the colour, tells them apart. Sized in pixels, so
 * they stay legible from England scale to street scale. A pure function of the positions it gets.
 */
import type { LayersList } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';

export interface PlacePositions {
  lon: Float64Array;
  lat: Float64Array;
}

/** The marker's colour, also drawn in the map key and the places list (same RGB). */
export const PLACE_RING: [number, number, number] = [1, 102, 94];

/** The ring's radius in pixels: smaller at England scale, where thousands of places would cover each other. */
export function placeRadius(zoom: number): number {
  return zoom < 7 ? 2.5 : zoom < 10 ? 4 : 5.5;
}

export function deliveryPointsLayer(id: string, p: PlacePositions, zoom: number): LayersList {
  const n = p.lon.length;
  const positions = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) [positions[2 * i], positions[2 * i + 1]] = [p.lon[i], p.lat[i]];
  const radius = placeRadius(zoom);
  const common = {
    data: { length: n, attributes: { getPosition: { value: positions, size: 2 } } },
    radiusUnits: 'pixels' as const, lineWidthUnits: 'pixels' as const, filled: false, stroked: true, pickable: false,
    getRadius: radius,
  };
  return [
    new ScatterplotLayer({ ...common, id: `${id}-casing`, getLineColor: [255, 255, 255, 235], getLineWidth: 4.5 } as never),
    new ScatterplotLayer({ ...common, id: `${id}-ring`, getLineColor: [...PLACE_RING, 255], getLineWidth: 2.2 } as never),
  ];
}
