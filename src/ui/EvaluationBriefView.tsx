/**
 * The printable evaluation brief: hidden on screen; the print stylesheet shows only this page, so
 * the browser's "Save as PDF" gives the brief. Every string is rendered as text.
 */
import type { EvaluationBrief } from '../export/evaluation-brief';
import { formatNumber } from '../export/format-value';
import { BalanceTable } from './BalanceTable';
import { EventStudyChart } from './EventStudyChart';

export function EvaluationBriefView({ brief }: { brief: EvaluationBrief }) {
  const fmt = (v: number) => formatNumber(v, brief.chart.decimals).replace('-', '−');
  return (
    <article className="print-brief evaluation-brief" data-testid="evaluation-brief" aria-hidden="true">
      <header>
        <h1>{brief.title}</h1>
        <p>{brief.subtitle}</p>
      </header>
      <p className="brief-sentence">{brief.sentence}</p>
      <ul className="print-summary">{brief.facts.map((s) => <li key={s}>{s}</li>)}</ul>
      <table className="print-table">
        <thead><tr>{brief.groups.columns.map((c, i) => <th key={c} className={i ? 'num' : undefined}>{c}</th>)}</tr></thead>
        <tbody>{brief.groups.rows.map((r) => <tr key={r[0]}>{r.map((c, i) => <td key={i} className={i ? 'num' : undefined}>{c}</td>)}</tr>)}</tbody>
      </table>
      <ul className="brief-estimates">{brief.estimates.map((s) => <li key={s}>{s}</li>)}</ul>
      <div className="brief-columns">
        <EventStudyChart title="Difference between the groups in each period" points={brief.chart.points} format={fmt} unit={brief.chart.unit} width={300} />
        <BalanceTable rows={brief.balance} matched={brief.matched} />
      </div>
      {brief.warnings.length > 0 && (
        <section className="brief-warnings"><h2>Warnings</h2><ul>{brief.warnings.map((w) => <li key={w}>{w}</li>)}</ul></section>
      )}
      <section className="print-method">
        {brief.method.map((s) => (
          <div key={s.heading}>
            <h2>{s.heading}</h2>
            <dl>{s.rows.map((r, i) => <div key={i}><dt>{r.item}</dt><dd>{r.value}</dd></div>)}</dl>
          </div>
        ))}
        <div>
          <h2>What this cannot show</h2>
          <ul>{brief.limits.map((l) => <li key={l}>{l}</li>)}</ul>
        </div>
      </section>
      <footer>
        {brief.shareUrl && <p className="print-link">Open these settings: {brief.shareUrl} (the link carries the settings, not your data)</p>}
        <p>{brief.footer}</p>
      </footer>
    </article>
  );
}
