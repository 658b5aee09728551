/**
 * The key for GP practices on the map: the register's classes (colours with value ranges and counts),
 * the symbol sizes (area ∝ list size, the non-colour cue), what is drawn at this zoom, practices that
 * could not be placed, and the chosen PCN's ring and approximate outline.
 */
import { pointRadius } from '../../analysis/points/point-sizes';
import { PCN_HULL_NOTE } from '../../map/practice-layer';
import type { PracticeSymbols } from '../../map/practice-points';
import { formatCount, formatNumber } from '../../ui/format';

const SIZES = [2_000, 10_000, 30_000];

export function PracticeKey(p: { title: string; symbols: PracticeSymbols; total: number; pcn: string | null; onTable(): void }) {
  const s = p.symbols;
  const edges = [Number.NEGATIVE_INFINITY, ...s.breaks, Number.POSITIVE_INFINITY];
  const label = (i: number) => (i === 0 ? `under ${formatNumber(edges[1], 2)} %` : i === s.colours.length - 1 ? `${formatNumber(edges[i], 2)} % and over` : `${formatNumber(edges[i], 2)} to ${formatNumber(edges[i + 1], 2)} %`);
  const biggest = pointRadius(SIZES[2], s.largest, 2, s.maxRadius);
  return (
    <section className="legend practice-key" aria-labelledby="practice-key-title" data-testid="practice-key">
      <h2 id="practice-key-title">GP practices: {p.title}</h2>
      <p className="legend-direction">Darkest: higher recorded prevalence (context, not better or worse); national quintiles</p>
      <ul className="legend-items">
        {[...s.colours.keys()].reverse().map((i) => (
          <li key={i}>
            <span className="swatch swatch-round" style={{ background: `rgb(${s.colours[i].slice(0, 3).join(',')})` }} aria-hidden="true" />
            <span className="legend-label">{label(i)}</span>
            <span className="legend-count">{formatCount(s.counts[i])}</span>
          </li>
        ))}
        {s.noValue > 0 && <li><span className="swatch swatch-nodata swatch-round" aria-hidden="true" /><span className="legend-label">No value (no list)</span><span className="legend-count">{formatCount(s.noValue)}</span></li>}
      </ul>
      <div className="practice-sizes" aria-label="Symbol size: area proportional to the practice list">
        <svg width={2 * biggest * 3 + 40} height={2 * biggest + 4} aria-hidden="true">
          {SIZES.map((n, k) => {
            const r = pointRadius(n, s.largest, 2, s.maxRadius);
            return <circle key={n} cx={biggest + k * (2 * biggest + 12)} cy={biggest + 2} r={r} fill="none" stroke="#333" />;
          })}
        </svg>
        <p className="hint">Circle area ∝ list size: {SIZES.map((n) => formatCount(n)).join(', ')} patients.</p>
      </div>
      <p className="hint" data-testid="practice-thinning">
        {s.minList > 0
          ? `At this zoom only practices with ${formatCount(s.minList)} or more patients are drawn (${formatCount(s.drawn.length)} of ${formatCount(p.total)}); zoom in to see every practice, or open the table.`
          : `Every practice with a location is drawn (${formatCount(s.drawn.length)} of ${formatCount(p.total)}).`}
      </p>
      {s.noCoordinates.length > 0 && (
        <p className="hint" data-testid="practice-unplaced">{`${s.noCoordinates.length} practice${s.noCoordinates.length === 1 ? ' has' : 's have'} no location and ${s.noCoordinates.length === 1 ? 'is' : 'are'} not on the map (in the table): ${s.noCoordinates.slice(0, 3).map((x) => `${x.name} (${x.code})`).join('; ')}${s.noCoordinates.length > 3 ? '; …' : ''}.`}</p>
      )}
      {p.pcn && <p className="hint"><span className="pcn-ring" aria-hidden="true" /> Blue rings: the practices of {p.pcn}; dashed outline {PCN_HULL_NOTE}.</p>}
      <button type="button" onClick={p.onTable} data-testid="practice-table-open">Practices as a table</button>
    </section>
  );
}
