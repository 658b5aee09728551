import { describe, expect, it } from 'vitest';
import { compareWords } from './practice-compare';

describe('compareWords', () => {
  it('says higher or lower only when the interval excludes the comparator', () => {
    expect(compareWords({ lower: 3.1, upper: 3.5 }, 3.0, 'England')).toMatch(/^higher than England/);
    expect(compareWords({ lower: 2.1, upper: 2.5 }, 3.0, 'England')).toMatch(/^lower than England/);
    expect(compareWords({ lower: 2.9, upper: 3.2 }, 3.0, 'England')).toMatch(/^similar to England/);
  });
  it('says nothing without an interval, and never better or worse', () => {
    expect(compareWords({ lower: null, upper: null }, 3.0, 'England')).toBeNull();
    for (const w of [compareWords({ lower: 5, upper: 6 }, 1, 'E'), compareWords({ lower: 0, upper: 0.5 }, 1, 'E')]) expect(w).not.toMatch(/better|worse/);
  });
});
