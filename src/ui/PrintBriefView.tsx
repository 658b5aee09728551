/**
 * The printable one-page brief: the map image (with its legend and scale), the totals, the top of
 * the shortlist, the method and the sources; who it reaches sits beside the map, in the room the map
 * leaves, so it adds no height. Hidden on screen; the print stylesheet shows only this
 * (A4 portrait), so the browser's "Save as PDF" gives the brief. Every string is rendered as text.
 */
import type { PrintBrief } from '../export/print-brief';

/** Rows that fit on the page under the map; the rest are counted and left to the file exports. */
const BRIEF_ROWS = 12;

export function PrintBriefView({ brief, image }: { brief: PrintBrief; image: string | null }) {
  // the practices' list takes the room of as many area rows as it has rows, plus its heading and note
  const p = brief.practices;
  const rows = brief.table.rows.slice(0, p ? Math.max(4, BRIEF_ROWS - p.rows.length - 2) : BRIEF_ROWS);
  const more = brief.table.rows.length - rows.length;
  return (
    <article className="print-brief" data-testid="print-brief" aria-hidden="true">
      <header>
        <h1>{brief.title}</h1>
        <p>{brief.subtitle}</p>
      </header>
      <div className={brief.reach ? 'print-top with-reach' : 'print-top'}>
        {image && <img className="print-map" src={image} alt="" />}
        {brief.reach && (
          <section className="print-reach" data-testid="print-reach">
            <h2>Who it reaches</h2>
            <table>
              <thead><tr><th>Residents</th>{brief.reach.columns.map((c) => <th key={c} className="num">{c}</th>)}</tr></thead>
              {brief.reach.blocks.map((rows, b) => (
                <tbody key={b}>
                  {rows.map((r) => <tr key={r.label} className={r.estimate ? 'print-reach-estimate' : undefined}><th>{r.label}</th>{r.cells.map((c, k) => <td key={k} className="num">{c}</td>)}</tr>)}
                </tbody>
              ))}
            </table>
            <p className="print-reach-note">{brief.reach.note}</p>
          </section>
        )}
      </div>
      <ul className="print-summary">
        {brief.summary.map((s) => <li key={s}>{s}</li>)}
      </ul>
      <table className="print-table">
        <thead>
          <tr>{brief.table.columns.map((c) => <th key={c.header} className={c.align === 'right' ? 'num' : undefined}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>{r.map((cell, j) => <td key={j} className={brief.table.columns[j].align === 'right' ? 'num' : undefined}>{cell}</td>)}</tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="print-more">…and {more.toLocaleString('en-GB')} more areas: the CSV, Excel and GeoJSON exports hold the whole list.</p>}
      {p && (
        <section className="print-practices" data-testid="print-practices">
          <h2>GP practices and PCNs shortlisted</h2>
          <table className="print-table">
            <thead><tr>{p.columns.map((c) => <th key={c.header} className={c.align === 'right' ? 'num' : undefined}>{c.header}</th>)}</tr></thead>
            <tbody>
              {p.rows.map((r, i) => <tr key={i}>{r.map((cell, j) => <td key={j} className={p.columns[j].align === 'right' ? 'num' : undefined}>{cell}</td>)}</tr>)}
            </tbody>
          </table>
          <p className="print-more">{p.more > 0 ? `…and ${p.more.toLocaleString('en-GB')} more in the CSV, Excel and GeoJSON exports. ` : ''}{p.note}</p>
        </section>
      )}
      <section className="print-method">
        {brief.method.map((s) => (
          <div key={s.heading}>
            <h2>{s.heading}</h2>
            <dl>
              {s.rows.map((r, i) => (
                <div key={i}><dt>{r.item}</dt><dd>{r.value}</dd></div>
              ))}
            </dl>
          </div>
        ))}
      </section>
      <footer>
        <p className="print-link">Open this view: {brief.shareUrl}</p>
        <p>{brief.footer}</p>
      </footer>
    </article>
  );
}
