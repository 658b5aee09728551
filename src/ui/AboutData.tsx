/**
 * "About the data": what every measure means (written for commissioners: source, definition,
 * direction, edition, where it is measured, caveats), then every source with publisher, licence and
 * vintage, the files built and the build's join report.
 */
interface AboutMeasure {
  id: string;
  label: string;
  definition: string;
  source: string;
  direction: string;
  vintage: string;
  unit: string;
  where: string;
  caveats: string[];
}

export interface AboutModel {
  generatedAt: string;
  sources: { id: string; title: string; publisher: string; licence: string; vintage: string; origin: string; attribution: string }[];
  /** Points that apply across measures (Core20 edition, official vs derived, COVID-19, the APS break, …). */
  keyPoints: { title: string; text: string }[];
  measures: { group: string; items: AboutMeasure[] }[];
  notes: string[];
  joinReport: string[];
  /** Files the pipeline built: path, rows, size and checksum (to check a deployment is complete). */
  outputs: { path: string; rows: string; size: string; sha256: string }[];
}

export function AboutData({ model }: { model: AboutModel }) {
  return (
    <div className="about" data-testid="about-data">
      <p>Data built {model.generatedAt}. Everything is loaded into your browser; nothing you do here is sent anywhere.</p>
      <section aria-labelledby="measures-meaning-title" data-testid="measures-meaning">
        <h3 id="measures-meaning-title">What these measures mean</h3>
        <dl className="about-key-points">
          {model.keyPoints.map((k) => (
            <div key={k.title}><dt>{k.title}</dt><dd>{k.text}</dd></div>
          ))}
        </dl>
        {model.measures.map((g) => (
          <details key={g.group}>
            <summary>{g.group} ({g.items.length})</summary>
            <dl className="about-indicators">
              {g.items.map((i) => (
                <div key={i.id} data-measure={i.id}>
                  <dt>{i.label}</dt>
                  <dd>
                    <p>{i.definition}</p>
                    <p className="hint"><strong>Direction:</strong> {i.direction}. <strong>Edition and period:</strong> {i.vintage}. <strong>Unit:</strong> {i.unit}.</p>
                    <p className="hint"><strong>Where:</strong> {i.where}</p>
                    <p className="hint"><strong>Source:</strong> {i.source}.</p>
                    {i.caveats.length > 0 && <ul>{i.caveats.map((c) => <li key={c} className="hint">{c}</li>)}</ul>}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        ))}
      </section>
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
