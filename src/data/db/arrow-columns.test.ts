import { Table, tableFromArrays, vectorFromArray, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../scripts/atlas/node-duckdb';
import { numberColumn, stringColumn } from './arrow-columns';

describe('Arrow columns', () => {
  it('reads text cells the same as cell by cell: several chunks, slices, nulls, non-ASCII', () => {
    const a = vectorFromArray(['E01000001', null, 'Ynys Môn', ''], new Utf8());
    const b = vectorFromArray(['x', 'yy', null], new Utf8());
    const t = new Table({ s: a.concat(b) });
    const expected = Array.from({ length: t.numRows }, (_, i) => t.getChild('s')!.get(i));
    expect(stringColumn(t, 's')).toEqual(expected);
    const sliced = new Table({ s: a.concat(b).slice(1, 6) });
    expect(stringColumn(sliced, 's')).toEqual([null, 'Ynys Môn', '', 'x', 'yy']);
    expect(stringColumn(new Table({ s: vectorFromArray(['aa', null, 'bbb', 'c'], new Utf8()).slice(1) }), 's')).toEqual([null, 'bbb', 'c']);
    expect(() => stringColumn(t, 'nope')).toThrow(/no column "nope"/);
  });

  it('reads DuckDB results (numbers with nulls as NaN, text with nulls)', async () => {
    const db = await openNodeDb();
    const t = await db.query(`SELECT CASE WHEN i % 3 = 0 THEN NULL ELSE 'E0' || i END AS code, CASE WHEN i % 4 = 0 THEN NULL ELSE i * 2 END AS n FROM range(0, 5000) r(i)`);
    const codes = stringColumn(t, 'code');
    expect(codes.slice(0, 4)).toEqual([null, 'E01', 'E02', null]);
    expect(codes.filter((c) => c === null)).toHaveLength(1667);
    const n = numberColumn(t, 'n');
    expect([n[0], n[1], n[4999]]).toEqual([NaN, 2, 9998]);
    expect(tableFromArrays({ x: Float64Array.from([1]) }).numRows).toBe(1);
  });
});
