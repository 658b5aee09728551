import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { beforeAll, describe, expect, it } from 'vitest';
import { MALICIOUS, shortlistFixture } from './shortlist-fixture';
import { shortlistTable } from './shortlist-table';
import { METHOD_SHEET, SHORTLIST_SHEET, writeShortlistXlsx, xlsxText } from './shortlist-xlsx';

type Sheets = Awaited<ReturnType<typeof readXlsxFile>>;

describe('writeShortlistXlsx', () => {
  const input = shortlistFixture();
  let sheets: Sheets;
  let xml: Record<string, string>;

  beforeAll(async () => {
    const blob = await writeShortlistXlsx(input);
    // trim: false, or the reader itself would strip the leading tab being checked.
    sheets = await readXlsxFile(blob, { trim: false });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    xml = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
  });

  const sheet = (name: string) => {
    const s = sheets.find((x) => x.sheet === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s.data;
  };

  it('has the two sheets, in order', () => {
    expect(sheets.map((s) => s.sheet)).toEqual([SHORTLIST_SHEET, METHOD_SHEET]);
  });

  it('writes the same header and values as the shared table, numbers as number cells', () => {
    const { columns, rows } = shortlistTable(input);
    const [header, ...body] = sheet(SHORTLIST_SHEET);
    expect(header).toEqual(columns.map((c) => c.header));
    expect(body).toHaveLength(rows.length);
    body.forEach((row, i) =>
      row.forEach((cell, j) => {
        const want = rows[i][j];
        // Empty strings are written as empty cells; CR line ends become Excel's LF.
        expect(cell, `row ${i + 1} column ${columns[j].header}`).toEqual(want === '' || want == null ? null : typeof want === 'string' ? xlsxText(want) : want);
      }),
    );
    const change = columns.findIndex((c) => c.key === 'change_pp');
    expect(body.map((r) => r[change])).toEqual([-2.5, 0, 1.3, -12]);
  });

  it('keeps formula-like text as inert text cells, never formulas', () => {
    const [header, ...body] = sheet(SHORTLIST_SHEET);
    const r = body[1];
    expect(r[header.indexOf('Area name')]).toBe(MALICIOUS.name);
    expect(r[header.indexOf("Planner's note")]).toBe(MALICIOUS.note);
    expect(r[header.indexOf('Hotspot class')]).toBe(MALICIOUS.hotspot);
    expect(r[header.indexOf('Conditions met')]).toBe(MALICIOUS.condition);
    expect(r[header.indexOf('Local authority')]).toBe(MALICIOUS.laName);
    expect(r[header.indexOf('ICB')]).toBe('\n=1');
    const sheetXml = Object.entries(xml).filter(([k]) => k.startsWith('xl/worksheets/sheet'));
    expect(sheetXml.length).toBe(2);
    for (const [, text] of sheetXml) expect(text).not.toMatch(/<f[\s>]/);
    // Every cell is either a shared string (t="s") or a bare number: no formula, no inline type.
    let numbers = 0;
    for (const [, text] of sheetXml) {
      for (const m of text.matchAll(/<c ([^>]*)>(.*?)<\/c>/g)) {
        if (/\bt="s"/.test(m[1])) continue;
        expect(m[2]).toMatch(/^<v>-?\d+(\.\d+)?<\/v>$/);
        numbers++;
      }
    }
    expect(numbers).toBeGreaterThan(20);
    expect(xml['xl/sharedStrings.xml']).toContain('<t>=HYPERLINK("http://x","y")</t>');
  });

  it('freezes the header and the area columns, and sets column widths', () => {
    const s1 = xml['xl/worksheets/sheet1.xml'];
    expect(s1).toMatch(/<pane [^>]*state="frozen"/);
    expect(s1).toMatch(/ySplit="1"/);
    expect(s1).toMatch(/xSplit="3"/);
    const widths = [...s1.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths.length).toBe(shortlistTable(input).columns.length);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(6);
    expect(xml['xl/worksheets/sheet2.xml']).toMatch(/state="frozen"/);
  });

  it('formats numbers to the column decimals', () => {
    expect(xml['xl/styles.xml']).toContain('formatCode="#,##0.0"');
    expect(xml['xl/styles.xml']).toContain('formatCode="#,##0.00"');
  });

  it('writes the method and sources sheet as Section / Item / Value rows', () => {
    const [header, ...rows] = sheet(METHOD_SHEET);
    expect(header).toEqual(['Section', 'Item', 'Value']);
    expect(rows).toContainEqual(['Export', 'Title', input.title]);
    expect(rows).toContainEqual(['Export', 'Share link', input.provenance.shareUrl]);
    expect(rows).toContainEqual(['Selection', 'Share of focus region', '0.8% of 2,870,000 NHS Testshire ICB residents']);
    expect(rows).toContainEqual(['Method', 'Step 2', input.provenance.method[1]]);
    expect(rows).toContainEqual(['Parameters', 'Seed', '-42']);
    expect(rows.filter((r) => r[0] === 'Data sources').map((r) => r[1])).toEqual(['Synthetic Lifestyle Survey', 'Synthetic Deprivation Index']);
  });
});

describe('xlsxText', () => {
  it('normalises line ends and truncates what Excel cannot hold', () => {
    expect(xlsxText('a\r\nb\rc')).toBe('a\nb\nc');
    const long = xlsxText('x'.repeat(40000));
    expect(long.length).toBe(32767);
    expect(long.endsWith('…')).toBe(true);
  });
});
