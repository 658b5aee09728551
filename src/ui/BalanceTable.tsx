/**
 * Covariate balance before and after choosing comparison areas: means of each group and the
 * standardised mean difference (SMD). An |SMD| above 0.1 is marked, in words as well as in bold, as
 * the usual sign that the groups still differ on that covariate.
 */
export interface BalanceTableRow {
  label: string;
  treatedMean: string;
  comparisonBefore: string;
  smdBefore: number;
  comparisonAfter: string;
  smdAfter: number;
}

const SMD_FLAG = 0.1;

const smd = (v: number) => (Number.isFinite(v) ? v.toFixed(2).replace('-', '−') : '–');

export function BalanceTable({ rows, matched }: { rows: BalanceTableRow[]; matched: boolean }) {
  const flag = (v: number) => Number.isFinite(v) && Math.abs(v) > SMD_FLAG;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Balance table (scrollable)">
      <table className="balance-table" data-testid="balance-table">
        <caption>
          Balance: means of intervention and comparison areas, and the standardised mean difference (SMD: the difference in
          means divided by the standard deviation of intervention areas). |SMD| above {SMD_FLAG} is marked “differs”.
        </caption>
        <thead>
          <tr>
            <th scope="col">Covariate</th>
            <th scope="col" className="num">Intervention</th>
            <th scope="col" className="num">All other areas</th>
            <th scope="col" className="num">SMD before</th>
            <th scope="col" className="num">{matched ? 'Matched comparison' : 'Comparison areas'}</th>
            <th scope="col" className="num">SMD after</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} data-testid="balance-row">
              <th scope="row">{r.label}</th>
              <td className="num">{r.treatedMean}</td>
              <td className="num">{r.comparisonBefore}</td>
              <td className={`num${flag(r.smdBefore) ? ' smd-flag' : ''}`} data-smd={r.smdBefore}>{smd(r.smdBefore)}{flag(r.smdBefore) ? ' (differs)' : ''}</td>
              <td className="num">{r.comparisonAfter}</td>
              <td className={`num${flag(r.smdAfter) ? ' smd-flag' : ''}`} data-smd={r.smdAfter}>{smd(r.smdAfter)}{flag(r.smdAfter) ? ' (differs)' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
