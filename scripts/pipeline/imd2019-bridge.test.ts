import { describe, expect, it } from 'vitest';
import { bridgeImd2019, bridgeSummary, decileBands, decileOf, type BridgeLink } from './imd2019-bridge';

/** Ten 2011 LSOAs ranked 1…10 (decile = rank), every domain alike. */
const imd = new Map(Array.from({ length: 10 }, (_, i) => {
  const row: Record<string, number | null> = {};
  for (const d of ['imd', 'income', 'employment', 'education', 'health', 'crime', 'barriers', 'environment']) {
    row[`${d}_rank`] = i + 1;
    row[`${d}_decile`] = i + 1;
  }
  return [`A${i + 1}`, row];
}));
const pop = new Map([...imd.keys()].map((k, i) => [k, 100 * (i + 1)]));

describe('IMD 2019 onto 2021 LSOAs', () => {
  it('reads decile bands from the published ranks and puts a fractional rank in the less deprived band', () => {
    const bands = decileBands(imd.values(), 'imd_rank', 'imd_decile');
    expect(bands).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(decileOf(2, bands)).toBe(2);
    expect(decileOf(2.0001, bands)).toBe(3);
    expect(decileOf(0.5, bands)).toBe(1);
  });

  it('applies the stated rule to each kind of change and counts them', () => {
    const links: BridgeLink[] = [
      { lsoa11: 'A1', lsoa21: 'B1', change: 'U' },
      { lsoa11: 'A2', lsoa21: 'B2', change: 'S' },
      { lsoa11: 'A2', lsoa21: 'B3', change: 'S' },
      { lsoa11: 'A1', lsoa21: 'B4', change: 'M' }, // not realistic (A1 is also unchanged) but keeps the numbers small
      { lsoa11: 'A3', lsoa21: 'B4', change: 'M' },
      { lsoa11: 'A4', lsoa21: 'B5', change: 'X' },
      { lsoa11: 'A5', lsoa21: 'B5', change: 'X' },
      { lsoa11: 'A5', lsoa21: 'B6', change: 'X' },
    ];
    const { rows, counts } = bridgeImd2019(links, imd, pop);
    const at = (c: string) => rows.find((r) => r.code === c)!;
    expect(at('B1')).toMatchObject({ change: 'U', imd_rank: 1, imd_decile: 1, note: null });
    // Each part of a split takes the whole parent's rank and decile.
    expect([at('B2').imd_rank, at('B3').imd_rank, at('B2').health_decile]).toEqual([2, 2, 2]);
    // Merged: rank weighted by mid-2015 residents (100 and 300): (1×100 + 3×300) / 400 = 2.5 → band of decile 3.
    expect(at('B4')).toMatchObject({ change: 'M', imd_rank: 2.5, imd_decile: 3 });
    expect(at('B4').note).toMatch(/^Merged: built from 2011 LSOAs A1, A3/);
    // Complex with two parents is averaged like a merge; with one it takes the parent's values.
    expect(at('B5')).toMatchObject({ change: 'X', imd_rank: (4 * 400 + 5 * 500) / 900 });
    expect(at('B6')).toMatchObject({ change: 'X', imd_rank: 5, imd_decile: 5 });
    expect(counts.lsoa21).toEqual({ U: 1, S: 2, M: 1, X: 2 });
    expect(counts.lsoa11).toEqual({ U: 1, S: 1, M: 2, X: 2 });
    // A1 (decile 1, Core20) merged with A3 (decile 3): mixed, and not Core20 after averaging.
    expect(counts).toMatchObject({ mixedCore20: 1, mixedCore20Now: 0 });
    expect(bridgeSummary(counts)).toMatch(/^IMD 2019 on LSOA 2021 .*1 unchanged \(U\); 2 parts of 1 split 2011 LSOAs/);
  });
});
