import { describe, expect, it } from 'vitest';
import { computeHotspots } from '../analysis/stats/hotspots';
import { createPrng } from '../analysis/stats/prng';
import { buildWeights } from '../analysis/weights/spatial-weights';
import { runHotspotJob } from './hotspot-job';
import type { HotspotJob } from './hotspot-messages';
import { HotspotPool, type WorkerLike } from './hotspot-pool';

/** Runs jobs in this thread, asynchronously and after a structured clone, like a real worker. */
class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  transfers: Transferable[][] = [];
  jobs: HotspotJob[] = [];
  postMessage(message: HotspotJob, transfer: Transferable[]): void {
    this.transfers.push(transfer);
    this.jobs.push(message);
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      runHotspotJob(copy, (reply) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) });
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

// A 20 × 20 rook grid with a smooth gradient plus noise.
const side = 20;
const ids = Array.from({ length: side * side }, (_, i) => `Z${i}`);
const lists = ids.map((_, i) => {
  const r = Math.floor(i / side);
  const c = i % side;
  return [[r - 1, c], [r + 1, c], [r, c - 1], [r, c + 1]].filter(([a, b]) => a >= 0 && a < side && b >= 0 && b < side).map(([a, b]) => a * side + b);
});
const weights = buildWeights(ids, lists, { style: 'W', kind: 'rook' });
const g = createPrng(5);
const x = Float64Array.from(ids, (_, i) => (i % side) + Math.floor(i / side) + (g.nextUint32() / 2 ** 32) * 8);
const y = Float64Array.from(x, (v, i) => v * 0.5 + (i % 7));

function pool() {
  const made: InProcessWorker[] = [];
  const p = new HotspotPool({ createWorker: () => {
    const w = new InProcessWorker();
    made.push(w);
    return w;
  } });
  return { p, made };
}

describe('HotspotPool', () => {
  for (const stat of ['gistar', 'lisa', 'bilisa'] as const) {
    it(`gives exactly the single-thread result, split over two workers (${stat})`, async () => {
      const { p, made } = pool();
      const request = { stat, x, y: stat === 'bilisa' ? y : undefined, weights, permutations: 999, seed: 9 };
      const fractions: number[] = [];
      const r = await p.run(request, { onProgress: (f) => fractions.push(f) });
      const one = computeHotspots(request);
      expect(made).toHaveLength(2);
      expect(r.pseudoP).toEqual(one.pseudoP);
      expect(r.zSim).toEqual(one.zSim);
      expect(r.cluster).toEqual(one.cluster);
      expect(r.statistic).toEqual(one.statistic);
      expect(fractions.length).toBeGreaterThan(1);
      expect(fractions[fractions.length - 1]).toBeCloseTo(1, 12);
      expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    });
  }

  it('transfers its own copies of the kernel and links and leaves the caller’s arrays alone', async () => {
    const { p, made } = pool();
    const xs = Float64Array.from(x);
    await p.run({ stat: 'lisa', x: xs, weights, seed: 1, permutations: 99 });
    const [job0, job1] = [made[0].jobs[0], made[1].jobs[0]];
    const sent = made[0].transfers[0];
    expect(sent).toHaveLength(5);
    expect(sent).toContain(job0.kernel.values.buffer);
    expect(sent).toContain(job0.links.neighbours.buffer);
    expect(sent).not.toContain(weights.neighbours.buffer);
    expect(job0.links.neighbours).toEqual(weights.neighbours);
    expect(job0.kernel.values.buffer).not.toBe(job1.kernel.values.buffer);
    expect(xs).toEqual(x);
  });

  it('cancels: rejects with an AbortError, stops the workers, and runs again afterwards', async () => {
    const { p, made } = pool();
    const controller = new AbortController();
    const running = p.run({ stat: 'gistar', x, weights, seed: 2, permutations: 9999 }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(made.every((w) => w.terminated)).toBe(true);
    const again = await p.run({ stat: 'gistar', x, weights, seed: 2, permutations: 99 });
    expect(again.pseudoP).toHaveLength(ids.length);
    expect(made).toHaveLength(4);
    const pre = new AbortController();
    pre.abort();
    await expect(p.run({ stat: 'lisa', x, weights, seed: 2 }, { signal: pre.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a bad request before starting workers, and passes worker errors on', async () => {
    const { p, made } = pool();
    await expect(p.run({ stat: 'lisa', x, weights, seed: 1, permutations: 5 })).rejects.toThrow(/permutations must be a whole number/);
    expect(made).toHaveLength(0);
    const broken = new HotspotPool({ createWorker: () => {
      const w = new InProcessWorker();
      w.postMessage = (m) => setTimeout(() => w.onmessage?.({ data: { type: 'error', job: m.job, message: 'out of memory' } }), 0);
      return w;
    } });
    await expect(broken.run({ stat: 'lisa', x, weights, seed: 1 })).rejects.toThrow('out of memory');
  });
});
