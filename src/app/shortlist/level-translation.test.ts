import { describe, expect, it } from 'vitest';
import type { ShortlistSpec } from '../../state/shortlist-spec';
import { linkingBase, translateShortlist, type Membership } from './level-translation';

/** Six LSOAs in three wards of two local authorities. */
const m: Membership = {
  base: 'lsoa21',
  codes: ['E01000001', 'E01000002', 'E01000003', 'E01000004', 'E01000005', 'E01000006'],
  parents: {
    ward24: ['E05000001', 'E05000001', 'E05000002', 'E05000002', 'E05000003', 'E05000003'],
    lad24: ['E08000001', 'E08000001', 'E08000001', 'E08000001', 'E08000002', 'E08000002'],
  },
  population: Float64Array.from([100, 200, 300, 400, 500, 600]),
};
const list = (level: ShortlistSpec['level'], items: [string, string][]): ShortlistSpec => ({ level, title: 'T', items: items.map(([code, note]) => ({ code, note })), columns: [] });

describe('converting a shortlist between levels', () => {
  it('LSOAs become the wards containing them, ranked by their best LSOA, notes combined', () => {
    const t = translateShortlist(list('lsoa21', [['E01000005', 'outreach'], ['E01000002', 'pharmacy'], ['E01000001', 'pharmacy'], ['E01000006', 'van']]), 'ward24', m);
    expect(t.spec.level).toBe('ward24');
    expect(t.spec.items).toEqual([{ code: 'E05000003', note: 'outreach / van' }, { code: 'E05000001', note: 'pharmacy' }]);
    expect(t.summary).toMatch(/4 LSOA \(2021\) areas become 2 Electoral ward \(2024\) areas/);
    expect(t.summary).not.toMatch(/partly/);
  });

  it('says how many coarser areas the old list covers only partly', () => {
    const t = translateShortlist(list('lsoa21', [['E01000003', '']]), 'lad24', m);
    expect(t.spec.items.map((i) => i.code)).toEqual(['E08000001']);
    expect(t.summary).toMatch(/1 of them only partly covered/);
  });

  it('wards become every LSOA inside them, with the ward note on each', () => {
    const t = translateShortlist(list('ward24', [['E05000002', 'check'], ['E05000001', '']]), 'lsoa21', m);
    expect(t.spec.items).toEqual([
      { code: 'E01000003', note: 'check' }, { code: 'E01000004', note: 'check' }, { code: 'E01000001', note: '' }, { code: 'E01000002', note: '' },
    ]);
    expect(t.summary).toMatch(/inside them/);
  });

  it('knows which levels share a small-area table', () => {
    expect(linkingBase('lsoa21', 'cal19')).toBe('lsoa21');
    expect(linkingBase('ward24', 'lad24')).toBe('lsoa21');
    expect(linkingBase('lsoa11', 'icb24')).toBe('lsoa11');
    expect(linkingBase('lsoa11', 'ward24')).toBeNull();
    expect(linkingBase('lsoa21', 'lsoa11')).toBeNull();
  });
});
