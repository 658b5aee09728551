import { tableToIPC } from 'apache-arrow';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../test/support/node-db';
import { decodeColumnPack } from '../../src/data/pack/column-pack';
import { decimalScale, encodeColumnPack, type ArrowLike } from './column-pack-encode';

/** Every cell of `b` is the same value as in `a` (Object.is: -0 and 0 differ, bigints by value), same types. */
function expectSameTable(a: ArrowLike, b: ArrowLike) {
  expect(b.numRows).toBe(a.numRows);
  expect(b.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(a.schema.fields.map((f) => `${f.name}:${String(f.type)}`));
  for (const f of a.schema.fields) {
    const x = a.getChild(f.name)!;
    const y = b.getChild(f.name)!;
    for (let i = 0; i < a.numRows; i++) {
      const [u, v] = [x.get(i), y.get(i)];
      if (!Object.is(u, v)) expect({ column: f.name, row: i, value: v }).toEqual({ column: f.name, row: i, value: u });
    }
  }
}

describe('column pack', () => {
  it('finds the fewest decimals that give every value back exactly', () => {
    expect(decimalScale([1, 2, -3])).toBe(0);
    expect(decimalScale([12.345, 0.1, 7])).toBe(3);
    expect(decimalScale([Math.PI])).toBeNull();
    expect(decimalScale([-0])).toBeNull();
  });

  it('gives back what DuckDB returned: every type, nulls, -0, long decimals, huge integers, unicode', async () => {
    const db = await openNodeDb();
    const t = await db.query(`
      SELECT i::INTEGER AS i32, (i * 1000003)::BIGINT AS i64, CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 0.125 - 3)::DOUBLE END AS f_dec,
        CASE WHEN i = 3 THEN (-0.0)::DOUBLE WHEN i % 5 = 0 THEN NULL ELSE sqrt(i) END AS f_raw,
        CASE WHEN i = 2 THEN 9007199254740993::BIGINT ELSE i END AS i64_big,
        CASE WHEN i % 3 = 0 THEN NULL ELSE 'E0' || lpad(i::VARCHAR, 7, '0') END AS code,
        CASE WHEN i % 4 = 0 THEN 'Ynys Môn ' || (i % 3) ELSE 'Salford ' || (i % 3) END AS name,
        NULL::VARCHAR AS nothing, NULL::DOUBLE AS no_number, i % 2 = 0 AS even, CASE WHEN i % 9 = 0 THEN NULL ELSE i > 50 END AS maybe,
        i::SMALLINT AS i16, (i % 100)::TINYINT AS i8
      FROM range(0, 300) r(i)`);
    // Through gzip as the files travel (node hands back a Buffer, whose slice() does not copy).
    const [decoded] = decodeColumnPack(gunzipSync(gzipSync(encodeColumnPack([{ key: 'sample', table: t }]))));
    expect(decoded.key).toBe('sample');
    expectSameTable(t, decoded.table);
    // The decoded table is a valid Arrow stream that DuckDB reads back as the same table.
    await db.insertArrow('back', tableToIPC(decoded.table, 'stream'));
    expectSameTable(t, await db.query('SELECT * FROM back'));
  });

  it('keeps several tables apart and rejects a file that is not a pack', async () => {
    const db = await openNodeDb();
    const a = await db.query(`SELECT 'x' AS s`);
    const b = await db.query(`SELECT 1.5::DOUBLE AS v, NULL::VARCHAR AS n FROM range(3)`);
    const out = decodeColumnPack(encodeColumnPack([{ key: 'SELECT a', table: a }, { key: 'SELECT b', table: b }]));
    expect(out.map((o) => o.key)).toEqual(['SELECT a', 'SELECT b']);
    expectSameTable(b, out[1].table);
    expect(() => decodeColumnPack(new TextEncoder().encode('code,name\nE01,A\n'), 'tables/areas.cols')).toThrow(/tables\/areas.cols is not a HACOLS01 file/);
    const whole = encodeColumnPack([{ key: 'SELECT b', table: b }]);
    expect(() => decodeColumnPack(whole.subarray(0, whole.length - 3), 'x')).toThrow(/truncated/);
  });
});
