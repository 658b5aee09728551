/**
 * The message map between the app and the weights worker (hotspot-weights.worker.ts). Building
 * weights for 33,755 LSOAs (parsing a 2.4 MB GAL file, a kNN search, a distance band) takes about a
 * second on the main thread, so it runs in its own worker; the result comes back as typed arrays in
 * transferred buffers, ready for runHotspots.
 */
import type { SpatialWeights, WeightsStyle } from '../analysis/weights/spatial-weights';

/** Where the links come from. */
export type WeightsSource =
  /** The pipeline's contiguity weights (weights/<level>-<rule>.gal), fetched by the worker once. */
  | { kind: 'contiguity'; rule: 'queen' | 'rook'; url: string }
  | { kind: 'knn'; k: number }
  /** km null: the smallest band that gives every area a neighbour. */
  | { kind: 'band'; km: number | null }
  /** A GAL or GWT file the user imported (its text; nothing is uploaded). */
  | { kind: 'file'; name: string; text: string };

export interface WeightsJob {
  type: 'weights';
  job: number;
  source: WeightsSource;
  /** The level's area codes and label points, in the map's row order. */
  ids: string[];
  lon: Float64Array;
  lat: Float64Array;
  /** 1 for areas with a value to test; null: every area. Weights are built among these areas only. */
  keep: Uint8Array | null;
  style: WeightsStyle;
  islands: 'flag' | 'knn';
}

export interface WeightsInfo {
  /** In words, e.g. "queen contiguity (shared border or corner), row-standardised". */
  label: string;
  links: number;
  meanNeighbours: number;
  /** The band used (distance weights), in km. */
  bandKm: number | null;
  /** Areas left with no neighbour (untested), by code. */
  islands: string[];
  /** Islands linked to their nearest area by the kNN fallback. */
  attached: { island: string; neighbours: string[] }[];
  /** Areas left out because they have no value. */
  dropped: number;
  notes: string[];
}

export type WeightsReply =
  | { type: 'weights'; job: number; weights: SpatialWeights; info: WeightsInfo }
  | { type: 'error'; job: number; message: string };

export function weightsTransfer(w: SpatialWeights): ArrayBuffer[] {
  const views: ArrayBufferView[] = [w.offsets, w.neighbours, w.weights, w.islands];
  if (w.distances) views.push(w.distances);
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}
