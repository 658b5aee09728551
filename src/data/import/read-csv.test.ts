import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source';
import { ImportError } from './import-issue';
import { cellText, type ImportedTable } from './imported-table';
import { readCsv } from './read-csv';
import type { ReadProgress } from './read-options';

const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (bytes: Uint8Array, name = 'f.csv', chunkBytes?: number) => readCsv(bytesSource(bytes, name), { chunkBytes });
const col = (t: ImportedTable, j: number) => Array.from({ length: t.rowCount }, (_, i) => cellText(t.columns[j], i));

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\uFEFF' : '') + s;
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = u & 0xff;
    out[2 * i + (le ? 1 : 0)] = u >> 8;
  }
  return out;
}

const TEXT = 'code,name\r\nE01000001,Café £5 “quoted”\r\n';

describe('readCsv encodings', () => {
  it('reads UTF-8 with and without a BOM, never leaving the BOM in the first column name', async () => {
    for (const bytes of [utf8(TEXT), utf8(`\uFEFF${TEXT}`)]) {
      const t = await read(bytes);
      expect(t.columns.map((c) => c.name)).toEqual(['code', 'name']);
      expect(col(t, 1)).toEqual(['Café £5 “quoted”']);
    }
  });

  it('reads UTF-16 LE/BE with a BOM, and LE without one', async () => {
    for (const [bytes, label] of [[utf16(TEXT, true, true), 'little'], [utf16(TEXT, false, true), 'big'], [utf16(TEXT, true, false), 'little']] as const) {
      const t = await read(bytes);
      expect(col(t, 1)).toEqual(['Café £5 “quoted”']);
      expect(t.readNotes[0]).toContain(label);
    }
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, with the right € and quotes', async () => {
    // "Café £5 €" in Windows-1252: é = E9, £ = A3, € = 80, “ ” = 93 94
    const bytes = Uint8Array.from([...utf8('code,name\n'), ...utf8('E01000001,Caf'), 0xe9, 0x20, 0xa3, 0x35, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94, 0x0a]);
    const t = await read(bytes);
    expect(col(t, 1)).toEqual(['Café £5 € “x”']);
    expect(t.readNotes[0]).toMatch(/Windows-1252/);
    expect(t.issues.find((i) => i.code === 'mixed-encoding')).toBeUndefined();
  });

  it('reports rows of UTF-8 text inside a Windows-1252 file (mixed encodings)', async () => {
    const bytes = Uint8Array.from([...utf8('code,name\nE01000001,Caf'), 0xe9, 0x0a, ...utf8('E01000002,Café\n')]);
    const t = await read(bytes);
    const issue = t.issues.find((i) => i.code === 'mixed-encoding');
    expect(issue?.rows).toEqual([3]);
    expect(col(t, 1)).toEqual(['Café', 'CafÃ©']);
  });

  it('refuses binary files', async () => {
    await expect(read(Uint8Array.from([0x41, 0x00, 0x00, 0x00, 0x42, 0x01]))).rejects.toMatchObject({ code: 'binary' });
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const text = `code,name\n${Array.from({ length: 50 }, (_, i) => `E0100000${i % 10},Zoë ₤ ${i}`).join('\n')}\n`;
    const whole = await read(utf8(text));
    for (const chunk of [1, 2, 3, 7]) expect(col(await read(utf8(text), 'f.csv', chunk), 1)).toEqual(col(whole, 1));
  });
});

describe('readCsv tables', () => {
  it('keeps text only where a number would not print back the same', async () => {
    const t = await read(utf8('code,v\nA,12\nB,12.50\nC,"1,234"\nD,\nE,n/a\nF,-0\n'));
    const v = t.columns[1];
    expect(v.raw).toEqual([undefined, '12.50', '1,234', '', 'n/a', '-0']);
    expect(Array.from(v.numbers)).toEqual([12, 12.5, 1234, NaN, NaN, -0]);
    expect(col(t, 1)).toEqual(['12', '12.50', '1,234', '', 'n/a', '-0']);
  });

  it('names blank and repeated column names, and reports rows with extra values', async () => {
    const t = await read(utf8('code,,value,value\nE01,a,1,2\nE02,b,3,4,oops\nE03,c\n'));
    expect(t.columns.map((c) => c.name)).toEqual(['code', 'column 2', 'value', 'value (2)']);
    expect(t.issues.map((i) => i.code)).toEqual(['blank-header', 'duplicate-header', 'extra-values', 'short-rows']);
    expect(t.issues[2].rows).toEqual([3]);
  });

  it('reports progress and stops when cancelled', async () => {
    const text = utf8(`code,v\n${'E01000001,1\n'.repeat(2000)}`);
    const seen: ReadProgress[] = [];
    const t = await readCsv(bytesSource(text, 'f.csv'), { chunkBytes: 4096, onProgress: (p) => seen.push(p) });
    expect(t.rowCount).toBe(2000);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toMatchObject({ done: text.length, total: text.length });
    const ctl = new AbortController();
    const run = readCsv(bytesSource(text, 'f.csv'), { chunkBytes: 4096, signal: ctl.signal, onProgress: (p) => p.done > 8000 && ctl.abort() });
    await expect(run).rejects.toBeInstanceOf(ImportError);
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('column names', () => {
  it('gives renamed duplicates a name no column has, so every name is distinct and reads its own cells', async () => {
    const t = await read(utf8('code,a,a,a (2)\nE01000001,1,2,3\n'));
    expect(t.columns.map((c) => c.name)).toEqual(['code', 'a', 'a (3)', 'a (2)']);
    expect(t.columns.map((c) => cellText(c, 0))).toEqual(['E01000001', '1', '2', '3']);
    expect(t.issues.find((i) => i.code === 'duplicate-header')!.message).toBe('f.csv: two columns are called "a"; the later one (column 3) is called "a (3)" here. Rename one of them in the file to tell them apart.');
    const blank = await read(utf8('code,,column 2,x,x,x\nE01000001,1,2,3,4,5\n'));
    expect(blank.columns.map((c) => c.name)).toEqual(['code', 'column 2 (2)', 'column 2', 'x', 'x (2)', 'x (3)']);
    expect(new Set(blank.columns.map((c) => c.name)).size).toBe(6);
  });

  it('refuses a header over the column limits, naming the file and the limit', async () => {
    await expect(read(utf8(`code,${Array.from({ length: 40_000 }, (_, j) => `c${j}`).join(',')}\nE01000001\n`), 'wide.csv')).rejects.toMatchObject({
      code: 'too-large', message: 'wide.csv: it has 40,001 columns; the atlas reads at most 2,000 columns. Keep only the columns you need (the area codes and the values to map), save the file and load it again.',
    });
    await expect(read(utf8(`code,${'x'.repeat(600)}\nE01000001,1\n`), 'long.csv')).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/^long\.csv: the name of column 2 in row 1 is 600 characters long; the atlas reads at most 500 characters in a column name\./) });
  });
});
