import { describe, expect, it } from 'vitest';
import { registerHotspotVariable, variableFacts, variableWarnings } from './hotspot-variables';

describe('hotspot variables', () => {
  it('warns when a raw count is tested and when small areas repeat a larger area\'s value', () => {
    const count = variableFacts({ id: 'cancer.incidence.count', dims: {} }, 'lad24')!;
    expect(count.kind).toBe('count');
    expect(variableWarnings(count, '').join(' ')).toMatch(/raw count, not a rate/);
    const inherited = variableFacts({ id: 'cancer.incidence.dsr', dims: {} }, 'lsoa21')!;
    expect(inherited.inheritedFrom).toBeTruthy();
    expect(variableWarnings(inherited, 'y: ')[0]).toMatch(new RegExp(`^y: .*repeats its ${inherited.inheritedFrom}'s value`));
    expect(variableWarnings(variableFacts({ id: 'imd2025.imd.score', dims: {} }, 'lsoa21')!, '')).toEqual([]);
  });

  it('knows registered variables (e.g. the composite index) until they unregister', () => {
    expect(variableFacts({ id: 'composite', dims: {} }, 'lsoa21')).toBeNull();
    const off = registerHotspotVariable({ id: 'composite', label: 'Composite risk index', key: 'v1', load: async () => ({ value: new Float64Array(0) }) });
    expect(variableFacts({ id: 'composite', dims: {} }, 'lsoa21')).toMatchObject({ label: 'Composite risk index', kind: null });
    off();
    expect(variableFacts({ id: 'composite', dims: {} }, 'lsoa21')).toBeNull();
  });
});
