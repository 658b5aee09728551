import { describe, expect, it } from 'vitest';
import { englandCondition, maskCondition, thresholdCondition, UNKNOWN, worstShareCondition } from './rule-conditions';
import { MAX_CONDITIONS, popcount, tallyRule } from './rule-tally';

describe('rule conditions', () => {
  it('thresholds and national shares, with UNKNOWN for missing values', () => {
    expect([...thresholdCondition(Float64Array.from([1, 2, 3, NaN]), 'at-most', 2)]).toEqual([1, 1, 0, UNKNOWN]);
    expect([...thresholdCondition(Float64Array.from([1, 2, 3]), 'at-least', 2)]).toEqual([0, 1, 1]);
    // Worst fifth of 10 ranked areas: ranks 1 and 2.
    expect([...worstShareCondition(Float64Array.from([1, 2, 3, NaN]), 10, 0.2)]).toEqual([1, 1, 0, UNKNOWN]);
  });

  it('worse than England, and significantly worse using the interval where there is one', () => {
    const v = Float64Array.from([12, 12, 9, 12, NaN]);
    const lo = Float64Array.from([10.5, 9, 8, NaN, NaN]);
    const hi = Float64Array.from([13, 14, 10, NaN, NaN]);
    const plain = englandCondition(v, lo, hi, { england: 10, sign: 1, significant: false });
    expect([...plain.met]).toEqual([1, 1, 0, 1, UNKNOWN]);
    const sig = englandCondition(v, lo, hi, { england: 10, sign: 1, significant: true });
    expect([...sig.met]).toEqual([1, 0, 0, 1, UNKNOWN]);
    expect([...sig.withoutInterval]).toEqual([0, 0, 0, 1, 0]);
    // Lower is worse (e.g. a screening rate): the interval must lie wholly below England.
    const low = englandCondition(Float64Array.from([8, 8]), Float64Array.from([7, 7]), Float64Array.from([9.5, 10.5]), { england: 10, sign: -1, significant: true });
    expect([...low.met]).toEqual([1, 0]);
  });

  it('the focus condition follows the mask', () => {
    expect([...maskCondition(3, null)]).toEqual([1, 1, 1]);
    expect([...maskCondition(3, Uint8Array.from([0, 1, 0]))]).toEqual([0, 1, 0]);
  });
});

describe('tallyRule', () => {
  const c1 = Uint8Array.from([1, 1, 0, 1, UNKNOWN, 1]);
  const c2 = Uint8Array.from([1, 0, 0, 1, 1, 1]);
  const pop = Float64Array.from([100, 200, 300, 400, 500, 600]);

  it('counts conditions met per area and tallies each combination with residents', () => {
    const t = tallyRule([c1, c2], pop, null);
    expect([...t.met]).toEqual([2, 1, 0, 2, UNKNOWN, 2]);
    expect([...t.combo]).toEqual([3, 1, 0, 3, -1, 3]);
    expect(t.combos).toEqual([
      { mask: 3, areas: 3, residents: 1100 },
      { mask: 1, areas: 1, residents: 200 },
      { mask: 0, areas: 1, residents: 300 },
    ]);
    expect(t.byCount).toEqual([{ areas: 1, residents: 300 }, { areas: 1, residents: 200 }, { areas: 3, residents: 1100 }]);
    expect(t.byCondition).toEqual([{ areas: 4, residents: 1300 }, { areas: 3, residents: 1100 }]);
    expect(t.incomplete).toEqual({ areas: 1, residents: 500 });
    expect(t.scope).toEqual({ areas: 6, residents: 2100 });
  });

  it('only the scope is tallied; every area still gets its count', () => {
    const t = tallyRule([c1, c2], pop, Uint8Array.from([1, 1, 1, 0, 0, 0]));
    expect(t.scope).toEqual({ areas: 3, residents: 600 });
    expect(t.byCount[2]).toEqual({ areas: 1, residents: 100 });
    expect(t.met[5]).toBe(2);
  });

  it('checks its inputs', () => {
    expect(() => tallyRule([c1, Uint8Array.from([1])], pop, null)).toThrow(/one entry per area/);
    expect(() => tallyRule(Array.from({ length: MAX_CONDITIONS + 1 }, () => c1), pop, null)).toThrow(/at most/);
    expect(popcount(0b1011)).toBe(3);
  });
});
