import { describe, expect, it } from 'vitest';
import { areasMeetingRule, RULE_INCOMPLETE, topByComposite, type RuleResults } from './use-combine-results';

describe('combine result helpers', () => {
  it('topByComposite: highest first within the mask, missing values never picked, ties by area order', () => {
    const v = Float64Array.from([5, NaN, 9, 7, 9, 1]);
    expect(topByComposite(v, 3, null)).toEqual([2, 4, 3]);
    expect(topByComposite(v, 10, Uint8Array.from([1, 1, 0, 1, 0, 1]))).toEqual([3, 0, 5]);
    expect(topByComposite(v, 0, null)).toEqual([]);
  });

  it('areasMeetingRule: every condition met, inside the mask, incomplete areas excluded', () => {
    const rules = { conditions: ['a', 'b'], met: Uint8Array.from([2, 1, RULE_INCOMPLETE, 2, 0]) } as unknown as RuleResults;
    expect(areasMeetingRule(rules, null)).toEqual([0, 3]);
    expect(areasMeetingRule(rules, Uint8Array.from([0, 1, 1, 1, 1]))).toEqual([3]);
  });
});
