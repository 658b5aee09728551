/// <reference lib="webworker" />
/** Weights worker entry: one weights job per message (see hotspot-weights-job.ts). */
import type { SpatialWeights } from '../analysis/weights/spatial-weights';
import { buildJobWeights } from './hotspot-weights-job';
import { weightsTransfer, type WeightsJob, type WeightsReply } from './hotspot-weights-messages';

// The pipeline's GAL files, parsed once per session (they never change while the page is open).
const cache = new Map<string, SpatialWeights>();
const loadText = async (url: string) => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`could not load ${url} (${r.status}): rebuild the data with "npm run data"`);
  return r.text();
};
const post = (reply: WeightsReply, transfer: ArrayBuffer[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

self.onmessage = async (e: MessageEvent<WeightsJob>) => {
  const job = e.data;
  try {
    const { weights, info } = await buildJobWeights(job, loadText, cache);
    // The cached weights themselves (nothing dropped, binary) are sent as a copy: transferring would
    // empty the cache's arrays. Every derived object has arrays of its own.
    const out = [...cache.values()].includes(weights) ? structuredClone(weights) : weights;
    post({ type: 'weights', job: job.job, weights: out, info }, weightsTransfer(out));
  } catch (err) {
    post({ type: 'error', job: job.job, message: (err as Error).message });
  }
};
