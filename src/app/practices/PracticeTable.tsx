/**
 * GP practices as a table (the map's practices for people who cannot use the map): filter by name,
 * ODS code or PCN; each practice name is a button that selects it (the map flies there and its profile
 * opens), each PCN a button that highlights its practices. Rows follow the map's register.
 */
import { useId, useMemo, useState } from 'react';
import type { PracticeValue } from '../../data/practice-data';
import { formatCount, formatNumber } from '../../ui/format';

const SHOWN = 200;

export function PracticeTable(p: { rows: PracticeValue[]; lists: ReadonlyMap<string, number>; measure: string; selected: string | null; onSelect(code: string): void; onPcn(code: string): void }) {
  const [filter, setFilter] = useState('');
  const id = useId();
  const matches = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const rows = f ? p.rows.filter((r) => r.code.toLowerCase().includes(f) || r.name.toLowerCase().includes(f) || (r.pcnName ?? '').toLowerCase().includes(f) || (r.pcn ?? '').toLowerCase() === f) : p.rows;
    return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }, [p.rows, filter]);
  return (
    <div className="practice-table-wrap" data-testid="practice-table">
      <div className="field">
        <label htmlFor={`${id}-filter`}>Find a practice (name, ODS code or PCN)</label>
        <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="practice-filter" />
      </div>
      <p className="hint" role="status">{`${formatCount(matches.length)} of ${formatCount(p.rows.length)} practices${matches.length > SHOWN ? `; the first ${SHOWN} by name are listed, narrow the search to see others` : ''}.`}</p>
      <table className="practice-table">
        <caption className="visually-hidden">GP practices with {p.measure}, 95 % interval and list size</caption>
        <thead><tr><th scope="col">Practice</th><th scope="col">ODS code</th><th scope="col">PCN</th><th scope="col" className="num">{p.measure}</th><th scope="col" className="num">95 % interval</th><th scope="col" className="num">List size</th></tr></thead>
        <tbody>
          {matches.slice(0, SHOWN).map((r) => (
            <tr key={r.code} aria-selected={r.code === p.selected}>
              <th scope="row"><button type="button" className="link-button" onClick={() => p.onSelect(r.code)}>{r.name}</button>{r.lon === null ? ' (no location)' : ''}</th>
              <td>{r.code}</td>
              <td>{r.pcn ? <button type="button" className="link-button" onClick={() => p.onPcn(r.pcn!)}>{r.pcnName ?? r.pcn}</button> : 'no PCN'}</td>
              <td className="num">{r.value === null ? 'no value' : `${formatNumber(r.value, 2)} %`}</td>
              <td className="num">{r.lower === null || r.upper === null ? '–' : `${formatNumber(r.lower, 2)} to ${formatNumber(r.upper, 2)}`}</td>
              <td className="num">{formatCount(p.lists.get(r.code) ?? Number.NaN)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
