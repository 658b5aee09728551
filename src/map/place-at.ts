/**
 * Which of the user's places is under the pointer (for its hover card): the nearest ring whose drawn
 * radius (plus a little slack, so a 2 px ring is not a 2 px target) contains the pointer. Checked in
 * screen pixels through the map's projection, so it matches what is drawn at any zoom.
 */
import { placeRadius, type PlacePositions } from './delivery-points-layer';

export interface PlaceHit {
  /** Index into the sets given. */
  set: number;
  /** Index of the place in its set. */
  index: number;
}

const SLACK_PX = 3;

export function placeAt(sets: readonly PlacePositions[], project: (lon: number, lat: number) => [number, number], x: number, y: number, zoom: number): PlaceHit | null {
  const reach = placeRadius(zoom) + SLACK_PX;
  let best: PlaceHit | null = null;
  let bestD2 = reach * reach;
  sets.forEach((p, s) => {
    for (let i = 0; i < p.lon.length; i++) {
      const [px, py] = project(p.lon[i], p.lat[i]);
      const d2 = (px - x) ** 2 + (py - y) ** 2;
      if (d2 <= bestD2) [best, bestD2] = [{ set: s, index: i }, d2];
    }
  });
  return best;
}
