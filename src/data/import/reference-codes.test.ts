import { describe, expect, it } from 'vitest';
import { buildReferenceCodes } from './reference-codes';

describe('buildReferenceCodes', () => {
  it('expands year ranges and year lists into per-year sets', () => {
    const refs = buildReferenceCodes({
      areas: [{ level: 'lsoa21', code: 'E01000001', name: '' }, { level: 'lsoa11', code: 'E01000010', name: '' }, { level: 'icb24', code: 'E54000050', name: 'NENC' }],
      ladCodes: [{ code: 'E07000004', name: 'Aylesbury Vale', year_first: '2016', year_last: '2019', lad24_code: 'E06000060' }],
      areaCodes: [{ family: 'ward', code: 'E05000932', name: 'W', years: '2019 2024' }],
      practices: [{ code: 'A81001', name: 'P', lsoa21_code: 'E01035199', ward24_code: '', lad24_code: '', sicbl_code: '', icb_code: '' }],
    });
    expect([...refs.vintages.lad.keys()]).toEqual([2016, 2017, 2018, 2019]);
    expect(refs.vintages.lsoa.get(2011)?.has('E01000010')).toBe(true);
    expect([...refs.vintages.ward.keys()]).toEqual([2019, 2024]);
    expect(refs.ladTo2024.get('E07000004')).toBe('E06000060');
    expect(refs.practices.get('A81001')).toMatchObject({ lsoa21: 'E01035199', ward24: null });
    expect(refs.names.get('E54000050')).toBe('NENC');
  });

  it('names the table and column when a reference table is out of date', () => {
    expect(() => buildReferenceCodes({ areas: [], ladCodes: [{ code: 'E07000004' }], areaCodes: [], practices: [] })).toThrow(/ref_lad_codes\.csv: column "year_first" is missing/);
  });
});
