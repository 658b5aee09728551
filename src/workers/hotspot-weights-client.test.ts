import { describe, expect, it } from 'vitest';
import { writeGal } from '../analysis/weights/gal';
import { buildWeights, neighbourLists, type SpatialWeights } from '../analysis/weights/spatial-weights';
import { HotspotWeightsClient, type WeightsWorkerLike } from './hotspot-weights-client';
import { buildJobWeights } from './hotspot-weights-job';
import type { WeightsJob, WeightsReply } from './hotspot-weights-messages';

const ids = ['a', 'b', 'c', 'd'];
const gal = writeGal(buildWeights(ids, [[1], [0, 2], [1, 3], [2]], { style: 'B', kind: 'queen' }));
const lon = Float64Array.from([0, 0.01, 0.02, 0.03]);
const lat = Float64Array.from([52, 52, 52, 52]);

/** Runs jobs like the worker entry does, after a structured clone, one after the other. */
function inProcess() {
  const cache = new Map<string, SpatialWeights>();
  const fetched: string[] = [];
  let queue = Promise.resolve();
  const worker: WeightsWorkerLike & { terminated: boolean } = {
    onmessage: null, onerror: null, terminated: false,
    postMessage(message: WeightsJob) {
      const job = structuredClone(message);
      queue = queue.then(async () => {
        let reply: WeightsReply;
        try {
          const { weights, info } = await buildJobWeights(job, async (u) => (fetched.push(u), gal), cache);
          reply = { type: 'weights', job: job.job, weights: structuredClone(weights), info };
        } catch (e) {
          reply = { type: 'error', job: job.job, message: (e as Error).message };
        }
        if (!worker.terminated) worker.onmessage?.({ data: reply });
      });
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return { worker, fetched };
}

const request = { source: { kind: 'contiguity' as const, rule: 'queen' as const, url: 'w/q.gal' }, ids, lon, lat, keep: null, style: 'W' as const, islands: 'flag' as const };

describe('HotspotWeightsClient', () => {
  it('builds weights in the worker and leaves the caller\'s arrays usable', async () => {
    const { worker } = inProcess();
    const client = new HotspotWeightsClient(() => worker);
    const { weights, info } = await client.build(request);
    expect(neighbourLists(weights)).toEqual([[1], [0, 2], [1, 3], [2]]);
    expect(info.links).toBe(6);
    expect(lon.length).toBe(4);
  });

  it('rejects a cancelled job at once, keeps the worker (and its parsed files) for the next one', async () => {
    const { worker, fetched } = inProcess();
    const client = new HotspotWeightsClient(() => worker);
    const abort = new AbortController();
    const first = client.build(request, { signal: abort.signal });
    abort.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    const second = await client.build({ ...request, style: 'B' });
    expect(second.weights.style).toBe('B');
    expect(worker.terminated).toBe(false);
    expect(fetched).toEqual(['w/q.gal']);
  });

  it('passes the worker\'s error message on', async () => {
    const { worker } = inProcess();
    const client = new HotspotWeightsClient(() => worker);
    await expect(client.build({ ...request, source: { kind: 'knn', k: 9 } })).rejects.toThrow(/9 nearest neighbours need more than the 4 areas/);
  });
});
