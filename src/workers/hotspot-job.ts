/**
 * What a hotspot worker does with one job, kept apart from the worker entry so it runs (and is
 * tested) in node: permute the job's share of the areas and send the counts back.
 */
import { permute } from '../analysis/stats/permutation-engine';
import { partTransfer, type HotspotJob, type HotspotReply } from './hotspot-messages';

export type Post = (reply: HotspotReply, transfer?: ArrayBuffer[]) => void;

export function runHotspotJob(job: HotspotJob, post: Post): void {
  try {
    const part = permute(job.kernel, job.links, {
      permutations: job.permutations, seed: job.seed, ...job.share,
      onProgress: (done, total) => post({ type: 'progress', job: job.job, done, total }),
    });
    post({ type: 'part', job: job.job, part }, partTransfer(part));
  } catch (e) {
    post({ type: 'error', job: job.job, message: (e as Error).message });
  }
}
