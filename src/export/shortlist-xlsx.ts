/**
 * Excel workbook: a "Shortlist" sheet (typed number cells, frozen header and area columns, widths
 * from the content) and a "Method and sources" sheet.
 *
 * Formula injection: every string is written as an explicit `type: String` cell, which
 * write-excel-file stores in the shared-strings table (`t="s"`). Excel never evaluates those on
 * opening, so the text is kept exactly as given (no quote prefix, which in xlsx would show as a
 * visible apostrophe); a cell becomes a formula only with `type: 'Formula'`, never used here.
 */
import writeXlsxFile from 'write-excel-file/universal';
import type { Cell, CellObject, SheetData } from 'write-excel-file/universal';
import { provenanceRows } from './provenance';
import { REACH_HEADER, reachRows } from './reach-profile-text';
import { PRACTICE_HEADER, practiceTableRows } from './shortlist-practices';
import { shortlistTable, type TableCell, type TableColumn } from './shortlist-table';
import type { ShortlistExport } from './types';

export const SHORTLIST_SHEET = 'Shortlist';
export const METHOD_SHEET = 'Method and sources';
const REACH_SHEET = 'Who it reaches';
const PRACTICES_SHEET = 'Practices and PCNs';

/** Excel refuses cells longer than this ("file is corrupt"), so longer untrusted text is cut. */
const MAX_CELL_CHARS = 32767;

const HEADER_STYLE = {
  fontWeight: 'bold',
  wrap: true,
  alignVertical: 'top',
  backgroundColor: '#E7EDF3',
  bottomBorderStyle: 'thin',
} as const;

/**
 * Text as Excel stores it: CR LF and lone CR become LF (XML would fold a bare CR anyway, and LF is
 * Excel's in-cell line break); over-long text is truncated.
 */
export function xlsxText(s: string): string {
  const t = s.replace(/\r\n?/g, '\n');
  return t.length > MAX_CELL_CHARS ? `${t.slice(0, MAX_CELL_CHARS - 1)}…` : t;
}

/** Free-text columns that can run long: wrapped in a fixed width instead of widening the sheet. */
const WRAPPED = new Set(['conditions_met', 'value_notes', 'note']);

const textCell = (s: string | null, wrap = false): Cell =>
  s == null || s === '' ? null : { type: String, value: xlsxText(s), ...(wrap ? { wrap: true, alignVertical: 'top' } : {}) };

function numberFormat(c: TableColumn): string {
  if (c.key === 'rank') return '0';
  return c.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(c.decimals)}`;
}

function bodyCell(c: TableColumn, v: TableCell): Cell {
  if (c.kind === 'number') {
    return typeof v === 'number' && Number.isFinite(v) ? { type: Number, value: v, format: numberFormat(c) } : null;
  }
  return textCell(v == null ? null : String(v), WRAPPED.has(c.key));
}

/** Width in characters: fits the longest value, but headers wrap, so only their longest word counts. */
function columnWidth(c: TableColumn, rows: readonly TableCell[][], index: number): number {
  if (WRAPPED.has(c.key)) return 40;
  const headerWord = Math.max(...c.header.split(/\s+/).map((w) => w.length), Math.min(c.header.length, 14));
  let longest = headerWord;
  for (const r of rows) {
    const v = r[index];
    const len = typeof v === 'number' ? v.toLocaleString('en-GB').length + 1 : (v ?? '').length;
    if (len > longest) longest = len;
  }
  return Math.min(50, Math.max(6, longest + 2));
}

function header(labels: readonly string[]): CellObject[] {
  return labels.map((l) => ({ type: String, value: xlsxText(l), ...HEADER_STYLE }));
}

export async function writeShortlistXlsx(input: ShortlistExport): Promise<Blob> {
  const { columns, rows } = shortlistTable(input);
  const shortlist: SheetData = [header(columns.map((c) => c.header)), ...rows.map((r) => columns.map((c, i) => bodyCell(c, r[i])))];
  const method: SheetData = [
    header(['Section', 'Item', 'Value']),
    ...provenanceRows(input).map((r) => [textCell(r.section), textCell(r.item, true), textCell(r.value, true)]),
  ];
  const reach: SheetData | null = input.reach
    ? [header([...REACH_HEADER]), ...reachRows(input.reach).map((r) => r.map((v) => (typeof v === 'number' ? { type: Number, value: v } : textCell(v))))]
    : null;
  const practices: SheetData | null = input.practices?.length
    ? [header([...PRACTICE_HEADER]), ...practiceTableRows(input.practices).map((r) => r.map((v) => (typeof v === 'number' ? { type: Number, value: v } : textCell(v))))]
    : null;
  return writeXlsxFile([
    {
      sheet: SHORTLIST_SHEET,
      data: shortlist,
      columns: columns.map((c, i) => ({ width: columnWidth(c, rows, i) })),
      // Header row plus rank, code and name stay in view while scrolling wide indicator columns.
      stickyRowsCount: 1,
      stickyColumnsCount: 3,
    },
    { sheet: METHOD_SHEET, data: method, columns: [{ width: 16 }, { width: 32 }, { width: 100 }], stickyRowsCount: 1 },
    ...(reach ? [{ sheet: REACH_SHEET, data: reach, columns: [{ width: 28 }, { width: 40 }, { width: 30 }, { width: 40 }, { width: 12 }, { width: 10 }, { width: 12 }, { width: 12 }, { width: 10 }], stickyRowsCount: 1 }] : []),
    ...(practices ? [{ sheet: PRACTICES_SHEET, data: practices, columns: [{ width: 12 }, { width: 12 }, { width: 40 }, { width: 10 }, { width: 40 }, { width: 10 }, { width: 11 }, { width: 11 }], stickyRowsCount: 1 }] : []),
  ]).toBlob();
}
