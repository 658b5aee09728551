import { describe, expect, it } from 'vitest';
import { runEvaluation, type EvaluationInput } from '../analysis/evaluation/run-evaluation';
import { simulatePanel } from '../analysis/evaluation/simulated-panel';
import { EvaluationClient, type EvaluationWorkerLike } from './evaluation-client';
import { runEvaluationJob } from './evaluation-job';
import type { EvaluationJob } from './evaluation-messages';

/** Runs jobs in this thread, asynchronously and after a structured clone, like a real worker. */
class InProcessWorker implements EvaluationWorkerLike {
  onmessage: EvaluationWorkerLike['onmessage'] = null;
  onerror: EvaluationWorkerLike['onerror'] = null;
  terminated = false;
  postMessage(message: EvaluationJob): void {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      runEvaluationJob(copy, (reply) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) });
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const sim = simulatePanel({ areas: 80, periods: 6, baselinePeriods: 3, treatedAreas: 12, effect: 2, seed: 3 });
const input: EvaluationInput = {
  panel: sim.panel, treatedCodes: sim.treatedCodes, windows: { baseline: ['2020 Q1', '2020 Q3'], followup: ['2020 Q4', '2021 Q2'] },
  comparison: { method: 'nearest', matchOn: ['baseline', 'imd'], exact: null, distance: 'scaled-euclidean', ratio: 2, replace: false, caliper: null },
  covariates: [{ id: 'imd', label: 'IMD', values: sim.imd }], population: sim.population, populationWeights: false,
  bootstrap: { replicates: 499, seed: 8 }, chosenOnOutcome: false, outcomeLabel: 'Outcome',
};

describe('EvaluationClient', () => {
  it('gives exactly the in-thread result, with progress up to 1', async () => {
    const made: InProcessWorker[] = [];
    const client = new EvaluationClient(() => {
      const w = new InProcessWorker();
      made.push(w);
      return w;
    });
    const seen: number[] = [];
    const result = await client.run(input, { onProgress: (f) => seen.push(f) });
    expect(result).toEqual(runEvaluation(input));
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(10);
    expect(made).toHaveLength(1);
  });

  it('cancels: rejects with AbortError, stops the worker, and the next run uses a fresh one', async () => {
    const made: InProcessWorker[] = [];
    const client = new EvaluationClient(() => {
      const w = new InProcessWorker();
      made.push(w);
      return w;
    });
    const c = new AbortController();
    const run = client.run(input, { signal: c.signal });
    c.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(made[0].terminated).toBe(true);
    const second = await client.run(input);
    expect(second.twfe.estimate).toBe(runEvaluation(input).twfe.estimate);
    expect(made).toHaveLength(2);
  });

  it('a new run replaces the one in progress, and errors come back as messages', async () => {
    const client = new EvaluationClient(() => new InProcessWorker());
    const first = client.run(input);
    const bad = client.run({ ...input, windows: { baseline: ['1999', '2000'], followup: ['2020 Q4', '2021 Q2'] } });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    await expect(bad).rejects.toThrow(/"1999" is not in the data/);
  });
});
