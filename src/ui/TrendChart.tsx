/**
 * A small trend chart: single years as points joined by a line, pooled periods as horizontal spans,
 * 95 % confidence intervals as whiskers or bands, England as a dashed line. A break in the series (a
 * change of survey method) is a vertical rule with its year, and the lines are not joined across it.
 * A year that is not a usual one (2020, COVID-19) is a hatched band with its name, and its point is
 * hollow, so the cue does not rest on colour. The same numbers are in a visually hidden table for
 * screen readers, with the break and the marked year named.
 */
import { useId } from 'react';

export interface TrendPoint {
  label: string;
  start: number;
  end: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
  england: number | null;
}

export interface TrendBreak {
  /** The first year on the new basis: the rule is drawn where that year starts. */
  year: number;
  label: string;
}

/** A single year marked on the chart because it is not a usual year (2020: COVID-19). */
export interface TrendFlag {
  year: number;
  /** On the chart: "COVID-19". */
  short: string;
  /** In the notes and the table: the caveat in full. */
  label: string;
}

const W = 300;
const H = 120;
const PAD = { l: 40, r: 8, t: 8, b: 18 };

/** A national ambition drawn as a labelled horizontal rule (the 75 % early-stage ambition). */
export interface TrendTarget {
  value: number;
  label: string;
}

/** Consecutive runs of points not separated by a break. */
function segments(pts: TrendPoint[], breaks: TrendBreak[]): TrendPoint[][] {
  const out: TrendPoint[][] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && !breaks.some((b) => prev.start < b.year && p.start >= b.year)) last.push(p);
    else out.push([p]);
  }
  return out;
}

