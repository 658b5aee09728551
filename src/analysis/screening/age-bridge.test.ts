import { describe, expect, it } from 'vitest';
import { bandSplit, bridge55to74, OPEN_AGE, splitRange } from './age-bridge';
import { addEstimates, applyPrevalence } from './prevalence-estimate';

/** A population with `n(a)` residents at each age 0 … 90+. */
const pop = (n: (a: number) => number) => Float64Array.from({ length: OPEN_AGE + 1 }, (_, a) => n(a));

describe('age bridge for 55–74', () => {
  it('splits the bands by single years: 55–64 of 50–64, 65–74 of 65+', () => {
    // 10 people at every age: 50–64 has 150, of whom 100 are 55–64; 65–90+ has 260, of whom 100 are 65–74.
    const s = bandSplit(pop(() => 10));
    expect(s.s1).toBeCloseTo(100 / 150, 12);
    expect(s.s2).toBeCloseTo(100 / 260, 12);
    expect(bandSplit(pop((a) => (a < 50 ? 5 : 0))).s1).toBeNaN();
    expect(() => bandSplit(new Float64Array(80))).toThrow(/91 single years/);
  });

  it('applies each area\'s unit shares, and the extreme shares for the range', () => {
    const range = splitRange([{ s1: 0.6, s2: 0.5 }, { s1: 0.7, s2: 0.55 }, { s1: NaN, s2: 0.4 }]);
    expect(range).toEqual({ s1: [0.6, 0.7], s2: [0.4, 0.55] });
    const r = bridge55to74(Float64Array.of(300, 0), Float64Array.of(200, 100), Float64Array.of(0.65, 0.6), Float64Array.of(0.5, 0.45), range);
    expect([...r.est]).toEqual([300 * 0.65 + 200 * 0.5, 100 * 0.45]);
    expect([...r.low]).toEqual([300 * 0.6 + 200 * 0.4, 100 * 0.4]);
    expect([...r.high]).toEqual([300 * 0.7 + 200 * 0.55, 100 * 0.55]);
    expect(() => bridge55to74(Float64Array.of(1), Float64Array.of(1, 2), Float64Array.of(1), Float64Array.of(1), range)).toThrow(/length/);
  });

  it('turns residents into smokers with the prevalence and its 95 % limits (its value where there are none)', () => {
    const residents = { est: Float64Array.of(1000, 500), low: Float64Array.of(900, 450), high: Float64Array.of(1100, 550) };
    const s = applyPrevalence(residents, { value: Float64Array.of(10, 20), lower: Float64Array.of(8, NaN), upper: Float64Array.of(12, NaN) });
    expect([...s.est]).toEqual([100, 100]);
    expect(s.low[0]).toBeCloseTo(72, 12);
    expect(s.high[0]).toBeCloseTo(132, 12);
    expect(s.low[1]).toBeCloseTo(90, 12);
    expect(s.high[1]).toBeCloseTo(110, 12);
    const ever = addEstimates(s, s);
    expect([...ever.est]).toEqual([200, 200]);
    expect(ever.high[0]).toBeCloseTo(264, 12);
  });
});
