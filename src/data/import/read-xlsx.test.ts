import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { bytesSource } from './byte-source';
import { cellText } from './imported-table';
import { readXlsx } from './read-xlsx';

async function workbook(sheets: { sheet: string; data: unknown[][] }[]): Promise<Uint8Array> {
  // write-excel-file's cell types are stricter than the plain values used here
  const buf = await writeXlsxFile(sheets as never).toBuffer();
  return new Uint8Array(buf);
}

const data = [
  ['code', 'value', 'when', 'flag'],
  ['E01000001', 12.5, { value: new Date('2024-03-01T00:00:00Z'), format: 'yyyy-mm-dd' }, true],
  ['E01000002', 0.1, null, false],
];

describe('readXlsx', () => {
  it('reads the first sheet, keeping numbers as Excel stored them and dates as ISO dates', async () => {
    const t = await readXlsx(bytesSource(await workbook([{ sheet: 'Data', data }, { sheet: 'Notes', data: [['x'], ['y']] }]), 'w.xlsx'));
    expect(t.columns.map((c) => c.name)).toEqual(['code', 'value', 'when', 'flag']);
    expect(t.columns.map((c) => cellText(c, 0))).toEqual(['E01000001', '12.5', '2024-03-01', 'TRUE']);
    expect(Array.from(t.columns[1].numbers)).toEqual([12.5, 0.1]);
    expect(Array.from(t.rowNumbers)).toEqual([2, 3]);
    expect(t.sheets).toEqual({ names: ['Data', 'Notes'], read: 'Data' });
  });

  it('reads another sheet by name or position', async () => {
    const bytes = await workbook([{ sheet: 'Data', data }, { sheet: 'Notes', data: [['x'], ['y']] }]);
    for (const sheet of ['Notes', 2]) {
      const t = await readXlsx(bytesSource(bytes, 'w.xlsx'), { sheet });
      expect(t.columns.map((c) => c.name)).toEqual(['x']);
    }
    await expect(readXlsx(bytesSource(bytes, 'w.xlsx'), { sheet: 'Nope' })).rejects.toMatchObject({ code: 'sheet-not-found', sheets: ['Data', 'Notes'] });
  });

  it('finds the column names below a title and notes', async () => {
    const bytes = await workbook([{ sheet: 'Data', data: [['Screening uptake, 2023'], [null], ['Source: local audit'], ...data] }]);
    const t = await readXlsx(bytesSource(bytes, 'w.xlsx'));
    expect(t.columns.map((c) => c.name)).toEqual(['code', 'value', 'when', 'flag']);
    expect(Array.from(t.rowNumbers)).toEqual([5, 6]);
    expect(t.readNotes[1]).toBe('The column names are in row 4; the title or notes above them were skipped.');
  });

  it('names the sheets with data when the chosen one is empty', async () => {
    const bytes = await workbook([{ sheet: 'Cover', data: [] }, { sheet: 'Data', data }]);
    await expect(readXlsx(bytesSource(bytes, 'w.xlsx'))).rejects.toMatchObject({
      code: 'empty-sheet', sheets: ['Cover', 'Data'], message: expect.stringContaining('Sheets with data: "Data"'),
    });
  });

  it('refuses a damaged workbook with a message saying what to do', async () => {
    const bytes = (await workbook([{ sheet: 'Data', data }])).slice(0, 300);
    await expect(readXlsx(bytesSource(bytes, 'w.xlsx'))).rejects.toMatchObject({ code: 'corrupt-xlsx', message: expect.stringMatching(/^w\.xlsx: could not be opened.*save it as \.xlsx or CSV/) });
  });
});
