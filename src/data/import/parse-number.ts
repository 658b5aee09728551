/**
 * Reading numbers the way they appear in NHS and ONS spreadsheets: thousands separators ("29,199"),
 * a trailing %, a leading £, and the usual markers for suppressed or missing values, which are
 * missing data rather than mistakes.
 */
export type CellKind = 'blank' | 'missing' | 'number' | 'text';

export interface NumberStyle {
  /** "12,5" means twelve and a half (semicolon-separated European exports). */
  decimalComma: boolean;
}

export const POINT_DECIMALS: NumberStyle = { decimalComma: false };

/** Markers published for "no value": suppressed (*, c, x), not available (.., :, NA), Excel's #N/A. */
const MISSING = new Set(['na', 'n/a', '#n/a', 'null', 'nan', '..', '.', ':', '-', '–', '—', '*', '**', 'x', 'c', '~', 'suppressed', 'missing']);

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const THOUSANDS_DOT = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

function trimCell(s: string): string {
  // NBSP and other Unicode spaces come from copy-pasted web tables
  return s.trim();
}

/** The number a cell holds, or NaN (blank, missing marker or text). */
export function parseCellNumber(text: string, style: NumberStyle = POINT_DECIMALS): number {
  let s = trimCell(text);
  if (s === '') return NaN;
  if (PLAIN.test(s)) return Number(s);
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  if (s.startsWith('£')) s = s.slice(1).trimStart();
  else if (s.startsWith('-£')) s = `-${s.slice(2)}`;
  if (style.decimalComma) {
    if (THOUSANDS_DOT.test(s)) s = s.replace(/\./g, '').replace(',', '.');
    else if (DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  } else if (THOUSANDS.test(s)) s = s.replace(/,/g, '');
  return PLAIN.test(s) ? Number(s) : NaN;
}

export function isMissingMarker(text: string): boolean {
  const s = trimCell(text);
  return s.length <= 10 && MISSING.has(s.toLowerCase());
}

/** What a cell is, given its text and its numeric reading. */
export function cellKind(text: string, value: number): CellKind {
  if (!Number.isNaN(value)) return 'number';
  if (trimCell(text) === '') return 'blank';
  return isMissingMarker(text) ? 'missing' : 'text';
}

export function hasPercentSign(text: string): boolean {
  return text.trimEnd().endsWith('%');
}
