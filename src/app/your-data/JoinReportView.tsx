/**
 * The join report, shown before anything is added: rows read and matched, codes that did not join
 * (listed, downloadable), repeated codes, cells that are not numbers or out of range, and the
 * geography and year recognised from the codes. Every code and message is plain text.
 */
import type { JoinReport } from '../../data/import/join-report';
import { unmatchedCodesCsv } from '../../data/import/unmatched-codes-csv';
import { downloadBlob } from '../../export/download';

const n = (k: number) => k.toLocaleString('en-GB');
const LISTED = 30;
const SEVERITY = { error: 'Problem', warning: 'Warning', info: 'Note' } as const;

/** A download name made from a user's file name: letters, digits, dots, dashes and underscores only. */
const safeFileStem = (name: string) => (name.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_').slice(0, 60) || 'file');

export function JoinReportView({ report }: { report: JoinReport }) {
  const c = report.counts;
  const key = report.key;
  const unmatched = report.join?.unmatched ?? [];
  const merged = report.join?.merged ?? [];
  const rows: [string, string, string][] = [
    ['rows-read', 'Rows read', n(c.rowsRead)],
    ['rows-matched', 'Rows matched to an area', n(c.rowsMatched)],
    ['areas-matched', 'Areas matched', `${n(c.distinctMatched)} of ${n(c.distinctCodes)} distinct codes`],
    ['unmatched', 'Codes not matched', `${n(c.unmatchedCodes)} (${n(c.rowsUnmatched)} rows)`],
    ['duplicates', 'Codes on more than one row', n(c.duplicateCodes)],
    ['blank', 'Rows without a code', n(c.rowsBlankKey)],
    ['outside', 'Rows outside England or totals', n(c.rowsOutsideEngland + c.rowsAggregate)],
    ['non-numeric', 'Cells that are not numbers', n(c.nonNumericCells)],
    ['out-of-range', 'Values out of range', n(c.outOfRangeCells)],
  ];
  return (
    <section className="join-report" aria-labelledby="yd-report-h" data-testid="yd-report" data-status={report.status}>
      <h3 id="yd-report-h">Join report</h3>
      <p className={`yd-status yd-status-${report.status}`} role="status">
        {report.status === 'blocked' ? 'This file cannot be added yet: see the problems below.'
          : report.status === 'ready-with-warnings' ? 'Ready to add, with warnings below.' : 'Ready to add.'}
      </p>
      {key && (
        <p data-testid="yd-report-vintage">
          {key.note}
          {key.vintageMatches.length > 1 && ` Codes found per year: ${key.vintageMatches.map((m) => `${m.label} ${n(m.matched)}`).join(', ')}.`}
        </p>
      )}
      <table className="yd-counts">
        <tbody>
          {rows.map(([id, label, value]) => (
            <tr key={id}><th scope="row">{label}</th><td data-testid={`yd-report-${id}`}>{value}</td></tr>
          ))}
        </tbody>
      </table>
      {unmatched.length > 0 && (
        <details data-testid="yd-unmatched">
          <summary>Codes not matched ({n(unmatched.length)})</summary>
          <ul className="yd-codes">
            {unmatched.slice(0, LISTED).map((u) => (
              <li key={u.code}><code>{u.code}</code> ({n(u.count)} row{u.count === 1 ? '' : 's'}): {u.detail}</li>
            ))}
          </ul>
          {unmatched.length > LISTED && <p className="hint">and {n(unmatched.length - LISTED)} more in the download.</p>}
        </details>
      )}
      {merged.length > 0 && (
        <details data-testid="yd-merged">
          <summary>Merged councils: whose rows make each one ({n(merged.length)})</summary>
          <ul className="yd-codes">
            {merged.map((m) => <li key={m.to}>{m.label}</li>)}
          </ul>
          <p className="hint">Counts are added up; rates with a numerator and a denominator are recomputed from the sums; other values are averaged by the weight chosen above (by default each former district&apos;s Census 2021 residents).</p>
        </details>
      )}
      {unmatched.length > 0 && (
        <button type="button" data-testid="yd-download-unmatched"
          onClick={() => downloadBlob(new Blob([unmatchedCodesCsv(report)], { type: 'text/csv;charset=utf-8' }), `${safeFileStem(report.file)}-unmatched-codes.csv`)}>
          Download unmatched codes (CSV)
        </button>
      )}
      {report.issues.length > 0 && (
        <ul className="yd-issues" aria-label="Problems and notes">
          {report.issues.map((i, k) => (
            <li key={k} className={`yd-issue yd-issue-${i.severity}`}><strong>{SEVERITY[i.severity]}: </strong>{i.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
