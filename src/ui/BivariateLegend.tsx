/**
 * The 2-D legend of a bivariate map: a 3×3 grid (as a table, so it reads cell by cell) whose columns
 * are the first measure's classes and rows the second's, higher risk to the right and to the top,
 * each cell with its colour and its number of areas.
 */
export interface BivariateCell {
  colour: string;
  /** Text colour with enough contrast on `colour`. */
  ink: string;
  count: number;
  label: string;
}

export interface BivariateLegendModel {
  title: string;
  x: { label: string; classes: string[] };
  y: { label: string; classes: string[] };
  /** Index 3 × row + column, row 0 / column 0 = lower risk. */
  cells: BivariateCell[];
  noData: number;
  classification: string;
  notes: string[];
}

const RISK = ['lower', 'middle', 'higher'];

export function BivariateLegend({ model }: { model: BivariateLegendModel }) {
  const rows = [2, 1, 0];
  return (
    <section className="legend bivariate-legend" aria-labelledby="bivariate-legend-title" data-testid="legend">
      <h2 id="bivariate-legend-title">{model.title}</h2>
      <table className="bivariate-grid">
        <caption className="visually-hidden">
          Areas by class of {model.x.label} (columns) and {model.y.label} (rows); higher risk to the right and to the top.
        </caption>
        <thead>
          <tr>
            <td />
            {[0, 1, 2].map((c) => <th key={c} scope="col">{RISK[c]}<span className="bivariate-range">{model.x.classes[c]}</span></th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th scope="row">{RISK[r]}<span className="bivariate-range">{model.y.classes[r]}</span></th>
              {[0, 1, 2].map((c) => {
                const cell = model.cells[3 * r + c];
                return (
                  <td key={c} style={{ background: cell.colour, color: cell.ink }} title={cell.label}>
                    <span className="visually-hidden">{cell.label}: </span>{cell.count.toLocaleString('en-GB')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="bivariate-axes"><span>Columns → {model.x.label}</span><span>Rows ↑ {model.y.label}</span></p>
      {model.noData > 0 && (
        <p className="legend-items-nodata"><span className="swatch swatch-nodata" aria-hidden="true" /> No value for one or both: {model.noData.toLocaleString('en-GB')}</p>
      )}
      <p className="hint">{model.classification}</p>
      {model.notes.map((n) => <p key={n} className="hint legend-note">{n}</p>)}
    </section>
  );
}
