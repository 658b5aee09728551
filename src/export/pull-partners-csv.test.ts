import { describe, expect, it } from 'vitest';
import { pullPartnersCsv } from './pull-partners-csv';

describe('pullPartnersCsv', () => {
  it('writes ODS codes and guards names a spreadsheet would run as formulas', () => {
    const csv = pullPartnersCsv([
      { practice_code: 'C88005', name: '=HYPERLINK("x")', pcn_code: 'U12345', pcn_name: 'North, PCN', list_size: 9000, areas: 2, areas_in: 1, nearest_km: 0.4567, patients: null },
      { practice_code: 'C88006', name: 'Plain', pcn_code: null, pcn_name: null, list_size: null, areas: 1, areas_in: 0, nearest_km: 1.2, patients: 30 },
    ], 'in or within 1 km');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0].split(',').slice(0, 4)).toEqual(['rank', 'practice_code', 'practice_name', 'pcn_code']);
    expect(lines[1]).toBe(`1,C88005,"'=HYPERLINK(""x"")",U12345,"North, PCN",9000,2,1,0.46,,in or within 1 km`);
    expect(lines[2]).toBe('2,C88006,Plain,,,,1,0,1.2,30,');
  });
});
