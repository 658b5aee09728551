import { describe, expect, it } from 'vitest';
import { getIndicator } from '../../data/catalogue';
import { finestVaryingLevel } from '../../data/finest-varying-level';
import { variationReport, type VariationInput } from './input-variation';

const imd = getIndicator('imd2025.imd.score');
const smoking = getIndicator('smoking.aps.current');
const lung = getIndicator('cancer.incidence.dsr');

// Six wards: the first four in one council (one smoking value) and one Sub-ICB location.
const inputs: VariationInput[] = [
  { label: 'IMD score', indicator: imd, values: Float64Array.from([40.5, 40.4, 59.7, 22.1, 10, 12]) },
  { label: 'Adult smokers', indicator: smoking, values: Float64Array.from([12.2, 12.2, 12.2, 12.2, 15, 15]) },
  { label: 'Lung incidence', indicator: lung, values: Float64Array.from([79.2, 79.2, 79.2, 79.2, 60, 70]) },
];
const council = Uint8Array.from([1, 1, 1, 1, 0, 0]);

describe('variationReport', () => {
  it('names the inputs with one value in the region, why, and what the ranking then rests on', () => {
    const r = variationReport('composite', inputs, 'ward24', council, 'Birmingham');
    expect(r.constant).toEqual(['Adult smokers (measured for the whole local authority)', 'Lung incidence (measured for the whole Sub-ICB area)']);
    expect(r.varying).toEqual(['IMD score']);
    expect(r.statement).toBe('In Birmingham, Adult smokers (measured for the whole local authority) and Lung incidence (measured for the whole Sub-ICB area) '
      + 'have one value for every ward, so they add the same to every ward: the index ranks wards by IMD score alone.');
    expect(r.suggestLevel).toBe(finestVaryingLevel([imd, smoking, lung], 'ward24'));
  });

  it('words a rule by its conditions', () => {
    const r = variationReport('rule', inputs.slice(0, 2), 'ward24', council, 'Birmingham');
    expect(r.statement).toBe('In Birmingham, Adult smokers (measured for the whole local authority) has one value for every ward: '
      + 'its condition is met by every ward or by none, so the rule picks wards by IMD score alone.');
  });

  it('says so when nothing varies', () => {
    const r = variationReport('composite', inputs.slice(1), 'ward24', council, 'Birmingham');
    expect(r.varying).toEqual([]);
    expect(r.statement).toMatch(/no input varies between wards, so every ward gets the same index/);
  });

  it('England-wide, inherited inputs vary in steps: no warning, a note on how few values they take', () => {
    const r = variationReport('composite', inputs, 'ward24', null, 'all of England');
    expect(r.statement).toBeNull();
    expect(r.suggestLevel).toBeNull();
    expect(r.inherited).toEqual([
      `Adult smokers is measured for the ${'Local authority / borough (2024)'}: it takes 2 different values across the 6 wards in England, one per local authority.`,
      'Lung incidence is measured for the Sub-ICB location (2024): it takes 3 different values across the 6 wards in England, one per Sub-ICB area.',
    ]);
  });
});
