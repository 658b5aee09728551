import { describe, expect, it } from 'vitest';
import type { PracticeValue } from '../data/practice-data';
import { PALETTES } from './palettes';
import { practiceAt, practicePalette, practiceSymbols } from './practice-points';

const practice = (code: string, value: number | null, lon: number | null, lat: number | null): PracticeValue => ({
  code, name: `Practice ${code}`, pcn: null, pcnName: null, sicbl24: null, icb24: null, lon, lat, practices: 1, numerator: null, denominator: null, value, lower: null, upper: null,
});

describe('practiceSymbols', () => {
  const values = Array.from({ length: 20 }, (_, i) => practice(`A${10000 + i}`, i, -1 + i / 100, 52));
  values.push(practice('B00001', null, -1, 53), practice('C00001', 5, null, null));
  const lists = new Map(values.map((v, i) => [v.code, 2_000 * (i + 1)]));

  it('classes every practice with a value into quintiles, counts the rest, and names the ones with no coordinates', () => {
    const s = practiceSymbols(values, lists, 12, 'YlOrRd');
    expect(s.counts.reduce((a, b) => a + b, 0)).toBe(21);
    expect(s.noValue).toBe(1);
    expect(s.noCoordinates).toEqual([{ code: 'C00001', name: 'Practice C00001' }]);
    expect(s.all.size).toBe(21);
    expect(s.drawn).toHaveLength(21);
    expect(s.all.get('A10000')!.colour).toEqual(s.colours[0]);
    expect(s.all.get('A10019')!.colour).toEqual(s.colours[4]);
  });

  it('draws only the larger practices at England scale, keeping every one for selection', () => {
    const s = practiceSymbols(values, lists, 5.6, 'YlOrRd');
    expect(s.minList).toBeGreaterThan(0);
    expect(s.drawn.every((p) => lists.get(p.code)! >= s.minList)).toBe(true);
    expect(s.drawn.length).toBe([...lists.entries()].filter(([c, n]) => n >= s.minList && c !== 'C00001').length);
    expect(s.all.size).toBe(21);
  });

  it('finds the practice under the pointer within its radius', () => {
    const s = practiceSymbols(values, lists, 12, 'YlOrRd');
    const project = (lon: number, lat: number): [number, number] => [(lon + 1) * 10_000, (53 - lat) * 10_000];
    const target = s.all.get('A10005')!;
    const [x, y] = project(target.lon, target.lat);
    expect(practiceAt(s.drawn, project, x + 1, y)?.code).toBe('A10005');
    expect(practiceAt(s.drawn, project, x + 49, y + 5_000)).toBeNull();
  });
});

describe('practicePalette', () => {
  it('never gives the practices the areas palette', () => {
    for (const p of PALETTES) expect(practicePalette(p.id)).not.toBe(p.id);
  });
});
