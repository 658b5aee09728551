/**
 * Colours of the combine views. Bivariate schemes are published 3×3 schemes, listed from the
 * low/low corner row by row (index = 3 × row + column): Cynthia Brewer's blue/orange sequential ×
 * sequential scheme (hues along the blue–yellow axis that colour-blind readers keep apart) and two of
 * Joshua Stevens' schemes. The overlap map shades 0…k−1 conditions in blues and marks "all met" in
 * orange, a hue apart from every blue, and also outlines those areas (a cue that needs no colour).
 */
import { interpolateBlues } from 'd3-scale-chromatic';
import { NO_DATA_COLOUR, parseCssColour, type Rgba } from '../../map/palettes';
import type { BivariateScheme } from '../../state/combine-spec';

export const BIVARIATE_SCHEME_INFO: Record<BivariateScheme, { label: string; colours: string[] }> = {
  'blue-orange': {
    label: 'Blue / orange (ColorBrewer, Brewer 2004)',
    colours: ['#f3f3f3', '#b4d3e1', '#509dc2', '#f3e6b3', '#b3b3b3', '#376387', '#f3b300', '#b36600', '#000000'],
  },
  'pink-blue': {
    label: 'Pink / blue (Joshua Stevens)',
    colours: ['#e8e8e8', '#ace4e4', '#5ac8c8', '#dfb0d6', '#a5add3', '#5698b9', '#be64ac', '#8c62aa', '#3b4994'],
  },
  'purple-gold': {
    label: 'Purple / gold (Joshua Stevens)',
    colours: ['#e8e8e8', '#e4d9ac', '#c8b35a', '#cbb8d7', '#c8ada0', '#af8e53', '#9972af', '#976b82', '#804d36'],
  },
};

const ALL_MET_COLOUR: Rgba = [217, 95, 2, 255];
export const ALL_MET_OUTLINE: Rgba = [30, 20, 10, 255];

/** Colours for 0…k conditions met (index = count); the last is "all met". */
export function ruleColours(k: number): Rgba[] {
  const blues = Array.from({ length: k }, (_, c) => parseCssColour(interpolateBlues(k === 1 ? 0.15 : 0.08 + (0.55 * c) / (k - 1))));
  return [...blues, ALL_MET_COLOUR];
}

export const css = (c: Rgba) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** RGBA per area from a class per area (−1: no data) and the class colours. */
export function paint(classes: ArrayLike<number>, colours: readonly Rgba[]): Uint8Array {
  const out = new Uint8Array(classes.length * 4);
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i] >= 0 && classes[i] < colours.length ? colours[classes[i]] : NO_DATA_COLOUR;
    const o = i * 4;
    out[o] = c[0];
    out[o + 1] = c[1];
    out[o + 2] = c[2];
    out[o + 3] = c[3];
  }
  return out;
}
