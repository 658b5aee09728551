/**
 * How each hotspot class looks: a fill colour from ColorBrewer's RdBu (colour-blind safe) and, for
 * significant classes, a hatch drawn over it, so significance and direction read without colour:
 * hot / High–High lines lean "/", cold / Low–Low lean "\", outliers are cross-hatched or dotted, and
 * the more confident a Gi* class, the denser its lines. The legend draws the same pattern in CSS.
 */
import type { ProceduralPatternConfig } from '@deck.gl/extensions';
import type { GClass, LisaClass } from '../analysis/stats/cluster-classes';
import { NO_DATA_COLOUR, type Rgba } from './palettes';

/** Areas without a value are not tested; they are drawn like "no data" elsewhere. */
export type HotspotClassKey = GClass | LisaClass | 'no-value';

export interface HotspotClassStyle {
  fill: Rgba;
  /** null: not significant (no hatch). */
  pattern: ProceduralPatternConfig | null;
}

/** Ink of the hatch lines: dark enough on the pale classes, with a little transparency on the dark ones. */
export const HATCH_INK: Rgba = [20, 20, 20, 210];

const hatch = (angle: number, strokeWidth: number, gap: number): ProceduralPatternConfig => ({ type: 'hatch', angle, strokeWidth, gap });

export const HOTSPOT_CLASS_STYLES: Record<HotspotClassKey, HotspotClassStyle> = {
  'not-significant': { fill: [240, 240, 240, 255], pattern: null },
  'hot-99': { fill: [178, 24, 43, 255], pattern: hatch(45, 1.6, 2.4) },
  'hot-95': { fill: [239, 138, 98, 255], pattern: hatch(45, 1.3, 4.2) },
  'hot-90': { fill: [253, 219, 199, 255], pattern: hatch(45, 1, 7) },
  'cold-90': { fill: [209, 229, 240, 255], pattern: hatch(135, 1, 7) },
  'cold-95': { fill: [103, 169, 207, 255], pattern: hatch(135, 1.3, 4.2) },
  'cold-99': { fill: [33, 102, 172, 255], pattern: hatch(135, 1.6, 2.4) },
  'high-high': { fill: [178, 24, 43, 255], pattern: hatch(45, 1.4, 3) },
  'low-low': { fill: [33, 102, 172, 255], pattern: hatch(135, 1.4, 3) },
  'high-low': { fill: [239, 138, 98, 255], pattern: { type: 'cross-hatch', angles: [45, 135], strokeWidth: 1.1, gap: 4 } },
  'low-high': { fill: [103, 169, 207, 255], pattern: { type: 'dots', radius: 1.4, gap: 3.5 } },
  'no-neighbours': { fill: [150, 150, 150, 255], pattern: null },
  'no-value': { fill: NO_DATA_COLOUR, pattern: null },
};

/** The pattern mapping for FillStyleExtension: one entry per significant class. */
export const HOTSPOT_PATTERNS: Record<string, ProceduralPatternConfig> = Object.fromEntries(
  Object.entries(HOTSPOT_CLASS_STYLES).flatMap(([k, s]) => (s.pattern ? [[k, s.pattern]] : [])),
);

const css = (c: Rgba) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(2)})`;

/**
 * A CSS background that shows a class as the map does (fill plus pattern), for legend swatches.
 * CSS gradient angles turn clockwise from "up" and deck.gl hatch angles anticlockwise from "east";
 * a line at angle a runs along a gradient of angle (90 − a) + 90 = 180 − a.
 */
export function hotspotSwatchCss(key: HotspotClassKey): string {
  const { fill, pattern } = HOTSPOT_CLASS_STYLES[key];
  if (!pattern) return css(fill);
  const ink = css(HATCH_INK);
  if (pattern.type === 'dots') {
    const r = pattern.radius ?? 1;
    const p = 2 * r + (pattern.gap ?? 1);
    return `radial-gradient(circle, ${ink} ${r}px, transparent ${r + 0.5}px) 0 0 / ${p}px ${p}px, ${css(fill)}`;
  }
  const w = pattern.strokeWidth ?? 1;
  const gap = typeof pattern.gap === 'number' ? pattern.gap : 1;
  const angles = pattern.type === 'cross-hatch' ? pattern.angles ?? [45, 135] : [pattern.angle ?? 0];
  const lines = angles.map((a) => `repeating-linear-gradient(${180 - a}deg, ${ink} 0 ${w}px, transparent ${w}px ${w + gap}px)`);
  return [...lines, css(fill)].join(', ');
}

/** RGBA per area from class keys (one byte per area indexing `keys`). */
export function hotspotColours(codes: Uint8Array, keys: readonly HotspotClassKey[]): { fill: Uint8Array; ink: Uint8Array } {
  const fill = new Uint8Array(codes.length * 4);
  const ink = new Uint8Array(codes.length * 4);
  for (let i = 0; i < codes.length; i++) {
    const s = HOTSPOT_CLASS_STYLES[keys[codes[i]]];
    fill.set(s.fill, i * 4);
    if (s.pattern) ink.set(HATCH_INK, i * 4);
  }
  return { fill, ink };
}
