/**
 * Reading numbers the way they appear in NHS and ONS spreadsheets: thousands separators ("29,199"),
 * a trailing %, a leading £ (or € / $), and the usual markers for suppressed or missing values, which are
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
const Ch = { Plus: 43, Minus: 45, Dot: 46, Zero: 48, Nine: 57, E: 69, LowerE: 101 } as const;

function trimCell(s: string): string {
  // NBSP and other Unicode spaces come from copy-pasted web tables
  return s.trim();
}

/**
 * True when `String(value)` gives back exactly `text` (`text` being what `value` was parsed from),
 * decided from the text for the common case — an integer or decimal with at most 15 significant
 * digits, no leading or trailing zeros, between 1e-6 and 1e21 — because a double holds 15 digits
 * exactly and JavaScript prints the shortest digits that read back, in fixed notation in that range.
 */
export function printsBack(text: string, value: number): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === Ch.Minus ? 1 : 0;
  const first = text.charCodeAt(i);
  if (first === Ch.Zero) {
    if (i + 1 === n) return i === 0; // "0" yes, "-0" no
    if (text.charCodeAt(i + 1) !== Ch.Dot) return false; // "007"
  } else if (!(first > Ch.Zero && first <= Ch.Nine)) return String(value) === text;
  let significant = 0;
  let leading = first === Ch.Zero; // zeros after "0." are not significant
  let dot = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === Ch.Dot) {
      if (dot >= 0) return false;
      dot = i;
    } else if (c >= Ch.Zero && c <= Ch.Nine) {
      if (c !== Ch.Zero) leading = false;
      if (!leading) significant++;
    } else return String(value) === text; // exponent: let the printer decide
  }
  if (dot >= 0 && (dot === n - 1 || text.charCodeAt(n - 1) === Ch.Zero)) return false; // "5." or "1.50"
  if (significant > 15 || (value !== 0 && Math.abs(value) < 1e-6)) return String(value) === text;
  return true;
}

/** True for text that is exactly a plain decimal number ("-12.5", "3e4"): most cells of big files. */
function isPlain(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === Ch.Plus || c === Ch.Minus) c = s.charCodeAt(++i);
  let digits = 0;
  while (c >= Ch.Zero && c <= Ch.Nine) {
    c = s.charCodeAt(++i);
    digits++;
  }
  if (c === Ch.Dot) {
    c = s.charCodeAt(++i);
    while (c >= Ch.Zero && c <= Ch.Nine) {
      c = s.charCodeAt(++i);
      digits++;
    }
  }
  if (digits === 0) return false;
  if (c === Ch.E || c === Ch.LowerE) {
    c = s.charCodeAt(++i);
    if (c === Ch.Plus || c === Ch.Minus) c = s.charCodeAt(++i);
    let exp = 0;
    while (c >= Ch.Zero && c <= Ch.Nine) {
      c = s.charCodeAt(++i);
      exp++;
    }
    if (exp === 0) return false;
  }
  return i === n;
}

/** Could a cell starting with this character hold a number? (Letters cannot: most text is rejected here.) */
function mayStartNumber(c: number, s: string): boolean {
  return (c >= Ch.Zero && c <= Ch.Nine) || c === Ch.Minus || c === Ch.Plus || c === Ch.Dot
    || c === 32 || c === 9 || c === 163 /* £ */ || c === 8364 /* € */ || c === 36 /* $ */ || (c > 127 && /\s/.test(s[0]));
}

/**
 * The number a cell holds, or NaN (blank, missing marker or text). A number too large for a double
 * ("1e400") is not a number the atlas can use: NaN too, so it is reported rather than stored.
 */
export function parseCellNumber(text: string, style: NumberStyle = POINT_DECIMALS): number {
  const n = readNumber(text, style);
  return Number.isFinite(n) ? n : NaN;
}

function readNumber(text: string, style: NumberStyle): number {
  if (text.length === 0) return NaN;
  const c0 = text.charCodeAt(0);
  if (!mayStartNumber(c0, text)) return NaN;
  // with decimal commas a dot groups thousands ("1.234" = 1234), so such text is not plain
  const dotGroups = style.decimalComma && text.includes('.');
  if (!dotGroups && isPlain(text)) return +text;
  let s = trimCell(text);
  if (s === '') return NaN;
  if (!dotGroups && PLAIN.test(s)) return Number(s);
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  if (/^-?[£€$]/.test(s)) s = s.replace(/^(-?)[£€$]\s*/, '$1');
  if (style.decimalComma) {
    if (THOUSANDS_DOT.test(s)) s = s.replace(/\./g, '').replace(',', '.');
    else if (DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  } else if (THOUSANDS.test(s)) s = s.replace(/,/g, '');
  return PLAIN.test(s) ? Number(s) : NaN;
}

function isMissingMarker(text: string): boolean {
  const s = trimCell(text);
  return s.length <= 10 && MISSING.has(s.toLowerCase());
}

/** What a cell is, given its text and its numeric reading. */
export function cellKind(text: string, value: number): CellKind {
  if (value === value) return 'number';
  if (text.length === 0 || (text.charCodeAt(0) <= 32 && trimCell(text) === '')) return 'blank';
  return text.length <= 12 && isMissingMarker(text) ? 'missing' : 'text';
}

export function hasPercentSign(text: string): boolean {
  return text.trimEnd().endsWith('%');
}
