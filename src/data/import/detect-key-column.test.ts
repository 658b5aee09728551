import { describe, expect, it } from 'vitest';
import { syntheticReference } from '../../../test/import/synthetic-reference';
import { bytesSource } from './byte-source';
import { detectKeyColumn } from './detect-key-column';
import { readCsv } from './read-csv';

const refs = syntheticReference();
const table = (csv: string) => readCsv(bytesSource(new TextEncoder().encode(csv), 'f.csv'));

describe('detectKeyColumn', () => {
  it('prefers the finest column of codes (LSOA over its parent authority), whatever the column order', async () => {
    const t = await table('lad,lsoa,v\nE09000001,E01000001,1\nE09000001,E01000002,2\nE09000001,E01000003,3\n');
    const { key, candidates } = detectKeyColumn(t, refs);
    expect(key).toMatchObject({ column: 'lsoa', geography: 'lsoa', chosenBy: 'detected' });
    expect(candidates.map((c) => [c.column, c.geography])).toEqual([['lsoa', 'lsoa'], ['lad', 'lad']]);
  });

  it('tells LSOA 2011 from 2021 by membership, and uses 2021 when the codes are in both', async () => {
    const only11 = detectKeyColumn(await table('code,v\nE01000001,1\nE01000010,2\nE01000023,3\n'), refs).key!;
    expect(only11).toMatchObject({ detectedVintage: 2011, target: { vintage: 2011, atlasLevel: 'lsoa11' } });
    const both = detectKeyColumn(await table('code,v\nE01000001,1\nE01000002,2\n'), refs).key!;
    expect(both).toMatchObject({ detectedVintage: 2021, target: { atlasLevel: 'lsoa21' } });
    expect(both.note).toBe('Column "code" holds 2 distinct LSOA codes; 2 are in LSOA 2021 (and in the 2011 list too: these areas kept their codes).');
    const only21 = detectKeyColumn(await table('code,v\nE01000001,1\nE01033769,2\n'), refs).key!;
    expect(only21.vintageMatches).toEqual([{ vintage: 2011, label: 'LSOA 2011', matched: 1 }, { vintage: 2021, label: 'LSOA 2021', matched: 2 }]);
  });

  it('dates ward codes by the year whose list holds most of them, and joins on 2024 wards', async () => {
    const key = detectKeyColumn(await table('ward,v\nE05000759,1\nE05000760,2\nE05000932,3\n'), refs).key!;
    expect(key).toMatchObject({ geography: 'ward', detectedVintage: 2019, target: { vintage: 2024, atlasLevel: 'ward24' } });
    expect(key.note).toMatch(/They are joined on electoral wards 2024/);
  });

  it('dates LA codes and targets 2024 authorities', async () => {
    const key = detectKeyColumn(await table('la,v\nE07000004,1\nE07000005,2\nE07000150,3\nE06000001,4\n'), refs).key!;
    expect(key).toMatchObject({ geography: 'lad', detectedVintage: 2019, target: { vintage: 2024, atlasLevel: 'lad24' } });
  });

  it('recognises GP practice codes, ICBs, Sub-ICBs and Cancer Alliances', async () => {
    expect(detectKeyColumn(await table('practice,v\nA81001,1\nA81002,2\n'), refs).key).toMatchObject({ geography: 'practice', target: { atlasLevel: null } });
    expect(detectKeyColumn(await table('icb,v\nE54000050,1\nE54000063,2\n'), refs).key).toMatchObject({ geography: 'icb', detectedVintage: 2024 });
    expect(detectKeyColumn(await table('icb,v\nE54000050,1\nE54000052,2\n'), refs).key).toMatchObject({ geography: 'icb', detectedVintage: 2022, target: { vintage: 2024 } });
    expect(detectKeyColumn(await table('sub_icb,v\nE38000247,1\nE38000264,2\n'), refs).key).toMatchObject({ geography: 'sicbl', detectedVintage: 2024, target: { atlasLevel: 'sicbl24' } });
    expect(detectKeyColumn(await table('ca,v\nE56000003,1\nE56000005,2\n'), refs).key).toMatchObject({ geography: 'cal', detectedVintage: 2019, target: { atlasLevel: 'cal19' } });
  });

  it('takes the user\'s key column, and reports a column of non-English codes as not joinable', async () => {
    const t = await table('a,b\nE01000001,W06000001\nE01000002,W06000002\n');
    expect(detectKeyColumn(t, refs, { keyColumn: 'b' }).key).toMatchObject({ column: 'b', chosenBy: 'user', geography: null, target: null });
    expect(() => detectKeyColumn(t, refs, { keyColumn: 'nope' })).toThrow(/no column "nope"/);
  });

  it('finds no key when no column is mostly codes', async () => {
    expect(detectKeyColumn(await table('name,v\nLeeds,1\nYork,2\nE01000001,3\n'), refs)).toEqual({ key: null, candidates: [] });
  });
});
