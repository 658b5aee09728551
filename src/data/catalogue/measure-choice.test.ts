import { describe, expect, it } from 'vitest';
import { chooseIndicator, chooseLevel } from './measure-choice';

describe('level and measure stay compatible', () => {
  it('keeps a measure that exists at the new level', () => {
    expect(chooseLevel('ward24', 'imd2025.imd.score')).toEqual({ level: 'ward24', indicator: 'imd2025.imd.score', message: null });
  });

  it('IMD 2019 stays on an LSOA 2021 map: it is carried onto 2021 LSOAs through the ONS lookup', () => {
    expect(chooseIndicator('lsoa21', 'imd2019.imd.rank')).toEqual({ level: 'lsoa21', indicator: 'imd2019.imd.rank', message: null });
  });

  it('picking IMD 2025 on an LSOA 2011 map moves to LSOA 2021 and says so', () => {
    const c = chooseIndicator('lsoa11', 'imd2025.imd.score');
    expect(c.level).toBe('lsoa21');
    expect(c.message).toMatch(/LSOA \(2021/);
  });

  it('Core20 share at LSOA level falls back to a sibling measure of the same domain', () => {
    const c = chooseLevel('lsoa21', 'imd2025.income.share20');
    expect(c.indicator).toMatch(/^imd2025\.income\./);
    expect(c.message).toBeTruthy();
  });

  it('moving an IMD 2025 map to LSOA 2011 switches to the IMD 2019 equivalent', () => {
    const c = chooseLevel('lsoa11', 'imd2025.imd.rank');
    expect(c.indicator).toBe('imd2019.imd.rank');
  });
});
