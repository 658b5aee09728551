import { describe, expect, it } from 'vitest';
import { getIndicator } from '../data/catalogue';
import { rankText, valueText, type AreaValueFacts } from './value-text';

const facts = (over: Partial<AreaValueFacts>): AreaValueFacts => ({
  value: 512, lower: NaN, upper: NaN, rank: 12, ranked: 42, suppressed: false, note: null, source: null, sourceShare: 1, coverage: 1, ...over,
});

describe('rankText / valueText', () => {
  const incidence = getIndicator('cancer.incidence.dsr');
  it('names the level an inherited rank belongs to (an LSOA carries its Sub-ICB area\'s rank)', () => {
    expect(incidence.levels.lsoa21?.kind).toBe('inherit');
    expect(rankText(incidence, 'lsoa21', facts({ source: 'E38000026' }))).toBe('12 of 42 Sub-ICB areas');
    expect(rankText(incidence, 'sicbl24', facts({}))).toBe('12 of 42');
  });
  it('prints a rate with its unit', () => {
    expect(valueText(incidence, facts({ lower: 500, upper: 524.5 }))).toBe(`512.0 ${incidence.unit} (95 % CI 500.0–524.5)`);
  });
});
