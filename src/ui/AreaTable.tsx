/**
 * The map as a table, for anyone who cannot use the map: every area in view with its value, rank and
 * class. Sortable by any column; only the rows in view are rendered, so 33,755 LSOAs stay fast.
 */
import { useMemo, useState } from 'react';

export interface TableColumn {
  key: string;
  label: string;
  numeric: boolean;
}

export interface TableModel {
  caption: string;
  columns: TableColumn[];
  /** Cell text per row, and a sort key per numeric column (NaN sorts last). */
  rows: { id: string; cells: string[]; sort: number[] }[];
}

const ROW_HEIGHT = 30;
/** Rows rendered around the scroll position: enough for the tallest scroll box (the drawer at 75 % of a tall screen). */
const VISIBLE = 40;

export function AreaTable({ model, onSelect }: { model: TableModel; onSelect(id: string): void }) {
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 }>({ col: 0, dir: 1 });
  const [top, setTop] = useState(0);
  const sorted = useMemo(() => {
    const c = sort.col;
    const numeric = model.columns[c]?.numeric;
    const rows = [...model.rows];
    rows.sort((a, b) => {
      if (numeric) {
        const [x, y] = [a.sort[c], b.sort[c]];
        if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
        return (x - y) * sort.dir;
      }
      return a.cells[c].localeCompare(b.cells[c]) * sort.dir;
    });
    return rows;
  }, [model, sort]);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - 3);
  const slice = sorted.slice(first, first + VISIBLE + 6);

  return (
    <div className="area-table" data-testid="area-table">
      <div className="area-table-scroll" tabIndex={0} role="region" aria-label={`${model.caption} (scrollable)`}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
        <table aria-rowcount={sorted.length + 1}>
          <caption className="visually-hidden">{model.caption}</caption>
          <thead>
            <tr aria-rowindex={1}>
              {model.columns.map((c, i) => (
                <th key={c.key} scope="col" aria-sort={sort.col === i ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" onClick={() => setSort((s) => ({ col: i, dir: s.col === i ? (-s.dir as 1 | -1) : 1 }))}>
                    {c.label}
                    <span aria-hidden="true">{sort.col === i ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr style={{ height: first * ROW_HEIGHT }} aria-hidden="true" />
            {slice.map((r, k) => (
              <tr key={r.id} aria-rowindex={first + k + 2} style={{ height: ROW_HEIGHT }}>
                {r.cells.map((cell, i) => (
                  <td key={i} className={model.columns[i].numeric ? 'num' : undefined}>
                    {i === 0 ? <button type="button" className="link-button" onClick={() => onSelect(r.id)}>{cell}</button> : cell}
                  </td>
                ))}
              </tr>
            ))}
            <tr style={{ height: Math.max(0, (sorted.length - first - slice.length) * ROW_HEIGHT) }} aria-hidden="true" />
          </tbody>
        </table>
      </div>
      <p className="hint">{sorted.length.toLocaleString('en-GB')} {sorted.length === 1 ? 'area' : 'areas'}. Choose a name to open its details.</p>
    </div>
  );
}
