/**
 * Practice values → map symbols: each practice with coordinates placed at them, sized by its list
 * (area ∝ list, see analysis/points/point-sizes) and filled by the quintile (national breaks, the same
 * classification machinery as the areas) of the chosen register, dark = higher recorded prevalence
 * (context, not worse). At low zoom only the larger practices are drawn; every practice keeps a symbol
 * for selection and PCN rings. Practices with no coordinates are returned by name, never dropped
 * silently.
 */
import { assignClasses, computeBreaks } from '../analysis/classify/breaks';
import { maxRadiusAt, minListAt, pointRadius } from '../analysis/points/point-sizes';
import type { PracticeValue } from '../data/practice-data';
import { classColours, NO_DATA_COLOUR, type Rgba } from './palettes';
import type { PracticePoint } from './practice-layer';

const PRACTICE_CLASSES = 5;

/**
 * Practices sit on top of the area fills: their palette differs from the areas' (a blue-green one,
 * colour-blind safe; purples when the areas already use it), so a symbol never blends into its area.
 */
export function practicePalette(areaPalette: string): string {
  return areaPalette === 'YlGnBu' ? 'Purples' : 'YlGnBu';
}
const MIN_RADIUS_PX = 2;

export interface PracticeSymbols {
  /** Drawn at this zoom (the larger practices at England scale). */
  drawn: PracticePoint[];
  /** Every practice with coordinates, by ODS code. */
  all: Map<string, PracticePoint>;
  breaks: number[];
  colours: Rgba[];
  /** Practices per class (all practices with a value). */
  counts: number[];
  noValue: number;
  noCoordinates: { code: string; name: string }[];
  /** Lists below this are not drawn at this zoom (0: all drawn). */
  minList: number;
  largest: number;
  maxRadius: number;
  key: string;
}

/** `paletteId`: the areas' palette (the practices take another, see practicePalette). */
export function practiceSymbols(values: PracticeValue[], lists: ReadonlyMap<string, number>, zoom: number, paletteId: string): PracticeSymbols {
  const v = Float64Array.from(values, (r) => r.value ?? Number.NaN);
  const breaks = computeBreaks(v, { method: 'quantile', classes: PRACTICE_CLASSES });
  const classes = assignClasses(v, breaks);
  const colours = classColours(practicePalette(paletteId), breaks.length + 1, true);
  const counts = new Array<number>(breaks.length + 1).fill(0);
  let noValue = 0;
  const largest = Math.max(1, ...lists.values());
  const minList = minListAt(zoom);
  const maxRadius = maxRadiusAt(zoom);
  const all = new Map<string, PracticePoint>();
  const drawn: PracticePoint[] = [];
  const noCoordinates: { code: string; name: string }[] = [];
  values.forEach((r, i) => {
    if (classes[i] < 0) noValue++;
    else counts[classes[i]]++;
    if (r.lon === null || r.lat === null) {
      noCoordinates.push({ code: r.code, name: r.name });
      return;
    }
    const list = lists.get(r.code) ?? 0;
    const pt: PracticePoint = { code: r.code, lon: r.lon, lat: r.lat, radius: pointRadius(list, largest, MIN_RADIUS_PX, maxRadius), colour: classes[i] < 0 ? NO_DATA_COLOUR : colours[classes[i]] };
    all.set(r.code, pt);
    if (list >= minList) drawn.push(pt);
  });
  // Small symbols on top of large ones, so a small practice next to a big one can still be pointed at.
  drawn.sort((a, b) => b.radius - a.radius);
  return { drawn, all, breaks, colours, counts, noValue, noCoordinates, minList, largest, maxRadius, key: `${paletteId}|${minList}|${maxRadius}|${breaks.join(',')}|${values.length}` };
}

/** The drawn practice under a screen point (the smallest symbol wins where they overlap), or null. */
export function practiceAt(drawn: PracticePoint[], project: (lon: number, lat: number) => [number, number], x: number, y: number): PracticePoint | null {
  let best: PracticePoint | null = null;
  for (const p of drawn) {
    const [px, py] = project(p.lon, p.lat);
    const d2 = (px - x) ** 2 + (py - y) ** 2;
    const reach = p.radius + 2;
    if (d2 <= reach * reach && (!best || p.radius < best.radius)) best = p;
  }
  return best;
}
