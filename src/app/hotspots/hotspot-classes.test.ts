import { describe, expect, it } from 'vitest';
import { currentHotspotClasses, hotspotGroup, publishHotspotClasses, subscribeHotspotClasses } from './hotspot-classes';

const input = {
  key: 'k1', level: 'lsoa21' as const, stat: 'gistar' as const, codes: ['A', 'B', 'C', 'D'],
  cluster: Uint8Array.from([1, 0, 6, 2]), keys: ['not-significant', 'hot-99', 'hot-95', 'hot-90', 'cold-90', 'cold-95', 'cold-99', 'no-neighbours', 'no-value'] as const,
  pAdjusted: Float64Array.from([0.001, 0.5, 0.004, 0.03]), significant: Uint8Array.from([1, 0, 1, 1]), description: 'test',
};

describe('hotspot classes API', () => {
  it('answers per area code and groups classes by meaning', () => {
    publishHotspotClasses({ ...input, keys: [...input.keys] });
    const hs = currentHotspotClasses()!;
    expect(hs.classOf('A')).toBe('hot-99');
    expect(hs.classOf('C')).toBe('cold-99');
    expect(hs.classOf('nope')).toBeNull();
    expect(hs.groupOf('B')).toBe('none');
    expect(hs.label('hot-95')).toBe('Hot spot (95 % confidence)');
    expect(['high-high', 'low-low', 'high-low', 'no-neighbours', 'no-value'].map((k) => hotspotGroup(k as never))).toEqual(['hot', 'cold', 'outlier', 'untested', 'untested']);
  });

  it('notifies subscribers once per new key', () => {
    let calls = 0;
    const off = subscribeHotspotClasses(() => calls++);
    publishHotspotClasses({ ...input, key: 'k2', keys: [...input.keys] });
    publishHotspotClasses({ ...input, key: 'k2', keys: [...input.keys] });
    publishHotspotClasses({ ...input, key: 'k3', keys: [...input.keys] });
    off();
    publishHotspotClasses({ ...input, key: 'k4', keys: [...input.keys] });
    expect(calls).toBe(2);
    expect(currentHotspotClasses()!.key).toBe('k4');
  });
});
