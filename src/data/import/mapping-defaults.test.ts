import { describe, expect, it } from 'vitest';
import { directionText } from '../catalogue/direction';
import { DEFAULT_POLARITY, defaultRatio, defaultWeight, DIRECTION_CHOICES } from './mapping-defaults';
import type { JoinReport } from './join-report';

type Profiled = Pick<JoinReport, 'key' | 'columns'>;
const report = (geography: 'practice' | 'lsoa', columns: string[]): Profiled => ({
  key: { column: 'code', geography } as unknown as JoinReport['key'],
  columns: [{ column: 'code', type: 'text' }, ...columns.map((column) => ({ column, type: 'numeric' }))] as unknown as JoinReport['columns'],
});

describe('mapping dialog defaults', () => {
  it('offers worse, better and neutral context in the catalogue words, with early-diagnosis examples the right way round', () => {
    const by = Object.fromEntries(DIRECTION_CHOICES.map((c) => [c.value, c.label]));
    expect(Object.keys(by).sort()).toEqual(['higher-worse', 'lower-worse', 'neutral']);
    for (const c of DIRECTION_CHOICES) expect(c.label.startsWith(directionText({ polarity: c.value, group: 'Your data' }))).toBe(true);
    // more urgent referrals and higher screening coverage are better for early diagnosis
    expect(by['lower-worse']).toMatch(/higher is better.*screening coverage.*urgent suspected cancer referral/);
    expect(by['higher-worse']).not.toMatch(/referral|screening/i);
    expect(by.neutral).toMatch(/^Neutral context.*registers/);
    expect(DEFAULT_POLARITY).toBe('neutral');
  });

  it("proposes a denominator-like column for a rate, and a practice file's own list size as the weight", () => {
    const r = report('practice', ['referrals', 'list size', 'coverage']);
    expect(defaultRatio(r, 'referrals')).toEqual({ denominator: 'list size', multiplier: 100, ci: 'proportion', suppressBelow: 0 });
    expect(defaultWeight(r, ['coverage'])).toEqual({ kind: 'column', column: 'list size' });
    expect(defaultWeight(report('practice', ['coverage']))).toEqual({ kind: 'list-size' });
    expect(defaultWeight(report('lsoa', ['coverage', 'population']))).toEqual({ kind: 'residents' });
    expect(defaultRatio(report('lsoa', ['only']), 'only')).toBeNull();
  });
});
