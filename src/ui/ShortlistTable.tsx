/**
 * The shortlist as a table: one row per area in the planner's order (the rank), sortable by any
 * column, with a note field and move / remove buttons on each row. Everything is a native button or
 * input with a label naming the area, so it works from the keyboard and with a screen reader. Long
 * lists render only the rows in view. Every cell is text: names and notes may come from a link.
 */
import { useMemo, useState } from 'react';

export interface ShortlistTableColumn {
  key: string;
  label: string;
  numeric: boolean;
}

export interface ShortlistTableRow {
  code: string;
  name: string;
  /** Display text per column (the note column is the row's note field instead). */
  cells: string[];
  /** Sort key per column: a number (NaN last) or text. */
  sort: (number | string)[];
  note: string;
}

export interface ShortlistTableProps {
  caption: string;
  columns: ShortlistTableColumn[];
  rows: ShortlistTableRow[];
  onMove(code: string, delta: number): void;
  onRemove(code: string): void;
  onNote(code: string, note: string): void;
  onSelect(code: string): void;
  /** Makes the shown order the ranking. */
  onApplyOrder(codes: string[]): void;
}

const ROW_HEIGHT = 38;
const VISIBLE = 12;
/** Below this many rows every row is rendered (nothing to gain from windowing). */
const WINDOW_FROM = 60;

function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) !== Number.isNaN(b)) return Number.isNaN(a) ? 1 : -1;
    return a - b;
  }
  return String(a).localeCompare(String(b), 'en-GB');
}

export function ShortlistTable(p: ShortlistTableProps) {
  // null: the planner's order (rank), which is also what reordering changes.
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | null>(null);
  const [top, setTop] = useState(0);
  const sorted = useMemo(() => {
    if (!sort) return p.rows;
    return [...p.rows].sort((a, b) => {
      const c = compare(a.sort[sort.col], b.sort[sort.col]);
      return typeof a.sort[sort.col] === 'number' && (Number.isNaN(a.sort[sort.col]) || Number.isNaN(b.sort[sort.col])) ? c : c * sort.dir;
    });
  }, [p.rows, sort]);
  const windowed = sorted.length >= WINDOW_FROM;
  const first = windowed ? Math.max(0, Math.floor(top / ROW_HEIGHT) - 4) : 0;
  const slice = windowed ? sorted.slice(first, first + VISIBLE + 8) : sorted;
  const byRank = sort === null || (sort.col === 0 && sort.dir === 1);
  const sortBy = (i: number) => setSort((s) => (i === 0 && s?.col === 0 && s.dir === 1 ? { col: 0, dir: -1 } : i === 0 && (s === null || s.col === 0) ? null : { col: i, dir: s?.col === i ? (-s.dir as 1 | -1) : 1 }));
  const ariaSort = (i: number) => (sort === null ? (i === 0 ? 'ascending' : 'none') : sort.col === i ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none');

  return (
    <div className="shortlist-table" data-testid="shortlist-table">
      <div className="shortlist-table-scroll" tabIndex={0} role="region" aria-label={`${p.caption} (scrollable)`}
        style={windowed ? { height: ROW_HEIGHT * (VISIBLE + 1) + 6 } : undefined} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
        <table aria-rowcount={sorted.length + 1}>
          <caption className="visually-hidden">{p.caption}</caption>
          <thead>
            <tr aria-rowindex={1}>
              {p.columns.map((c, i) => (
                <th key={c.key} scope="col" aria-sort={ariaSort(i)} className={c.numeric ? 'num' : undefined}>
                  <button type="button" onClick={() => sortBy(i)}>
                    {c.label}
                    <span aria-hidden="true">{ariaSort(i) === 'ascending' ? ' ▲' : ariaSort(i) === 'descending' ? ' ▼' : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">Note</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {windowed && <tr style={{ height: first * ROW_HEIGHT }} aria-hidden="true" />}
            {slice.map((r, k) => {
              const pos = p.rows.indexOf(r);
              return (
                <tr key={r.code} aria-rowindex={first + k + 2} style={windowed ? { height: ROW_HEIGHT } : undefined} data-code={r.code}>
                  {r.cells.map((cell, i) => (
                    <td key={i} className={p.columns[i].numeric ? 'num' : undefined}>
                      {p.columns[i].key === 'name' ? <button type="button" className="link-button" onClick={() => p.onSelect(r.code)}>{cell}</button> : cell}
                    </td>
                  ))}
                  <td className="note-cell">
                    <input type="text" value={r.note} maxLength={500} aria-label={`Note for ${r.name}`} onChange={(e) => p.onNote(r.code, e.target.value)} />
                  </td>
                  <td className="row-actions">
                    <button type="button" className="icon-button" aria-label={`Move ${r.name} up`} disabled={!byRank || pos === 0} onClick={() => p.onMove(r.code, -1)}>↑</button>
                    <button type="button" className="icon-button" aria-label={`Move ${r.name} down`} disabled={!byRank || pos === p.rows.length - 1} onClick={() => p.onMove(r.code, 1)}>↓</button>
                    <button type="button" className="icon-button" aria-label={`Remove ${r.name}`} onClick={() => p.onRemove(r.code)}>×</button>
                  </td>
                </tr>
              );
            })}
            {windowed && <tr style={{ height: Math.max(0, (sorted.length - first - slice.length) * ROW_HEIGHT) }} aria-hidden="true" />}
          </tbody>
        </table>
      </div>
      {!byRank && (
        <p className="hint">
          Sorted by {p.columns[sort.col].label}. Moving rows works in rank order.{' '}
          <button type="button" onClick={() => { p.onApplyOrder(sorted.map((r) => r.code)); setSort(null); }}>Make this order the ranking</button>
        </p>
      )}
    </div>
  );
}
