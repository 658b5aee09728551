/**
 * The unmatched codes as a CSV file to download and fix. Codes come from the user's file, so any
 * cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed
 * with an apostrophe, so spreadsheets take it as text (OWASP's advice on CSV injection).
 */
import { toCsv } from '../../lib/csv-write';
import type { JoinReport } from './join-report';

function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function unmatchedCodesCsv(report: JoinReport): string {
  const rows = (report.join?.unmatched ?? []).map((u) => [
    neutraliseFormula(u.code),
    u.count,
    u.rows.join(' ') + (u.count > u.rows.length ? ' …' : ''),
    u.reason,
    neutraliseFormula(u.detail),
  ]);
  return toCsv(['code', 'rows_with_code', 'row_numbers', 'reason', 'detail'], rows);
}
