/** RFC 4180 CSV text: fields quoted when they hold a comma, quote, CR or LF; CRLF line ends. */
export type Cell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark: without it Excel reads the file as Windows-1252. */
  bom?: boolean;
  /** Neutralise string cells a spreadsheet would run as a formula (see `neutraliseFormula`). */
  guardFormulas?: boolean;
}

/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP CSV
 * injection; ASVS 1.2.10 adds NUL). The full-width forms cost nothing to include: no English
 * place name starts with them, and some spreadsheet locales fold them to their ASCII forms.
 */
const TRIGGER = /^[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Spreadsheets may skip leading blanks before deciding, so " =1+1" is guarded too. */
const TRIGGER_AFTER_BLANKS = /^[\s\u200B]+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Prefixes a single quote to a string a spreadsheet would evaluate, so it shows as the same text.
 * Only strings are guarded: a JS number is written by `String(n)`, which can only produce a plain
 * decimal (a leading '-' there is a genuine negative number and must stay numeric).
 */
export function neutraliseFormula(s: string): string {
  return TRIGGER.test(s) || TRIGGER_AFTER_BLANKS.test(s) ? `'${s}` : s;
}

function csvField(v: Cell): string {
  if (v == null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>, options: CsvOptions = {}): string {
  const g = options.guardFormulas ?? false;
  const field = (v: Cell) => csvField(g && typeof v === 'string' ? neutraliseFormula(v) : v);
  const line = (r: readonly Cell[]) => r.map(field).join(',');
  const lines = [line(header)];
  for (const r of rows) lines.push(line(r));
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
