/** Messages between the app and the places worker (per-area counts and nearest distances, places-per-area.ts). */
import type { PlaceMeasures } from '../geo/places-per-area';
import type { BinaryPolygons } from '../geo/topology-binary';

/** The rings of a level's areas (no triangles: point in polygon needs only the rings). */
export type AreaRings = Pick<BinaryPolygons, 'ids' | 'positions' | 'startIndices' | 'ringStarts' | 'areaRings'>;

export interface PlacesRequest { id: number; areas: AreaRings; lon: Float64Array; lat: Float64Array }

export type PlacesReply = { id: number; type: 'done'; measures: PlaceMeasures } | { id: number; type: 'error'; message: string };
