import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source';
import { cellText } from './imported-table';
import { readParquet } from './read-parquet';
import type { ReadProgress } from './read-options';

function parquet(rows: number, rowGroupSize = 1000): Uint8Array {
  const code = Array.from({ length: rows }, (_, i) => `E0${String(1000001 + i).padStart(7, '0')}`);
  const buf = parquetWriteBuffer({
    columnData: [
      { name: 'code', data: code, type: 'STRING' },
      { name: 'count', data: BigInt64Array.from(code, (_, i) => BigInt(i)), type: 'INT64' },
      { name: 'rate', data: code.map((_, i) => (i % 7 === 0 ? null : i / 4)), type: 'DOUBLE' },
    ],
    rowGroupSize,
  });
  return new Uint8Array(buf);
}

describe('readParquet', () => {
  it('reads strings, 64-bit integers and nulls, numbering data rows from 1', async () => {
    const t = await readParquet(bytesSource(parquet(10), 'p.parquet'));
    expect(t.columns.map((c) => c.name)).toEqual(['code', 'count', 'rate']);
    expect(t.rowCount).toBe(10);
    expect(cellText(t.columns[0], 0)).toBe('E01000001');
    expect(Array.from(t.columns[1].numbers)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(cellText(t.columns[2], 0)).toBe('');
    expect(t.columns[2].numbers[1]).toBe(0.25);
    expect(Array.from(t.rowNumbers.slice(0, 3))).toEqual([1, 2, 3]);
  });

  it('reads row group by row group with progress', async () => {
    const seen: ReadProgress[] = [];
    const t = await readParquet(bytesSource(parquet(2500, 1000), 'p.parquet'), { onProgress: (p) => seen.push(p) });
    expect(t.rowCount).toBe(2500);
    expect(seen.map((p) => p.rows)).toEqual([1000, 2000, 2500]);
  });

  it('says a file cut short is incomplete, and what to do', async () => {
    const bytes = parquet(100);
    for (const cut of [bytes.length - 10, bytes.length >> 1, 8]) {
      await expect(readParquet(bytesSource(bytes.slice(0, cut), 'p.parquet'))).rejects.toMatchObject({
        code: 'corrupt-parquet', message: expect.stringMatching(/^p\.parquet: .*(incomplete|too short).*export or download it again/),
      });
    }
  });

  it('says where a damaged file could not be read', async () => {
    const bytes = parquet(100);
    bytes.fill(0xff, 4, 40); // data pages, footer intact
    await expect(readParquet(bytesSource(bytes, 'p.parquet'))).rejects.toMatchObject({ code: 'corrupt-parquet', message: expect.stringContaining('rows 1–100') });
  });
});
