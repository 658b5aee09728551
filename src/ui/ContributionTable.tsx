/** One area's composite index taken apart: each input's value, score, weight and contribution. */
export interface ContributionRow {
  label: string;
  value: string;
  score: string;
  weight: string;
  contribution: string;
}

export interface ContributionModel {
  caption: string;
  rows: ContributionRow[];
  total: string;
  formula: string;
}

export function ContributionTable({ model }: { model: ContributionModel }) {
  return (
    <section className="combine-detail" aria-label="Composite risk index for this area" data-testid="composite-contributions">
      <h3>Composite risk index: {model.total}</h3>
      <table className="detail-table">
        <caption className="visually-hidden">{model.caption}</caption>
        <thead>
          <tr><th scope="col">Input</th><th scope="col">Value</th><th scope="col">Score</th><th scope="col">Weight</th><th scope="col">Adds</th></tr>
        </thead>
        <tbody>
          {model.rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.value}</td>
              <td>{r.score}</td>
              <td>{r.weight}</td>
              <td>{r.contribution}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row" colSpan={4}>Index (sum)</th><td>{model.total}</td></tr>
        </tfoot>
      </table>
      <p className="hint">{model.formula}</p>
    </section>
  );
}
