/**
 * The unmatched codes as a CSV file to download and fix. Codes come from the user's file, so it is
 * written by the shared CSV writer of every export (lib/csv-write): any text a spreadsheet would run
 * as a formula is neutralised the same way, and a UTF-8 byte order mark makes Excel read it as UTF-8.
 */
import { toCsv } from '../../lib/csv-write';
import type { JoinReport } from './join-report';

export function unmatchedCodesCsv(report: JoinReport): string {
  const rows = (report.join?.unmatched ?? []).map((u) => [
    u.code,
    u.count,
    u.rows.join(' ') + (u.count > u.rows.length ? ' …' : ''),
    u.reason,
    u.detail,
  ]);
  return toCsv(['code', 'rows_with_code', 'row_numbers', 'reason', 'detail'], rows, { bom: true, guardFormulas: true });
}
