import { describe, expect, it } from 'vitest';
import { dimensionValues } from '../catalogue/types';
import { splitSpec, splitValue } from './dataset-split';
import { datasetIndicators } from './dataset-indicators';
import type { DatasetSpec } from './user-dataset';

const spec = (split: DatasetSpec['split']): DatasetSpec => ({
  id: 'dsplit1', file: 'long.csv', sheet: null, table: 'user_dsplit1', nativeLevel: 'lsoa21', joinNote: '', practices: false, combine: 'auto', split,
  values: [{ column: 'n', field: 'v1', label: 'n', unit: 'count', unitText: '', polarity: 'higher-worse', decimals: 0 }], rowsRead: 4, rowsJoined: 4, areas: 2,
});

describe('split column', () => {
  it('keeps blank split values as "(blank)", first, so they can be chosen; the latest year stays the default', () => {
    const s = splitSpec('long.csv', 'year', ['2023', '', '2022', '2019/20']);
    expect(s).toEqual({ column: 'year', values: ['(blank)', '2019/20', '2022', '2023'], period: true });
    expect([' ', '', '2022'].map(splitValue)).toEqual(['(blank)', '(blank)', '2022']);
    const [ind] = datasetIndicators(spec(s));
    expect(ind.dimensions![0].defaultValue).toBe('2023');
    expect(dimensionValues(ind, { period: '(blank)' })).toEqual({ period: '(blank)' });
  });

  it('reads years as a period only from the named values, and refuses blanks beside a literal "(blank)"', () => {
    expect(splitSpec('f.csv', 'sex', ['Female', 'Male', '']).period).toBe(false);
    expect(() => splitSpec('f.csv', 'sex', ['Female', '', '(blank)'])).toThrow('f.csv: column "sex" has both empty cells and cells that say "(blank)", which would be mixed up.');
  });
});
