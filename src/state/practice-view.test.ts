import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_VIEW, normalisePracticeView } from './practice-view';

describe('normalisePracticeView', () => {
  it('keeps a valid view', () => {
    const v = { show: true, measure: 'qof.copd.prevalence', selected: 'Y05750', pcn: 'U12345' };
    expect(normalisePracticeView(v)).toEqual(v);
  });
  it('drops codes and measures that are not code-shaped, keeping the rest', () => {
    expect(normalisePracticeView({ show: 'yes', measure: '<img>', selected: 'a b', pcn: '"; DROP' })).toEqual(DEFAULT_PRACTICE_VIEW);
  });
  it('refuses what is not an object', () => {
    expect(normalisePracticeView('x')).toBeUndefined();
    expect(normalisePracticeView(null)).toBeUndefined();
  });
});
