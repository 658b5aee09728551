/** A point inside each area for labels, kNN centroids and search fly-to, plus its bounding box. */
import { bbox, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { AreaGeometry } from './build-topology';

export interface Placement { lon: number; lat: number; bbox: [number, number, number, number] }

const round = (x: number) => Math.round(x * 1e5) / 1e5;

export function placement(geometry: AreaGeometry): Placement {
  const c = centerOfMass(geometry).geometry.coordinates;
  const inside = booleanPointInPolygon(c, geometry) ? c : pointOnFeature(geometry).geometry.coordinates;
  const [minx, miny, maxx, maxy] = bbox(geometry);
  return { lon: round(inside[0]), lat: round(inside[1]), bbox: [round(minx), round(miny), round(maxx), round(maxy)] };
}
