/**
 * Area search on the built areas table (DuckDB-wasm, as in the browser): places people name come
 * first, wards carry their authority, LSOAs come after named areas. Expected names and parents are
 * read from the raw ONS lookup, not from the table under test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db/db';
import { searchLevels, searchSql } from '../../src/data/sql/search-sql';
import { openBuiltDataDb } from '../support/node-db';
import { rows, type ResultRow } from '../support/query-rows';
import { rawRows } from '../support/raw-csv';

let db: Db;
const lookup = () => rawRows('lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz');
const search = (q: string, level: Parameters<typeof searchLevels>[0] = 'lsoa21') =>
  rows(db, searchSql(q, searchLevels(level, level === 'lsoa11' ? '2011' : '2021')));

beforeAll(async () => {
  db = await openBuiltDataDb();
});

describe('area search', () => {
  it('"Salford" (the placeholder\'s example) finds the local authority first, then named areas, LSOAs last', async () => {
    const salford = lookup().find((r) => r.ltla24_name === 'Salford')!;
    const r = await search('Salford');
    expect(r[0]).toMatchObject({ level: 'lad24', code: salford.ltla24_code, name: 'Salford' });
    const firstLsoa = r.findIndex((x) => x.level === 'lsoa21');
    const lastNamed = r.map((x) => x.level !== 'lsoa21').lastIndexOf(true);
    expect(lastNamed).toBeLessThan(firstLsoa === -1 ? Infinity : firstLsoa);
    // The authority's parent is its ICB, named.
    expect(String(r[0].parent_name)).toMatch(/Greater Manchester/);
  });

  it('two wards of the same name are told apart by their authority', async () => {
    const raw = lookup().filter((x) => x.ward24_name === 'Moss Side');
    const expected = new Map(raw.filter((x) => x.ltla24_code.startsWith('E')).map((x) => [x.ward24_code, x.ltla24_name]));
    expect(expected.size).toBeGreaterThanOrEqual(2);
    const wards = (await search('Moss Side')).filter((x) => x.level === 'ward24' && x.name === 'Moss Side');
    expect(new Map(wards.map((w: ResultRow) => [w.code, w.parent_name]))).toEqual(expected);
  });

  it('a code finds its area, whole codes first', async () => {
    const lsoa = lookup().find((x) => x.lsoa21_name === 'Salford 026A')!;
    const r = await search(lsoa.lsoa21_code);
    expect(r[0]).toMatchObject({ level: 'lsoa21', code: lsoa.lsoa21_code });
    expect(r[0].parent_name).toBe(lsoa.ltla24_name);
    const lad = await search(lsoa.ltla24_code.toLowerCase());
    expect(lad[0]).toMatchObject({ level: 'lad24', code: lsoa.ltla24_code });
  });

  it('LSOA names are still found when nothing else matches ("Salford 001")', async () => {
    const r = await search('Salford 001');
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((x) => x.level === 'lsoa21' && String(x.name).startsWith('Salford 001'))).toBe(true);
  });

  it('a word inside a Sub-ICB name matches ("Barnsley" finds the authority, then its Sub-ICB location)', async () => {
    const r = await search('Barnsley');
    expect(r[0]).toMatchObject({ level: 'lad24', name: 'Barnsley' });
    expect(r.some((x) => x.level === 'sicbl24' && String(x.name).includes('(Barnsley)'))).toBe(true);
  });

  it('LIKE wildcards and quotes in the text are taken literally', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search("_'")).toEqual([]);
  });

  it('on the 2011 stack the LSOAs searched are LSOA 2011 ones; named areas are still found', async () => {
    const r = await search('Salford', 'lsoa11');
    expect(r[0]).toMatchObject({ level: 'lad24', name: 'Salford' });
    expect(r.some((x) => x.level === 'lsoa21')).toBe(false);
  });
});
