/** "About the data": every source with publisher, licence and vintage, every indicator's definition. */
export interface AboutModel {
  generatedAt: string;
  sources: { id: string; title: string; publisher: string; licence: string; vintage: string; origin: string; attribution: string }[];
  indicators: { group: string; items: { id: string; label: string; definition: string; source: string; unit: string; period: string; caveats: string[] }[] }[];
  notes: string[];
  joinReport: string[];
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
        <summary>How the data was joined (pipeline report)</summary>
        <ul>{model.joinReport.map((l) => <li key={l} className="hint">{l}</li>)}</ul>
      </details>
    </div>
  );
}
