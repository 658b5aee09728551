/**
 * The one message map between the app's hotspot pool (hotspot-pool.ts) and its workers
 * (hotspot.worker.ts). Typed arrays travel as transferred buffers, not copies. Cancelling a job
 * terminates its workers (a permutation run is one synchronous loop, so a "cancel" message could
 * only be read once it had finished).
 */
import type { HotspotStat } from '../analysis/stats/hotspot-request';
import type { PermutationPart, PermutationShare } from '../analysis/stats/permutation-part';
import type { SpatialWeights } from '../analysis/weights/spatial-weights';

/** App → worker: permute one share of the areas. */
export interface HotspotJob {
  type: 'run';
  job: number;
  stat: HotspotStat;
  x: Float64Array;
  y?: Float64Array;
  weights: SpatialWeights;
  permutations: number;
  seed: number;
  share: PermutationShare;
}

/** Worker → app. */
export type HotspotReply =
  | { type: 'progress'; job: number; done: number; total: number }
  | { type: 'part'; job: number; part: PermutationPart }
  | { type: 'error'; job: number; message: string };

export interface HotspotMessageMap {
  toWorker: HotspotJob;
  fromWorker: HotspotReply;
}

/** The buffers of a job's arrays, for the transfer list (each worker gets its own copies). */
export function jobTransfer(job: HotspotJob): ArrayBuffer[] {
  const w = job.weights;
  const arrays: ArrayBufferView[] = [job.x, w.offsets, w.neighbours, w.weights, w.islands];
  if (job.y) arrays.push(job.y);
  if (w.distances) arrays.push(w.distances);
  return unique(arrays);
}

export function partTransfer(part: PermutationPart): ArrayBuffer[] {
  return unique([part.atLeast, part.atMost, part.simMean, part.simSd]);
}

function unique(views: ArrayBufferView[]): ArrayBuffer[] {
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}
