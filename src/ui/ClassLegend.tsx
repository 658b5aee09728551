/**
 * Legend for a map of categories (e.g. hotspot classes): each class's swatch as drawn on the map
 * (colour and pattern), how many areas fall in it and how many residents they hold.
 */
export interface ClassLegendRow {
  key: string;
  label: string;
  /** A CSS background reproducing the map's fill and pattern. */
  swatch: string;
  areas: number;
  residents: number;
}

export interface ClassLegendModel {
  title: string;
  /** Where the counts are taken (e.g. "all of England"). */
  scope: string;
  rows: ClassLegendRow[];
  notes: string[];
  method: string;
}

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });

export function ClassLegend({ model, testId = 'class-legend' }: { model: ClassLegendModel; testId?: string }) {
  return (
    <section className="legend class-legend" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`}>{model.title}</h2>
      <table className="class-legend-table">
        <caption className="hint">Areas and residents in {model.scope}</caption>
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">Key</span></th>
            <th scope="col">Class</th>
            <th scope="col" className="num">Areas</th>
            <th scope="col" className="num">Residents</th>
          </tr>
        </thead>
        <tbody>
          {model.rows.map((r) => (
            <tr key={r.key} data-class={r.key}>
              <td><span className="swatch" style={{ background: r.swatch }} aria-hidden="true" /></td>
              <th scope="row" className="class-legend-label">{r.label}</th>
              <td className="num class-legend-areas">{fmt(r.areas)}</td>
              <td className="num class-legend-residents">{fmt(r.residents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {model.notes.map((n) => <p key={n} className="hint legend-note">{n}</p>)}
      <p className="hint" data-testid={`${testId}-method`}>{model.method}</p>
    </section>
  );
}
