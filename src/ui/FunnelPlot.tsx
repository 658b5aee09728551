/**
 * A funnel plot: each unit's proportion against its denominator, with the 95 % and 99.8 % control
 * limits around a target as curves. Hovering names the nearest unit; the plot is focusable, and the
 * arrow keys step through the units in order of denominator, naming each (so it works without a
 * mouse). Points outside the 99.8 % limits are drawn as open diamonds (a non-colour cue); the outliers
 * themselves are listed in a table by the caller.
 */
import { useMemo, useState } from 'react';

export interface FunnelPoint { code: string; name: string; value: number; denominator: number; position: number }
export interface FunnelCurve { n: number; lower95: number; upper95: number; lower998: number; upper998: number }

const W = 320;
const H = 220;
const PAD = { l: 42, r: 8, t: 10, b: 30 };

export function FunnelPlot(p: { title: string; points: FunnelPoint[]; curve: FunnelCurve[]; target: number; format(v: number): string; xLabel: string; onPick?(code: string): void }) {
  const sorted = useMemo(() => [...p.points].sort((a, b) => a.denominator - b.denominator), [p.points]);
  const [at, setAt] = useState<number | null>(null);
  if (!sorted.length || !p.curve.length) return null;
  const xMax = Math.max(...sorted.map((d) => d.denominator));
  // The scale covers the middle 99 % of practices and the limits for lists of that size or larger; the
  // few beyond it (tiny lists, specialist practices) sit on its edge, drawn as triangles and counted.
  const byValue = sorted.map((d) => d.value).sort((a, b) => a - b);
  const q = (f: number) => byValue[Math.min(byValue.length - 1, Math.floor(f * byValue.length))];
  const nFrom = sorted[Math.floor(0.01 * sorted.length)].denominator;
  const shownCurve = p.curve.filter((c) => c.n >= nFrom);
  const ys = [q(0.005), q(0.995), ...shownCurve.flatMap((c) => [c.lower998, c.upper998]), p.target].filter(Number.isFinite);
  const [y0, y1] = [Math.max(0, Math.min(...ys)), Math.max(...ys)];
  const beyond = sorted.filter((d) => d.value < y0 || d.value > y1).length;
  const x = (n: number) => PAD.l + (Math.sqrt(n) / Math.sqrt(xMax)) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - (Math.min(y1, Math.max(y0, v)) - y0) / (y1 - y0 || 1)) * (H - PAD.t - PAD.b);
  const line = (get: (c: FunnelCurve) => number) => shownCurve.map((c, i) => `${i ? 'L' : 'M'}${x(c.n).toFixed(1)},${y(get(c)).toFixed(1)}`).join('');
  const current = at === null ? null : sorted[at];
  const nearest = (px: number, py: number) => {
    let best = 0;
    let dist = Infinity;
    sorted.forEach((d, i) => {
      const dd = (x(d.denominator) - px) ** 2 + (y(d.value) - py) ** 2;
      if (dd < dist) [best, dist] = [i, dd];
    });
    return best;
  };
  return (
    <figure className="funnel-plot">
      <figcaption>{p.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" tabIndex={0} data-testid="funnel-plot"
        aria-label={`${p.title}: funnel plot of ${sorted.length} practices. Use the left and right arrow keys to step through them by ${p.xLabel}; Enter selects one.`}
        onMouseMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setAt(nearest(((e.clientX - r.left) / r.width) * W, ((e.clientY - r.top) / r.height) * H));
        }}
        onMouseLeave={() => setAt(null)}
        onClick={() => { if (current) p.onPick?.(current.code); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
            e.preventDefault();
            setAt((i) => Math.min(sorted.length - 1, Math.max(0, (i ?? -1) + (e.key === 'ArrowRight' ? 1 : -1))));
          } else if (e.key === 'Enter' && current) p.onPick?.(current.code);
        }}>
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} stroke="#8a96a3" />
        <line x1={PAD.l} x2={PAD.l} y1={PAD.t} y2={H - PAD.b} stroke="#8a96a3" />
        <text x={PAD.l - 4} y={y(y1) + 4} textAnchor="end" fontSize="9">{p.format(y1)}</text>
        <text x={PAD.l - 4} y={y(y0)} textAnchor="end" fontSize="9">{p.format(y0)}</text>
        <text x={W - PAD.r} y={H - PAD.b + 11} textAnchor="end" fontSize="9">{Math.round(xMax).toLocaleString('en-GB')}</text>
        <text x={(PAD.l + W) / 2} y={H - 4} textAnchor="middle" fontSize="9">{p.xLabel} (square-root scale)</text>
        <path d={line((c) => c.upper998)} fill="none" stroke="#7a1f00" strokeWidth={1.2} strokeDasharray="5 2" data-testid="funnel-limit-998" />
        <path d={line((c) => c.lower998)} fill="none" stroke="#7a1f00" strokeWidth={1.2} strokeDasharray="5 2" />
        <path d={line((c) => c.upper95)} fill="none" stroke="#555" strokeWidth={1} strokeDasharray="2 2" data-testid="funnel-limit-95" />
        <path d={line((c) => c.lower95)} fill="none" stroke="#555" strokeWidth={1} strokeDasharray="2 2" />
        <line x1={PAD.l} x2={W - PAD.r} y1={y(p.target)} y2={y(p.target)} stroke="#222" strokeWidth={1} />
        {sorted.map((d) => (d.value > y1 || d.value < y0
          ? <path key={d.code} d={d.value > y1 ? `M${x(d.denominator)},${PAD.t}l-3,5h6z` : `M${x(d.denominator)},${H - PAD.b}l-3,-5h6z`} fill="none" stroke="#b35c00" strokeWidth={0.8} data-testid="funnel-beyond" />
          : Math.abs(d.position) === 2
          ? <rect key={d.code} x={x(d.denominator) - 2} y={y(d.value) - 2} width={4} height={4} transform={`rotate(45 ${x(d.denominator)} ${y(d.value)})`} fill="none" stroke="#b35c00" strokeWidth={0.8} />
          : <circle key={d.code} cx={x(d.denominator)} cy={y(d.value)} r={1.4} fill="#005eb8" opacity={0.45} />))}
        {current && <circle cx={x(current.denominator)} cy={y(current.value)} r={5} fill="none" stroke="#000" strokeWidth={1.5} data-testid="funnel-current" />}
      </svg>
      <p className="funnel-readout" role="status" data-testid="funnel-readout">
        {current ? `${current.name} (${current.code}): ${p.format(current.value)} of ${Math.round(current.denominator).toLocaleString('en-GB')}${current.position ? `, ${positionWords(current.position)}` : ', within the 95 % limits'}` : 'Point at a practice, or focus the plot and use the arrow keys, to name it.'}
      </p>
      <p className="hint">Solid line: the comparator ({p.format(p.target)}). Short dashes: 95 % limits; long dashes: 99.8 % limits. Open diamonds: outside the 99.8 % limits.{beyond > 0 ? ` Triangles on the edge: ${beyond} practice${beyond === 1 ? '' : 's'} beyond this scale (pointing at one gives its value).` : ''}</p>
    </figure>
  );
}

export function positionWords(position: number): string {
  return position === 2 ? 'above the 99.8 % limit' : position === 1 ? 'above the 95 % limit' : position === -1 ? 'below the 95 % limit' : position === -2 ? 'below the 99.8 % limit' : 'within the 95 % limits';
}
