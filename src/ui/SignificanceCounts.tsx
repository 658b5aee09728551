/**
 * How many areas each multiple-testing choice calls significant, side by side, so the cost of a
 * stricter correction is visible before choosing it; and, in plain words, when one cannot flag anything.
 */
export interface SignificanceCountsModel {
  alphaText: string;
  tested: number;
  rows: { key: string; label: string; count: number; chosen: boolean }[];
  /** A sentence shown when a choice cannot flag any area whatever the data (e.g. Bonferroni). */
  unreachable: string | null;
}

export function SignificanceCounts({ model }: { model: SignificanceCountsModel }) {
  return (
    <div className="significance-counts" data-testid="significance-counts">
      <table>
        <caption>Significant areas at α = {model.alphaText}, of {model.tested.toLocaleString('en-GB')} tested</caption>
        <tbody>
          {model.rows.map((r) => (
            <tr key={r.key} className={r.chosen ? 'chosen' : undefined} data-correction={r.key}>
              <th scope="row">{r.label}{r.chosen ? ' (on the map)' : ''}</th>
              <td className="num">{r.count.toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {model.unreachable && <p className="notice-inline" role="note" data-testid="bonferroni-unreachable">{model.unreachable}</p>}
    </div>
  );
}
