/**
 * Main-thread side of the places worker: one job per call, a fresh worker each time (a file of
 * places is loaded rarely, and the worker's memory goes with it). The area rings are copied, not
 * transferred: the map keeps drawing with them.
 */
import type { PlaceMeasures } from '../geo/places-per-area';
import type { AreaRings, PlacesReply, PlacesRequest } from './places-messages';

export type MeasurePlaces = (areas: AreaRings, lon: Float64Array, lat: Float64Array) => Promise<PlaceMeasures>;

export const measurePlacesInWorker: MeasurePlaces = (areas, lon, lat) => new Promise((resolve, reject) => {
  const w = new Worker(new URL('./places.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<PlacesReply>) => {
    w.terminate();
    if (e.data.type === 'done') resolve(e.data.measures);
    else reject(new Error(`Places per area could not be computed (${e.data.message}).`));
  };
  w.onerror = (e) => {
    w.terminate();
    reject(new Error(`Places per area could not be computed (${e.message || 'the worker failed'}).`));
  };
  const { ids, positions, startIndices, ringStarts, areaRings } = areas;
  w.postMessage({ id: 1, areas: { ids, positions, startIndices, ringStarts, areaRings }, lon, lat } satisfies PlacesRequest);
});
