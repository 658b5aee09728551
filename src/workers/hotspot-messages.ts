/**
 * The one message map between the app's hotspot pool (hotspot-pool.ts) and its workers
 * (hotspot.worker.ts). The pool prepares the statistic on the main thread (cheap) and sends each
 * worker only what the permutation engine reads: the kernel and the link table, as typed arrays in
 * transferred buffers. Cancelling terminates the workers (a permutation run is one synchronous loop,
 * so a "cancel" message could only be read once it had finished).
 */
import type { LagKernel, LinkTable } from '../analysis/stats/permutation-engine';
import type { PermutationPart, PermutationShare } from '../analysis/stats/permutation-part';

/** App → worker: permute one share of the areas. */
export interface HotspotJob {
  type: 'run';
  job: number;
  kernel: LagKernel;
  links: LinkTable;
  permutations: number;
  seed: number;
  share: PermutationShare;
}

/** Worker → app. */
export type HotspotReply =
  | { type: 'progress'; job: number; done: number; total: number }
  | { type: 'part'; job: number; part: PermutationPart }
  | { type: 'error'; job: number; message: string };

/** A job for one worker: its own copies of the arrays, so they can be transferred. */
export function makeJob(job: number, kernel: LagKernel, links: LinkTable, permutations: number, seed: number, share: PermutationShare): HotspotJob {
  return {
    type: 'run', job, permutations, seed, share,
    kernel: { values: kernel.values.slice(), slope: kernel.slope.slice() },
    links: { n: links.n, offsets: links.offsets.slice(), neighbours: links.neighbours.slice(), weights: links.weights.slice() },
  };
}

export function jobTransfer(job: HotspotJob): ArrayBuffer[] {
  return unique([job.kernel.values, job.kernel.slope, job.links.offsets, job.links.neighbours, job.links.weights]);
}

export function partTransfer(part: PermutationPart): ArrayBuffer[] {
  return unique([part.atLeast, part.atMost, part.simMean, part.simSd]);
}

function unique(views: ArrayBufferView[]): ArrayBuffer[] {
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}
