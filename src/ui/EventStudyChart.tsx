/**
 * Per-period effects (an event-study chart): for each period, the gap between intervention and
 * comparison areas relative to the last baseline period, with its 95 % interval. Baseline periods
 * are drawn as hollow circles (they should sit near zero if the groups moved together before),
 * follow-up periods as filled diamonds; a dashed line marks the start. The same numbers are in a
 * table below the chart, for screen readers and for anyone who prefers numbers.
 */
import { useId } from 'react';

export interface EventStudyPoint {
  period: string;
  phase: 'baseline' | 'reference' | 'between' | 'follow-up';
  estimate: number;
  lower: number;
  upper: number;
}

export interface EventStudyChartProps {
  title: string;
  points: EventStudyPoint[];
  format(v: number): string;
  /** What the y axis measures ("urgent referrals per 10,000 residents"). */
  unit: string;
  /** Width in CSS pixels (the brief uses a wider one). */
  width?: number;
}

const H = 190;
const PAD = { l: 46, r: 10, t: 12, b: 44 };
const PHASE_LABEL: Record<EventStudyPoint['phase'], string> = { baseline: 'baseline', reference: 'baseline (reference, 0 by definition)', between: 'between the windows', 'follow-up': 'follow-up' };

export function EventStudyChart({ title, points, format, unit, width = 330 }: EventStudyChartProps) {
  const id = useId();
  const finite = points.flatMap((p) => [p.estimate, p.lower, p.upper]).filter(Number.isFinite);
  let [y0, y1] = [Math.min(0, ...finite), Math.max(0, ...finite)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = (y1 - y0) * 0.08;
  [y0, y1] = [y0 - pad, y1 + pad];
  const n = points.length;
  const x = (i: number) => PAD.l + ((i + 0.5) / n) * (width - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - (v - y0) / (y1 - y0)) * (H - PAD.t - PAD.b);
  const lastBase = points.reduce((k, p, i) => (p.phase === 'baseline' || p.phase === 'reference' ? i : k), -1);
  const every = Math.max(1, Math.ceil(n / 8));
  return (
    <figure className="event-study" data-testid="event-study">
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${H}`} width={width} height={H} role="img" aria-labelledby={`${id}-cap`} aria-describedby={`${id}-desc`}>
        <desc id={`${id}-desc`}>{`Chart of the difference between intervention and comparison areas in each period, relative to the last baseline period, in ${unit}. The values are in the table below.`}</desc>
        <line x1={PAD.l} x2={width - PAD.r} y1={y(0)} y2={y(0)} stroke="#425563" strokeWidth={1} />
        <text x={PAD.l - 4} y={y(y1 - pad) + 3} textAnchor="end" fontSize="9">{format(y1 - pad)}</text>
        <text x={PAD.l - 4} y={y(0) + 3} textAnchor="end" fontSize="9">0</text>
        <text x={PAD.l - 4} y={y(y0 + pad) + 3} textAnchor="end" fontSize="9">{format(y0 + pad)}</text>
        {lastBase >= 0 && lastBase < n - 1 && (
          <g>
            <line x1={(x(lastBase) + x(lastBase + 1)) / 2} x2={(x(lastBase) + x(lastBase + 1)) / 2} y1={PAD.t} y2={H - PAD.b} stroke="#425563" strokeDasharray="4 3" />
            <text x={(x(lastBase) + x(lastBase + 1)) / 2 + 3} y={PAD.t + 8} fontSize="9">programme starts</text>
          </g>
        )}
        {points.map((p, i) => {
          const after = p.phase === 'follow-up' || p.phase === 'between';
          const colour = after ? '#b34a00' : '#425563';
          return (
            <g key={p.period}>
              {Number.isFinite(p.lower) && Number.isFinite(p.upper) && p.phase !== 'reference' && (
                <line x1={x(i)} x2={x(i)} y1={y(p.lower)} y2={y(p.upper)} stroke={colour} strokeWidth={1.4} />
              )}
              {Number.isFinite(p.estimate) && (after
                ? <rect x={x(i) - 3.6} y={y(p.estimate) - 3.6} width={7.2} height={7.2} transform={`rotate(45 ${x(i)} ${y(p.estimate)})`} fill={colour} />
                : <circle cx={x(i)} cy={y(p.estimate)} r={3.6} fill="#fff" stroke={colour} strokeWidth={1.6} />)}
              {i % every === 0 && <text x={x(i)} y={H - PAD.b + 12} fontSize="9" textAnchor="end" transform={`rotate(-35 ${x(i)} ${H - PAD.b + 12})`}>{p.period}</text>}
            </g>
          );
        })}
      </svg>
      <p className="hint">Circles: baseline periods (should sit near 0); diamonds: after the start. Lines: 95 % intervals.</p>
      <table className="event-study-table" data-testid="event-study-table">
        <caption>{title}: values</caption>
        <thead><tr><th scope="col">Period</th><th scope="col">Window</th><th scope="col" className="num">Difference</th><th scope="col" className="num">95 % interval</th></tr></thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.period}>
              <th scope="row">{p.period}</th>
              <td>{PHASE_LABEL[p.phase]}</td>
              <td className="num">{Number.isFinite(p.estimate) ? format(p.estimate) : '–'}</td>
              <td className="num">{p.phase === 'reference' ? '–' : Number.isFinite(p.lower) ? `${format(p.lower)} to ${format(p.upper)}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
