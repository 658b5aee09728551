import { describe, expect, it } from 'vitest';
import { addShortlistPractice, MAX_SHORTLIST_PRACTICES, normaliseShortlistPractices } from './shortlist-practices';

describe('shortlist practices and PCNs', () => {
  it('keeps valid ODS codes of either kind, once, in order', () => {
    expect(normaliseShortlistPractices([
      { kind: 'practice', code: 'B82005' }, { kind: 'pcn', code: 'U12345' }, { kind: 'practice', code: 'B82005' },
      { kind: 'area', code: 'E01000001' }, { kind: 'practice', code: '=HYPERLINK("x")' }, { kind: 'pcn', code: 'u1' }, 'B82005', null,
    ])).toEqual([{ kind: 'practice', code: 'B82005' }, { kind: 'pcn', code: 'U12345' }]);
  });

  it('says when the value is not a list, and caps the length', () => {
    expect(normaliseShortlistPractices({ kind: 'practice', code: 'B82005' })).toBeUndefined();
    const many = Array.from({ length: MAX_SHORTLIST_PRACTICES + 5 }, (_, i) => ({ kind: 'practice', code: `A${String(i).padStart(5, '0')}` }));
    expect(normaliseShortlistPractices(many)).toHaveLength(MAX_SHORTLIST_PRACTICES);
  });

  it('adds without duplicates', () => {
    const one = addShortlistPractice([], { kind: 'practice', code: 'B82005' });
    expect(addShortlistPractice(one, { kind: 'practice', code: 'B82005' })).toEqual(one);
    expect(addShortlistPractice(one, { kind: 'pcn', code: 'B82005' })).toHaveLength(2);
  });
});
