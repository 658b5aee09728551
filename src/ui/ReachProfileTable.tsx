/** "Who it reaches": residents by age, ethnic group, Core20, smoking and screening estimates, beside wider areas. */
export interface ReachTableModel {
  columns: string[];
  details: string[];
  sections: { title: string; note: string; rows: { label: string; short: string; estimate: boolean; cells: { main: string; sub: string }[] }[] }[];
  notes: string[];
}

export function ReachProfileTable({ model, caption, testId }: { model: ReachTableModel; caption: string; testId?: string }) {
  const n = model.columns.length;
  return (
    <div className="reach-profile" data-testid={testId}>
      <p className="reach-caption" aria-hidden="true">{caption}</p>
      <div className="reach-scroll" tabIndex={0} role="region" aria-label={`${caption} (scrollable)`}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {model.columns.map((c, k) => (
                <th key={k} scope="col">{c}<span className="reach-detail">{model.details[k]}</span></th>
              ))}
            </tr>
          </thead>
          {model.sections.map((s) => (
            <tbody key={s.title}>
              <tr className="reach-section"><th scope="rowgroup" colSpan={n + 1}>{s.title}</th></tr>
              {s.rows.map((r) => (
                <tr key={r.label} className={r.estimate ? 'reach-estimate' : undefined}>
                  <th scope="row" title={r.label}>{r.short === r.label ? r.label : <><span aria-hidden="true">{r.short}</span><span className="visually-hidden">{r.label}</span></>}</th>
                  {r.cells.map((c, k) => <td key={k} className="num">{c.main}{c.sub && <span className="reach-sub">{c.sub}</span>}</td>)}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <details className="reach-notes">
        <summary>How these figures are made</summary>
        {model.sections.map((s) => <p key={s.title} className="hint"><strong>{s.title}:</strong> {s.note}</p>)}
        {model.notes.map((x) => <p key={x} className="hint">{x}</p>)}
      </details>
    </div>
  );
}
