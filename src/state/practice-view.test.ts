import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_VIEW, normalisePracticeView } from './practice-view';

describe('normalisePracticeView', () => {
  it('keeps a valid view', () => {
    const v = { show: true, measure: 'qof.copd.prevalence', selected: 'Y05750', pcn: 'U12345', find: { level: 'practice', conditions: [{ measure: 'user.dabc123.v1', test: { kind: 'top-percent', percent: 10 }, weight: 3, first: 'lower' }] } };
    expect(normalisePracticeView(v)).toEqual(v);
  });
  it('drops codes and measures that are not code-shaped, keeping the rest', () => {
    expect(normalisePracticeView({ show: 'yes', measure: '<img>', selected: 'a b', pcn: '"; DROP' })).toEqual(DEFAULT_PRACTICE_VIEW);
  });
  it('keeps only well-formed "Find practices" conditions, one by one', () => {
    const conditions = [
      { measure: 'qof.can.prevalence', test: { kind: 'at-least', value: 4 } },
      { measure: '<img src=x>', test: { kind: 'at-least', value: 4 } },
      { measure: 'qof.list_size', test: { kind: 'top-percent', percent: 500 } },
      { measure: 'practice.neighbourhood.imd2025.score', test: { kind: 'drop table' } },
      { measure: 'practice.neighbourhood.imd2025.core20', test: { kind: 'bottom-percent', percent: 20 } },
    ];
    // conditions of links made before the score come without a weight: out of the score
    const kept = { weight: 0, first: 'higher' };
    expect(normalisePracticeView({ find: { level: 'pcn', conditions } })!.find).toEqual({ level: 'pcn', conditions: [{ ...conditions[0], ...kept }, { ...conditions[4], ...kept }] });
    expect(normalisePracticeView({ find: { level: 'pcn', conditions: [{ ...conditions[0], weight: 11, first: 'sideways' }] } })!.find!.conditions[0]).toMatchObject(kept);
    expect(normalisePracticeView({ find: { level: 'lsoa', conditions } })!.find).toBeNull();
  });
  it('refuses what is not an object', () => {
    expect(normalisePracticeView('x')).toBeUndefined();
    expect(normalisePracticeView(null)).toBeUndefined();
  });
});
