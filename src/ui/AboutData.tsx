/** "About the data": every source with publisher, licence and vintage, every indicator's definition. */
export interface AboutModel {
  generatedAt: string;
  sources: { id: string; title: string; publisher: string; licence: string; vintage: string; origin: string; attribution: string }[];
  indicators: { group: string; items: { id: string; label: string; definition: string; source: string; unit: string; period: string; caveats: string[] }[] }[];
  notes: string[];
  joinReport: string[];
  /** Files the pipeline built: path, rows, size and checksum (to check a deployment is complete). */
  outputs: { path: string; rows: string; size: string; sha256: string }[];
}

export function AboutData({ model }: { model: AboutModel }) {
  return (
    <div className="about" data-testid="about-data">
      <p>Data built {model.generatedAt}. Everything is loaded into your browser; nothing you do here is sent anywhere.</p>
      {model.notes.map((n) => <p key={n}>{n}</p>)}
      <h3>Sources</h3>
      <ul className="about-sources">
        {model.sources.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong>. {s.publisher}. {s.vintage}. Licence: {s.licence}.
            <br /><span className="hint">{s.attribution} File: {s.origin}</span>
          </li>
        ))}
      </ul>
      <h3>Indicators</h3>
      {model.indicators.map((g) => (
        <details key={g.group}>
          <summary>{g.group} ({g.items.length})</summary>
          <dl className="about-indicators">
            {g.items.map((i) => (
              <div key={i.id}>
                <dt>{i.label}</dt>
                <dd>
                  {i.definition} <span className="hint">Unit: {i.unit}. Period: {i.period}. Source: {i.source}.</span>
                  {i.caveats.length > 0 && <ul>{i.caveats.map((c) => <li key={c} className="hint">{c}</li>)}</ul>}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
      <details>
        <summary>Files built by the data pipeline ({model.outputs.length})</summary>
        <table className="about-outputs">
          <caption className="visually-hidden">Files built by the data pipeline</caption>
          <thead><tr><th scope="col">File</th><th scope="col">Rows</th><th scope="col">Size (gzipped)</th><th scope="col">SHA-256</th></tr></thead>
          <tbody>{model.outputs.map((o) => <tr key={o.path}><td>{o.path}</td><td>{o.rows}</td><td>{o.size}</td><td><code>{o.sha256}</code></td></tr>)}</tbody>
        </table>
      </details>
      <details>
        <summary>How the data was joined (pipeline report)</summary>
        <ul>{model.joinReport.map((l) => <li key={l} className="hint">{l}</li>)}</ul>
      </details>
    </div>
  );
}
