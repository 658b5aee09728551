/** The Practices tab: a QOF register's funnel plot across England's practices and the practices outside its 99.8 % limits. */
import { useEffect, useState } from 'react';
import { PRACTICE_MEASURES } from '../../data/catalogue/practice-measures';
import { loadPracticeFunnel, type PracticeFunnel } from '../../data/practice-funnel';
import type { QueryRunner } from '../../data/query-runner';
import { FunnelPlot, positionWords } from '../../ui/FunnelPlot';
import { Select } from '../../ui/Select';
import './practices.css';

const REGISTERS = PRACTICE_MEASURES.filter((m) => m.kind === 'proportion');
const SHOWN = 100;
const pct = (v: number) => `${v.toFixed(2)}%`;

/**
 * The register and the picked practice live in the view state (practice-view.ts): the map colours its
 * practices by the same register, and picking a practice here (click or Enter on the plot, or its
 * name in the table) selects it on the map, flies there and opens its profile.
 */
export function PracticesPanel({ queries, measure, selected: picked, onMeasure, onPick }: { queries: QueryRunner; measure: string; selected: string | null; onMeasure(id: string): void; onPick(code: string): void }) {
  const [funnel, setFunnel] = useState<PracticeFunnel | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    loadPracticeFunnel(queries, measure).then((f) => { if (live) setFunnel(f); }, (e: unknown) => { if (live) setError(e instanceof Error ? e : new Error(String(e))); });
    return () => { live = false; };
  }, [queries, measure]);
  const m = REGISTERS.find((r) => r.id === measure) ?? REGISTERS[0];
  const ready = funnel?.measureId === measure ? funnel : null;
  const outliers = ready ? ready.points.filter((p) => Math.abs(p.position) === 2).sort((a, b) => b.denominator - a.denominator) : [];
  const chosen = ready?.points.find((p) => p.code === picked) ?? null;
  return (
    <div className="practices-panel" data-testid="practices-panel">
      <p className="hint">GP practices of QOF 2022-23. Registers are recorded prevalence: context, not better or worse (they reflect case-finding and coding as well as disease).</p>
      <Select label="Register (share of the practice list)" value={measure} testId="funnel-measure" onChange={onMeasure}
        options={REGISTERS.map((r) => ({ value: r.id, label: r.short }))} />
      {error && <p className="notice-inline" role="alert">The funnel plot could not be computed: {error.message}. Try another register, or reload the page.</p>}
      {!ready && !error && <p className="hint" role="status">Computing the funnel plot…</p>}
      {ready && (
        <>
          <FunnelPlot title={`${m.short}: ${ready.points.length.toLocaleString('en-GB')} practices against England (${pct(ready.target)})`}
            points={ready.points} curve={ready.curve} target={ready.target} format={pct} xLabel="practice list" onPick={onPick} />
          <p className="hint">Limits: exact binomial around England's value (Spiegelhalter's interpolation), 95 % and 99.8 %. With many practices, some lie outside the 95 % limits by chance alone (about 1 in 20); the 99.8 % limits are the ones to act on. Large lists make even small differences significant.</p>
          {chosen && <p data-testid="funnel-picked"><strong>{chosen.name}</strong> ({chosen.code}{chosen.pcn ? `, ${chosen.pcn}` : ''}): {pct(chosen.value)}, {chosen.numerator.toLocaleString('en-GB')} of {chosen.denominator.toLocaleString('en-GB')} patients; {positionWords(chosen.position)}.</p>}
          {ready.left.length > 0 && <p className="hint">{ready.left.length} practice{ready.left.length === 1 ? '' : 's'} left out: no list, or a register larger than its list ({ready.left.slice(0, 3).map((r) => r.code).join(', ')}).</p>}
          {outliers.length > 0.01 * ready.points.length && (
            <p className="notice-inline" data-testid="funnel-overdispersion">{`${Math.round((100 * outliers.length) / ready.points.length)} % of practices lie outside the 99.8 % limits, where chance alone would put 0.2 %: practices differ far more than sampling variation (list age, deprivation, case-finding and coding). These limits show chance variation only; they are not adjusted for that overdispersion, so being outside them is a reason to look, not a verdict.`}</p>
          )}
          <h3 id="funnel-outliers-title">Outside the 99.8 % limits: {outliers.length.toLocaleString('en-GB')} practices</h3>
          <div className="funnel-outliers" tabIndex={0} role="region" aria-labelledby="funnel-outliers-title">
            <table data-testid="funnel-outliers">
              <caption className="visually-hidden">Practices outside the 99.8 % limits, largest lists first{outliers.length > SHOWN ? ` (first ${SHOWN})` : ''}</caption>
              <thead><tr><th scope="col">Practice</th><th scope="col">Code</th><th scope="col" className="num">Share</th><th scope="col" className="num">List</th><th scope="col">Against England</th></tr></thead>
              <tbody>
                {outliers.slice(0, SHOWN).map((o) => (
                  <tr key={o.code}><th scope="row"><button type="button" className="link-button" onClick={() => onPick(o.code)}>{o.name}</button></th><td>{o.code}</td><td className="num">{pct(o.value)}</td><td className="num">{o.denominator.toLocaleString('en-GB')}</td><td>{o.position > 0 ? 'above' : 'below'}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          {outliers.length > SHOWN && <p className="hint">The {SHOWN} with the largest lists are shown; <code>npm run -s atlas -- export --level practice</code> gives every practice with its numerator and denominator.</p>}
        </>
      )}
    </div>
  );
}
