/// <reference lib="webworker" />
/** Hotspot worker entry: one permutation share per message (see hotspot-job.ts, hotspot-pool.ts). */
import { runHotspotJob } from './hotspot-job';
import type { HotspotJob } from './hotspot-messages';

self.onmessage = (e: MessageEvent<HotspotJob>) => {
  runHotspotJob(e.data, (reply, transfer = []) => (self as DedicatedWorkerGlobalScope).postMessage(reply, transfer));
};
