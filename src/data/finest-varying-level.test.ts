import { describe, expect, it } from 'vitest';
import { getIndicator } from './catalogue';
import { finestVaryingLevel } from './finest-varying-level';

const [imd, smoking, lung] = ['imd2025.imd.score', 'smoking.aps.current', 'cancer.incidence.dsr'].map(getIndicator);

describe('finestVaryingLevel', () => {
  it('is the first level, from the one on screen upwards, where no input is inherited or missing', () => {
    const inputs = [imd, smoking, lung];
    const expected = (['lsoa21', 'ward24', 'lad24', 'sicbl24', 'icb24', 'cal19'] as const)
      .find((l) => inputs.every((i) => i.levels[l] && i.levels[l].kind !== 'inherit'));
    expect(expected).toBeDefined();
    expect(finestVaryingLevel(inputs, 'ward24')).toBe(expected);
    expect(finestVaryingLevel(inputs, 'lsoa21')).toBe(expected);
    // A level where everything already varies is its own answer.
    expect(finestVaryingLevel([imd], 'ward24')).toBe('ward24');
  });

  it('has no answer for a level outside the built-in list', () => {
    expect(finestVaryingLevel([imd], 'user_mine')).toBeNull();
  });
});