export function TrendChart({ title, points, format, breaks = [], target, flags = [] }: { title: string; points: TrendPoint[]; format(v: number): string; breaks?: TrendBreak[]; target?: TrendTarget; flags?: TrendFlag[] }) {
  const hatch = `trend-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const shown = points.filter((p) => p.value !== null || p.england !== null);
  if (shown.length < 2) return null;
  const years = shown.flatMap((p) => [p.start, p.end]);
  const data = shown.flatMap((p) => [p.value, p.lower, p.upper, p.england]).filter((v): v is number => v !== null && Number.isFinite(v));
  // The ambition joins the scale when it is near the data; far above it would flatten the series, so it is named at the edge instead.
  const near = target && data.length > 0 && target.value <= Math.max(...data) + Math.max(20, 2 * (Math.max(...data) - Math.min(...data)));
  const vals = near ? [...data, target.value] : data;
  const [x0, x1] = [Math.min(...years), Math.max(...years) + 1];
  let [y0, y1] = [Math.min(...vals), Math.max(...vals)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const x = (yr: number) => PAD.l + ((yr - x0) / (x1 - x0)) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - (v - y0) / (y1 - y0)) * (H - PAD.t - PAD.b);
  const singles = shown.filter((p) => p.start === p.end && p.value !== null);
  const spans = shown.filter((p) => p.start !== p.end && p.value !== null);
  const englandSingles = shown.filter((p) => p.start === p.end && p.england !== null);
  // several single periods in one year (quarters, months: in time order) are spread evenly across it
  const within = new Map<TrendPoint, number>();
  for (const year of new Set(points.filter((p) => p.start === p.end).map((p) => p.start))) {
    const inYear = points.filter((p) => p.start === year && p.end === year);
    inYear.forEach((p, k) => within.set(p, (k + 0.5) / inYear.length));
  }
  const mid = (p: TrendPoint) => x(p.start + (within.get(p) ?? 0.5));
  const path = (pts: TrendPoint[], get: (p: TrendPoint) => number) => segments(pts, breaks)
    .map((seg) => seg.map((p, i) => `${i ? 'L' : 'M'}${mid(p).toFixed(1)},${y(get(p)).toFixed(1)}`).join('')).join('');
  const shownBreaks = breaks.filter((b) => b.year > x0 && b.year < x1);
  const shownFlags = flags.filter((f) => f.year >= x0 && f.year < x1);
  const flagOf = (p: TrendPoint) => (p.start === p.end ? shownFlags.find((f) => f.year === p.start) : undefined);
  return (
    <figure className="trend-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`${title}: chart (values listed in the table below)${shownFlags.map((f) => `; ${f.year} marked: ${f.short}`).join('')}`}>
        {shownFlags.length > 0 && (
          <defs>
            <pattern id={hatch} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="4" stroke="#6b7682" strokeWidth="1.2" />
            </pattern>
          </defs>
        )}
        {shownFlags.map((f) => (
          <g key={f.year} data-testid="trend-flag" data-year={f.year}>
            <rect x={x(f.year)} width={x(f.year + 1) - x(f.year)} y={PAD.t} height={H - PAD.b - PAD.t} fill={`url(#${hatch})`} opacity={0.35} stroke="#6b7682" strokeWidth={0.5} />
            <text x={x(f.year) + (x(f.year + 1) - x(f.year)) / 2} y={H - PAD.b - 3} fontSize="8" textAnchor="middle" fill="#3d4650">{`${f.year}: ${f.short}`}</text>
          </g>
        ))}
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} stroke="#8a96a3" />
        <text x={PAD.l - 4} y={y(y1) + 4} textAnchor="end" fontSize="9">{format(y1)}</text>
        <text x={PAD.l - 4} y={y(y0)} textAnchor="end" fontSize="9">{format(y0)}</text>
        <text x={PAD.l} y={H - 4} fontSize="9">{x0}</text>
        <text x={W - PAD.r} y={H - 4} fontSize="9" textAnchor="end">{x1 - 1}</text>
        {target && near && (
          <g data-testid="trend-target">
            <line x1={PAD.l} x2={W - PAD.r} y1={y(target.value)} y2={y(target.value)} stroke="#7a1f00" strokeWidth={1.5} strokeDasharray="6 3" />
            <text x={W - PAD.r} y={y(target.value) < PAD.t + 12 ? y(target.value) + 10 : y(target.value) - 3} fontSize="9" textAnchor="end" fill="#7a1f00">{format(target.value)} ambition</text>
          </g>
        )}
        {target && !near && (
          <text x={W - PAD.r} y={PAD.t + 2} fontSize="9" textAnchor="end" fill="#7a1f00" data-testid="trend-target">▲ ambition {format(target.value)} (above this scale)</text>
        )}
        {shownBreaks.map((b) => (
          <g key={b.year} data-testid="trend-break">
            <line x1={x(b.year)} x2={x(b.year)} y1={PAD.t} y2={H - PAD.b} stroke="#7a1f00" strokeWidth={1.5} strokeDasharray="1 2" />
            <text x={x(b.year) + 2} y={PAD.t + 8} fontSize="9" fill="#7a1f00">{b.year}: break</text>
          </g>
        ))}
        {englandSingles.length > 1 && <path d={path(englandSingles, (p) => p.england!)} fill="none" stroke="#555" strokeDasharray="4 3" />}
        {spans.map((p) => (
          <g key={p.label}>
            {p.lower !== null && p.upper !== null && <rect x={x(p.start)} width={x(p.end + 1) - x(p.start)} y={y(p.upper)} height={Math.max(1, y(p.lower) - y(p.upper))} fill="#005eb8" opacity={0.12} />}
            <line x1={x(p.start)} x2={x(p.end + 1)} y1={y(p.value!)} y2={y(p.value!)} stroke="#003d78" strokeWidth={2} opacity={0.6} />
          </g>
        ))}
        {singles.length > 1 && <path d={path(singles, (p) => p.value!)} fill="none" stroke="#005eb8" strokeWidth={1.5} />}
        {singles.map((p) => (
          <g key={p.label}>
            {p.lower !== null && p.upper !== null && <line x1={mid(p)} x2={mid(p)} y1={y(p.lower)} y2={y(p.upper)} stroke="#005eb8" opacity={0.5} />}
            {flagOf(p)
              ? <circle cx={mid(p)} cy={y(p.value!)} r={2.8} fill="#fff" stroke="#005eb8" strokeWidth={1.5} data-testid="trend-flag-point" />
              : <circle cx={mid(p)} cy={y(p.value!)} r={2.2} fill="#005eb8" />}
          </g>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{title}{target ? `. Ambition: ${format(target.value)} (${target.label})` : ''}{shownBreaks.map((b) => `. Break in the series from ${b.year}: ${b.label}`).join('')}{shownFlags.map((f) => `. ${f.year} is marked (${f.short}). ${f.label}`).join('')}</caption>
        <thead><tr><th scope="col">Period</th><th scope="col">Value</th><th scope="col">England</th></tr></thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}><th scope="row">{flagOf(p) && !p.label.includes(flagOf(p)!.short) ? `${p.label} (${flagOf(p)!.short})` : p.label}</th><td>{p.suppressed ? 'suppressed' : p.value === null ? 'no value' : format(p.value)}</td><td>{p.england === null ? '–' : format(p.england)}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Line: single years; bars: pooled periods; dashed: England.{target ? ` Long dashes: ${target.label}.` : ''}</p>
      {shownFlags.map((f) => <p key={f.year} className="hint trend-flag-note">{`Hatched band and hollow point: ${f.year} (${f.short}). ${f.label}`}</p>)}
      {shownBreaks.map((b) => <p key={b.year} className="hint trend-break-note">Dotted rule at {b.year}: break in the series. {b.label}. The line is not joined across it.</p>)}
    </figure>
  );
}
