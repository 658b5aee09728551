/** Per-area place counts and nearest-place distances, off the main thread (33,755 LSOAs × thousands of places). */
import { placeMeasures } from '../geo/places-per-area';
import type { BinaryPolygons } from '../geo/topology-binary';
import type { PlacesReply, PlacesRequest } from './places-messages';

const post = (m: PlacesReply, transfer: Transferable[] = []) => self.postMessage(m, { transfer });

self.onmessage = (e: MessageEvent<PlacesRequest>) => {
  const { id, areas, lon, lat } = e.data;
  try {
    // Triangles are not needed for point in polygon; an empty index array keeps the type whole.
    const g: BinaryPolygons = { ...areas, indices: new Uint32Array(0) };
    const measures = placeMeasures(g, lon, lat);
    post({ id, type: 'done', measures }, [measures.count.buffer, measures.nearestKm.buffer]);
  } catch (err) {
    post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
