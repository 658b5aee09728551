/**
 * The evaluation's results on screen: the sentence, the change in each group, the estimates, the
 * per-period chart (with its table), the balance table, warnings, the method and what it cannot
 * show, and the exports. Lays out the same model as the printable brief, so screen and paper agree.
 */
import type { EvaluationBrief } from '../export/evaluation-brief';
import { formatNumber } from '../export/format-value';
import { BalanceTable } from './BalanceTable';
import { EventStudyChart } from './EventStudyChart';

export type EvaluationExport = 'panel-csv' | 'estimates-json' | 'estimates-csv' | 'brief';

export interface EvaluationResultsProps {
  brief: EvaluationBrief;
  /** True while the result shown belongs to earlier settings (a new run is computing or failed). */
  stale: boolean;
  onExport(kind: EvaluationExport): void;
  status: string;
}

export function EvaluationResults({ brief, stale, onExport, status }: EvaluationResultsProps) {
  const fmt = (v: number) => formatNumber(v, brief.chart.decimals).replace('-', '−');
  return (
    <section className="evaluation-results" aria-labelledby="ev-results-title" data-testid="evaluation-results" data-stale={stale ? 'true' : 'false'}>
      <h3 id="ev-results-title">Result{stale ? ' (for the previous settings)' : ''}</h3>
      <p className="ev-sentence" data-testid="ev-sentence">{brief.sentence}</p>
      <ul className="ev-facts">{brief.facts.map((f) => <li key={f}>{f}</li>)}</ul>
      {brief.warnings.length > 0 && (
        <div className="ev-warnings" role="note" aria-label="Warnings" data-testid="ev-warnings">
          <h4>Read before using this result</h4>
          <ul>{brief.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Change in each group (scrollable)">
        <table className="ev-groups" data-testid="ev-groups">
          <caption>Change in each group (weighted means of the areas’ window means)</caption>
          <thead><tr>{brief.groups.columns.map((c, i) => <th key={c} scope="col" className={i ? 'num' : undefined}>{c}</th>)}</tr></thead>
          <tbody>{brief.groups.rows.map((r) => <tr key={r[0]}>{r.map((c, i) => (i ? <td key={i} className="num">{c}</td> : <th key={i} scope="row">{c}</th>))}</tr>)}</tbody>
        </table>
      </div>
      <ul className="ev-estimates" data-testid="ev-estimates">{brief.estimates.map((s) => <li key={s}>{s}</li>)}</ul>
      <EventStudyChart title="Difference between the groups in each period" points={brief.chart.points} format={fmt} unit={brief.chart.unit} />
      <BalanceTable rows={brief.balance} matched={brief.matched} />
      <details className="ev-method">
        <summary>How this was computed</summary>
        {brief.method.map((s) => (
          <div key={s.heading}>
            <h4>{s.heading}</h4>
            <dl>{s.rows.map((r, i) => <div key={i}><dt>{r.item}</dt><dd>{r.value}</dd></div>)}</dl>
          </div>
        ))}
      </details>
      <details className="ev-limits" open>
        <summary>What this cannot show</summary>
        <ul>{brief.limits.map((l) => <li key={l}>{l}</li>)}</ul>
      </details>
      <div className="ev-exports">
        <h4>Take it away</h4>
        <div className="button-row">
          <button type="button" onClick={() => onExport('panel-csv')} data-testid="ev-export-panel">Panel CSV (areas, periods, groups, weights)</button>
          <button type="button" onClick={() => onExport('estimates-json')} data-testid="ev-export-json">Estimates (JSON)</button>
          <button type="button" onClick={() => onExport('estimates-csv')} data-testid="ev-export-csv">Estimates (CSV)</button>
          <button type="button" onClick={() => onExport('brief')} data-testid="ev-export-brief">Evaluation brief (print or PDF)</button>
        </div>
        {status && <p className="hint" role="status" data-testid="ev-export-status">{status}</p>}
      </div>
    </section>
  );
}
