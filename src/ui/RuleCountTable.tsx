/**
 * The UpSet-style count table of an overlap rule: one row per combination of conditions present,
 * with its areas, residents and share of the region's residents, sortable by any column. Filled and
 * hollow dots show which conditions a row meets; screen readers hear "met" / "not met".
 */
import { useMemo, useState } from 'react';
import { allMetWords } from './met-words';

export interface RuleCountRow {
  key: string;
  met: boolean[];
  areas: number;
  residents: number;
  /** Residents of each group in `RuleCountModel.groups` (e.g. an ethnic group the rule targets). */
  groups?: number[];
  /** Share of the region's residents (0–1). */
  share: number;
}

export interface RuleCountModel {
  conditions: string[];
  rows: RuleCountRow[];
  /** Areas without a value for some condition (left out of the rows). */
  incomplete: { areas: number; residents: number };
  scopeLabel: string;
  allMet: { areas: number; residents: number; share: number; groups?: number[] };
  /** Groups of residents counted beside all residents in every cell ("Black, Asian, Mixed and Other ethnic groups"). */
  groups?: string[];
  incompleteGroups?: number[];
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const pct = (s: number) => `${(100 * s).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

type SortKey = 'met' | 'areas' | 'residents';

export function RuleCountTable({ model }: { model: RuleCountModel }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'areas', dir: -1 });
  const rows = useMemo(() => {
    const value = (r: RuleCountRow) => (sort.key === 'met' ? r.met.filter(Boolean).length : r[sort.key]);
    return [...model.rows].sort((a, b) => (value(a) - value(b)) * sort.dir || a.key.localeCompare(b.key));
  }, [model.rows, sort]);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : -1 }))}>
        {label}<span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
  const k = model.conditions.length;
  return (
    <section className="rule-counts" aria-labelledby="rule-counts-title" data-testid="rule-counts">
      <h3 id="rule-counts-title">Areas by combination of conditions</h3>
      <p className="rule-summary" data-testid="rule-summary">
        {allMetWords(k)}: <strong>{fmt(model.allMet.areas)}</strong> areas, <strong>{fmt(model.allMet.residents)}</strong> residents
        ({pct(model.allMet.share)} of residents in {model.scopeLabel}){(model.groups ?? []).map((g, j) => <span key={g}>, of whom <strong>{fmt(model.allMet.groups?.[j] ?? 0)}</strong> {g}</span>)}.
      </p>
      <ol className="rule-keys">
        {model.conditions.map((c, j) => <li key={j}>{c}</li>)}
      </ol>
      <div className="rule-counts-scroll" tabIndex={0} role="region" aria-label="Combination counts (scrollable)">
        <table>
          <caption className="visually-hidden">Areas and residents for each combination of the rule's conditions in {model.scopeLabel}</caption>
          <thead>
            <tr>
              {model.conditions.map((c, j) => <th key={j} scope="col" title={c}><abbr title={c}>{j + 1}</abbr></th>)}
              {header('met', 'Met')}
              {header('areas', 'Areas')}
              {header('residents', 'Residents')}
              <th scope="col">Share</th>
              {(model.groups ?? []).map((g) => <th key={g} scope="col">{g} (residents)</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.met.every(Boolean) ? 'all-met' : undefined}>
                {r.met.map((m, j) => (
                  <td key={j} className="dot">
                    <span aria-hidden="true">{m ? '●' : '○'}</span>
                    <span className="visually-hidden">{m ? 'met' : 'not met'}</span>
                  </td>
                ))}
                <td className="num">{r.met.filter(Boolean).length}</td>
                <td className="num">{fmt(r.areas)}</td>
                <td className="num">{fmt(r.residents)}</td>
                <td className="num"><span className="share-bar" style={{ width: `${Math.min(100, 100 * r.share)}%` }} aria-hidden="true" />{pct(r.share)}</td>
                {(model.groups ?? []).map((g, j) => <td key={g} className="num">{fmt(r.groups?.[j] ?? 0)}</td>)}
              </tr>
            ))}
          </tbody>
          {model.incomplete.areas > 0 && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={k + 1}>No value for some condition</th>
                <td className="num">{fmt(model.incomplete.areas)}</td>
                <td className="num">{fmt(model.incomplete.residents)}</td>
                <td />
                {(model.groups ?? []).map((g, j) => <td key={g} className="num">{fmt(model.incompleteGroups?.[j] ?? 0)}</td>)}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
