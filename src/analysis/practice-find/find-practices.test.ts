import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../combine/rule-conditions';
import { findCondition, meetingAll, type FindColumn } from './find-practices';

const col = (value: number[], lower?: number[], upper?: number[], england = 5): FindColumn => ({
  value: Float64Array.from(value), lower: Float64Array.from(lower ?? value.map(() => NaN)), upper: Float64Array.from(upper ?? value.map(() => NaN)), england,
});

describe('findCondition', () => {
  it('judges thresholds inclusively; no value is unknown', () => {
    expect(Array.from(findCondition(col([1, 5, 9, NaN]), { kind: 'at-least', value: 5 }, null))).toEqual([0, 1, 1, UNKNOWN]);
    expect(Array.from(findCondition(col([1, 5, 9]), { kind: 'at-most', value: 5 }, null))).toEqual([1, 1, 0]);
    // "any value": only units that have one, in scope
    expect(Array.from(findCondition(col([1, NaN, 9]), { kind: 'any' }, Uint8Array.from([1, 1, 0])))).toEqual([1, UNKNOWN, UNKNOWN]);
  });

  it('ranks top and bottom percentages among units in scope with a value, ties sharing the better rank', () => {
    const c = col([10, 9, 9, 1, 2, 3, 4, 5, 6, 100]);
    // out of scope: the 100 (would be top) and the 1
    const scope = Uint8Array.from([1, 1, 1, 0, 1, 1, 1, 1, 1, 0]);
    // 8 ranked: top 25 % = ranks ≤ 2 → 10 (rank 1) and both 9s (rank 2)
    expect(Array.from(findCondition(c, { kind: 'top-percent', percent: 25 }, scope))).toEqual([1, 1, 1, UNKNOWN, 0, 0, 0, 0, 0, UNKNOWN]);
    // bottom 25 % of the same 8: 2 and 3
    expect(Array.from(findCondition(c, { kind: 'bottom-percent', percent: 25 }, scope))).toEqual([0, 0, 0, UNKNOWN, 1, 1, 0, 0, 0, UNKNOWN]);
  });

  it('says "significantly above / below England" only where the interval lies wholly on that side', () => {
    const c = col([7, 7, 3, 6], [5.5, 4.5, 2, NaN], [8, 9, 4, NaN], 5);
    expect(Array.from(findCondition(c, { kind: 'significantly-above' }, null))).toEqual([1, 0, 0, UNKNOWN]);
    expect(Array.from(findCondition(c, { kind: 'significantly-below' }, null))).toEqual([0, 0, 1, UNKNOWN]);
    // no England value: nothing can be judged
    expect(Array.from(findCondition({ ...c, england: NaN }, { kind: 'significantly-above' }, null))).toEqual([UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN]);
  });
});

describe('meetingAll', () => {
  it('keeps units meeting every condition; unknown is not met; no condition finds nothing', () => {
    const a = Uint8Array.from([1, 1, 0, UNKNOWN]);
    const b = Uint8Array.from([1, UNKNOWN, 1, 1]);
    expect(Array.from(meetingAll([a, b], 4))).toEqual([1, 0, 0, 0]);
    expect(Array.from(meetingAll([], 4))).toEqual([0, 0, 0, 0]);
  });
});
