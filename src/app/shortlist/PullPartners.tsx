/**
 * Pull partners for the shortlist: the GP practices in or near the shortlisted areas (and, when the
 * registered-patient file is loaded, those with most patients living there), ranked, with ODS
 * codes, PCN and list size, and a CSV download. The SQL and its rule: data/sql/pull-partners-sql.ts.
 */
import { useEffect, useState } from 'react';
import { rowsOf } from '../../data/db/arrow-columns';
import { pullPartnersSql, registeredPatientsExistSql } from '../../data/sql/pull-partners-sql';
import { downloadBlob } from '../../export/download';
import { pullPartnersCsv, type PullPartner } from '../../export/pull-partners-csv';
import { addShortlistPractice, type ShortlistPractice } from '../../state/shortlist-practices';
import type { AtlasContext } from '../atlas-context';

const fmt = (n: number | null, d = 0) => (n === null ? '–' : n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d }));

export function PullPartners({ ctx, level, codes }: { ctx: AtlasContext; level: string; codes: readonly string[] }) {
  const [km, setKm] = useState(1);
  const [result, setResult] = useState<{ rows: PullPartner[]; patients: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = codes.join(',');
  useEffect(() => {
    let live = true;
    const run = async () => {
      const patients = (rowsOf(await ctx.data.queries.run(registeredPatientsExistSql))[0]?.n ?? 0) as number > 0;
      const t = await ctx.data.queries.run(pullPartnersSql({ level, codes: key.split(','), withinKm: km, withPatients: patients }));
      if (live) setResult({ rows: rowsOf(t) as unknown as PullPartner[], patients });
    };
    run().catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [ctx.data.queries, level, key, km]);
  const listed = ctx.state.shortlistPractices;
  const has = (p: ShortlistPractice) => listed.some((o) => o.kind === p.kind && o.code === p.code);
  const add = (p: ShortlistPractice) => ctx.update((s) => ({ shortlistPractices: addShortlistPractice(s.shortlistPractices, p) }));
  const addButton = (p: ShortlistPractice, what: string) => (has(p)
    ? <span className="hint">in the shortlist</span>
    : <button type="button" onClick={() => add(p)} aria-label={`Add to shortlist: ${what}`} data-testid={`partner-add-${p.kind}`}>Add to shortlist</button>);
  const rule = `GP practices whose site is in a shortlisted area (by its LSOA 2021) or within ${km} km of a shortlisted area's centre point${result?.patients ? ', or with registered patients living in the shortlisted areas; ranked by those patients, then' : '; ranked by'} shortlisted areas touched, then list size (QOF 2022-23). Practice sites: NHS website 2019.`;
  return (
    <section className="pull-partners" aria-labelledby="pull-partners-h" data-testid="pull-partners">
      <h3 id="pull-partners-h">Pull partners: practices for the shortlist</h3>
      <p className="hint">{rule}</p>
      <label>
        Within (km){' '}
        <input type="number" min={0} max={20} step={0.5} value={km} data-testid="pull-partners-km"
          onChange={(e) => { const v = Number(e.target.value); if (Number.isFinite(v) && v >= 0 && v <= 20) setKm(v); }} />
      </label>{' '}
      <button type="button" disabled={!result?.rows.length} data-testid="pull-partners-csv"
        onClick={() => result && downloadBlob(new Blob([pullPartnersCsv(result.rows, rule)], { type: 'text/csv' }), 'pull-partners.csv')}>
        Download CSV
      </button>
      {error && <p role="alert">The practices could not be listed ({error}).</p>}
      {result && (
        <table className="pull-partners-table">
          <caption>{result.rows.length.toLocaleString('en-GB')} practice{result.rows.length === 1 ? '' : 's'}</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th><th scope="col">ODS code</th><th scope="col">Practice</th><th scope="col">PCN</th>
              <th scope="col">List size</th><th scope="col">Areas touched</th><th scope="col">Shortlisted areas its site is in</th><th scope="col">km to nearest shortlisted area's centre</th>
              {result.patients && <th scope="col">Patients living in the shortlist</th>}
              <th scope="col">Shortlist</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r, i) => (
              <tr key={r.practice_code}>
                <td>{i + 1}</td><td>{r.practice_code}</td><td>{r.name}</td><td>{r.pcn_name ? `${r.pcn_name} (${r.pcn_code})` : 'no PCN'}{r.pcn_code && <> {addButton({ kind: 'pcn', code: r.pcn_code }, `the PCN ${r.pcn_name ?? r.pcn_code}`)}</>}</td>
                <td>{fmt(r.list_size)}</td><td>{r.areas}</td><td>{r.areas_in}</td><td>{fmt(r.nearest_km, 2)}</td>
                {result.patients && <td>{fmt(r.patients)}</td>}
                <td>{addButton({ kind: 'practice', code: r.practice_code }, r.name)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
