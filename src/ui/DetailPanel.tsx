/** The selected area: its parents and every measure available for it, with national ranks. */
import type { ReactNode } from 'react';
import { TrendChart, type TrendBreak, type TrendFlag, type TrendPoint, type TrendTarget } from './TrendChart';

export interface DetailRow {
  id: string;
  label: string;
  value: string;
  rank: string;
  /** England comparison, whose value it is, coverage, publication notes. */
  notes: string[];
  current?: boolean;
  trend?: { title: string; points: TrendPoint[]; format(v: number): string; breaks?: TrendBreak[]; target?: TrendTarget; flags?: TrendFlag[] };
}

export interface DetailModel {
  name: string;
  code: string;
  levelLabel: string;
  residents: string;
  parents: { label: string; name: string; code: string }[];
  groups: { title: string; rows: DetailRow[]; loading: boolean }[];
  method: string;
}

export function DetailPanel({ model, onClose, actions, profile }: { model: DetailModel; onClose(): void; actions?: ReactNode; profile?: ReactNode }) {
  return (
    <aside className="detail-panel" aria-labelledby="detail-title" data-testid="detail-panel">
      <header>
        <div>
          <h2 id="detail-title">{model.name}</h2>
          <p className="detail-code">{model.code} · {model.levelLabel}</p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close area details">×</button>
      </header>
      <p>Residents: {model.residents}</p>
      {model.parents.length > 0 && (
        <dl className="detail-parents">
          {model.parents.map((p) => (
            <div key={p.label}>
              <dt>{p.label}</dt>
              <dd>{p.name} <span className="detail-code">{p.code}</span></dd>
            </div>
          ))}
        </dl>
      )}
      {actions}
      {model.groups.map((g) => (
        <section key={g.title}>
          <h3>{g.title}</h3>
          {g.rows.length > 0 && <table className="detail-table">
            <thead>
              <tr><th scope="col">Measure</th><th scope="col">Value</th><th scope="col">National rank</th></tr>
            </thead>
            <tbody>
              {g.rows.map((r) => (
                <tr key={r.id} className={r.current ? 'current' : undefined}>
                  <th scope="row">
                    {r.label}
                    {r.notes.map((n) => <span key={n} className="detail-note">{n}</span>)}
                  </th>
                  <td>{r.value}</td>
                  <td>{r.rank}</td>
                </tr>
              ))}
            </tbody>
          </table>}
          {g.rows.filter((r) => r.trend).map((r) => <TrendChart key={r.id} title={r.trend!.title} points={r.trend!.points} format={r.trend!.format} breaks={r.trend!.breaks} target={r.trend!.target} flags={r.trend!.flags} />)}
          {g.loading && <p className="hint" role="status">Computing…</p>}
        </section>
      ))}
      {profile}
      <p className="hint">{model.method}</p>
    </aside>
  );
}
