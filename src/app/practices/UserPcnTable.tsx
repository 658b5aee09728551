/**
 * A user's practice file's share by Primary Care Network: each PCN's numerator and denominator are
 * the sums over its practices in the file (never a mean of practice rates), with a Wilson 95 % interval.
 */
import { useEffect, useState } from 'react';
import type { UserPracticeMeasure } from '../../data/import/user-practice-measures';
import { loadUserPracticeValues, type PracticeValue } from '../../data/practice-data';
import type { QueryRunner } from '../../data/query-runner';

const n = (v: number | null) => (v === null ? '–' : v.toLocaleString('en-GB'));
const p2 = (v: number | null) => (v === null ? '–' : v.toFixed(2));

export function UserPcnTable({ queries, measure }: { queries: QueryRunner; measure: UserPracticeMeasure }) {
  const [rows, setRows] = useState<{ id: string; pcns: PracticeValue[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    loadUserPracticeValues(queries, measure.rate, 'pcn').then((pcns) => { if (live) setRows({ id: measure.id, pcns }); }, (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [queries, measure]);
  if (error) return <p className="notice-inline" role="alert">The PCN values could not be computed: {error}.</p>;
  const pcns = rows?.id === measure.id ? rows.pcns : null;
  if (!pcns) return <p className="hint" role="status">Summing practices by PCN…</p>;
  return (
    <>
      <h3 id="funnel-pcns-title">By Primary Care Network: {pcns.length.toLocaleString('en-GB')} PCNs</h3>
      <div className="funnel-outliers" tabIndex={0} role="region" aria-labelledby="funnel-pcns-title">
        <table data-testid="funnel-user-pcns">
          <caption className="visually-hidden">{measure.label} by PCN: sums of its practices in the file</caption>
          <thead><tr><th scope="col">PCN</th><th scope="col">Code</th><th scope="col" className="num">Practices</th><th scope="col" className="num">Numerator</th><th scope="col" className="num">Denominator</th><th scope="col" className="num">Share %</th><th scope="col" className="num">95 % interval</th></tr></thead>
          <tbody>
            {pcns.map((r) => (
              <tr key={r.code}><th scope="row">{r.name}</th><td>{r.code}</td><td className="num">{r.practices}</td><td className="num">{n(r.numerator)}</td><td className="num">{n(r.denominator)}</td><td className="num">{p2(r.value)}</td><td className="num">{`${p2(r.lower)} to ${p2(r.upper)}`}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">A PCN adds up the numerators and denominators of its practices in your file (QOF 2022-23 membership); practices without a PCN are in the funnel only.</p>
    </>
  );
}
