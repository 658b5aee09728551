/**
 * How the Evaluate map shows the groups: intervention areas orange with "/" hatching, comparison
 * areas purple with dots (orange–purple stays distinct in every common colour-vision deficiency),
 * intervention areas left out (unmatched, or without data) pale orange cross-hatched, other areas
 * pale grey. The hatching makes the groups readable without colour; the legend draws the same.
 */
import type { ProceduralPatternConfig } from '@deck.gl/extensions';
import { HATCH_INK } from './hotspot-styles';
import type { Rgba } from './palettes';

export type EvaluationGroupKey = 'intervention' | 'comparison' | 'left-out' | 'other';

const EVALUATION_GROUP_STYLES: Record<EvaluationGroupKey, { fill: Rgba; pattern: ProceduralPatternConfig | null }> = {
  intervention: { fill: [230, 97, 1, 255], pattern: { type: 'hatch', angle: 45, strokeWidth: 1.4, gap: 3 } },
  comparison: { fill: [94, 60, 153, 255], pattern: { type: 'dots', radius: 1.3, gap: 3.2 } },
  'left-out': { fill: [253, 184, 99, 255], pattern: { type: 'cross-hatch', angles: [45, 135], strokeWidth: 1, gap: 4 } },
  other: { fill: [236, 236, 236, 255], pattern: null },
};

export const EVALUATION_PATTERNS: Record<string, ProceduralPatternConfig> = Object.fromEntries(
  Object.entries(EVALUATION_GROUP_STYLES).flatMap(([k, s]) => (s.pattern ? [[k, s.pattern]] : [])),
);

/** Dark ink on the pale fills, light ink on the dark ones, so the pattern shows on both. */
const LIGHT_INK: Rgba = [255, 255, 255, 220];
const inkOf = (k: EvaluationGroupKey): Rgba => (k === 'intervention' || k === 'comparison' ? LIGHT_INK : HATCH_INK);

export function evaluationColours(keys: readonly EvaluationGroupKey[]): { fill: Uint8Array; ink: Uint8Array } {
  const fill = new Uint8Array(keys.length * 4);
  const ink = new Uint8Array(keys.length * 4);
  keys.forEach((k, i) => {
    const s = EVALUATION_GROUP_STYLES[k];
    fill.set(s.fill, i * 4);
    if (s.pattern) ink.set(inkOf(k), i * 4);
  });
  return { fill, ink };
}

const css = (c: Rgba) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(2)})`;

/** A CSS background reproducing a group's fill and pattern, for legend swatches (see hotspotSwatchCss). */
export function evaluationSwatchCss(k: EvaluationGroupKey): string {
  const { fill, pattern } = EVALUATION_GROUP_STYLES[k];
  if (!pattern) return css(fill);
  const ink = css(inkOf(k));
  if (pattern.type === 'dots') {
    const r = pattern.radius ?? 1;
    const p = 2 * r + (pattern.gap ?? 1);
    return `radial-gradient(circle, ${ink} ${r}px, transparent ${r + 0.5}px) 0 0 / ${p}px ${p}px, ${css(fill)}`;
  }
  const w = pattern.strokeWidth ?? 1;
  const gap = typeof pattern.gap === 'number' ? pattern.gap : 1;
  const angles = pattern.type === 'cross-hatch' ? pattern.angles ?? [45, 135] : [pattern.angle ?? 0];
  return [...angles.map((a) => `repeating-linear-gradient(${180 - a}deg, ${ink} 0 ${w}px, transparent ${w}px ${w + gap}px)`), css(fill)].join(', ');
}
