import { describe, expect, it } from 'vitest';
import { allIndicators, getIndicator } from '../../src/data/catalogue';
import { dimensionValues } from '../../src/data/catalogue/types';
import { parseMeasureList } from './measure-spec';

const error = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('export --measures syntax', () => {
  it('no id, choice or value holds a separator of the syntax (nor of `measures` output), so every list splits one way', () => {
    const separators = /[,:=|;\s]/;
    for (const ind of allIndicators()) {
      expect(ind.id).not.toMatch(separators);
      for (const d of ind.dimensions ?? []) {
        expect(d.key).not.toMatch(separators);
        for (const v of d.values) expect(v.value).not.toMatch(separators);
      }
    }
  });

  it('reads ids and :KEY=VALUE choices in order, filling the rest with the app defaults', () => {
    const [imd, lung, smoking] = parseMeasureList(['imd2025.imd.score,cancer.incidence.dsr:site=C33-C34:period=2015-2019', 'smoking.aps.current'], 'ward24');
    expect(imd.column).toBe('imd2025.imd.score');
    expect(imd.dims).toEqual({});
    // Column names list the choices in the catalogue's order, whatever order they were typed in.
    expect(lung.column).toBe('cancer.incidence.dsr:period=2015-2019:site=C33-C34');
    expect(lung.dims).toEqual(dimensionValues(getIndicator('cancer.incidence.dsr'), { period: '2015-2019', site: 'C33-C34' }));
    expect(lung.dims.sex).toBe(getIndicator('cancer.incidence.dsr').dimensions!.find((d) => d.key === 'sex')!.defaultValue);
    expect(smoking.dims).toEqual(dimensionValues(getIndicator('smoking.aps.current')));
  });

  it('a choice that brings another with it (breast → females) applies it, and refuses a contradiction', () => {
    const [breast] = parseMeasureList(['cancer.incidence.dsr:site=C50'], 'sicbl24');
    expect(breast.dims.sex).toBe('female');
    expect(error(() => parseMeasureList(['cancer.incidence.dsr:site=C50:sex=male'], 'sicbl24'))).toMatch(/sex=male cannot be combined with site=C50, which needs sex=female/);
  });

  it('names the bad part of the argument', () => {
    expect(error(() => parseMeasureList([], 'lad24'))).toMatch(/--measures is required/);
    expect(error(() => parseMeasureList(['imd2025.imd.score,,smoking.aps.current'], 'lad24'))).toMatch(/--measures: empty entry/);
    expect(error(() => parseMeasureList(['no.such.measure'], 'lad24'))).toMatch(/--measures: unknown measure "no.such.measure"/);
    const reason = getIndicator('imd2025.imd.score').unavailable!.lsoa11!;
    expect(error(() => parseMeasureList(['imd2025.imd.score'], 'lsoa11'))).toContain(`--measures: imd2025.imd.score is not available at level lsoa11 (LSOA (2011, for IMD 2019)): ${reason}`);
    expect(error(() => parseMeasureList(['imd2025.imd.score:period=2019'], 'lad24'))).toMatch(/imd2025.imd.score has no choices/);
    expect(error(() => parseMeasureList(['smoking.aps.current:year=2019'], 'lad24'))).toMatch(/has no choice "year"; its choices are period/);
    expect(error(() => parseMeasureList(['smoking.aps.current:2019'], 'lad24'))).toMatch(/"2019" in "smoking.aps.current:2019" is not KEY=VALUE/);
    expect(error(() => parseMeasureList(['smoking.aps.current:period=2030'], 'lad24'))).toMatch(/period "2030" is not one of 2024, 2023, .*\(14 in all\)/);
    expect(error(() => parseMeasureList(['smoking.aps.current:period=2019:period=2020'], 'lad24'))).toMatch(/choice "period" is given twice/);
    expect(error(() => parseMeasureList(['smoking.aps.current', 'smoking.aps.current'], 'lad24'))).toMatch(/smoking.aps.current is listed twice/);
  });
});
