import { describe, expect, it } from 'vitest';
import type { DatasetSpec, ValueSpec } from './user-dataset';
import { userPracticeMeasures } from './user-practice-measures';

const share: ValueSpec = { column: 'screened', field: 'v1', label: 'Coverage', unit: 'ratio', unitText: '', polarity: 'lower-worse', decimals: 1, ratio: { denominator: 'eligible', multiplier: 100, ci: 'proportion', suppressBelow: 0 } };
const perThousand: ValueSpec = { ...share, field: 'v2', label: 'Referrals', ratio: { ...share.ratio!, multiplier: 1000, ci: 'poisson' } };
const average: ValueSpec = { column: 'pct', field: 'v3', label: 'Average', unit: 'percent', unitText: '', polarity: 'neutral', decimals: 1 };
const spec = (id: string, practices: boolean): DatasetSpec => ({
  id, file: `${id}.csv`, sheet: null, table: `user_${id}`, nativeLevel: 'lsoa21', joinNote: '', practices, combine: 'auto', split: null,
  values: [share, perThousand, average], weight: { kind: 'list-size' }, rowsRead: 1, rowsJoined: 1, areas: 1,
});

describe('userPracticeMeasures', () => {
  it("offers only practice files' shares of a list (percentages with a Wilson interval) whose per-practice table exists", () => {
    const got = userPracticeMeasures([spec('dprac1', true), spec('darea1', false), spec('dproj1', true)], ['user_dprac1_practice', 'user_darea1_practice']);
    expect(got).toEqual([{
      id: 'user.dprac1.v1', label: 'Your data: dprac1.csv – Coverage', file: 'dprac1.csv',
      rate: { table: 'user_dprac1_practice', numerator: 'v1_n', denominator: 'v1_d', multiplier: 100, ci: 'proportion' },
    }]);
  });
});
