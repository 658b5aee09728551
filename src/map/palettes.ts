/**
 * Colour-blind-safe sequential palettes (viridis family and ColorBrewer sequential schemes). Classes
 * are always coloured so that the *worse* end of an indicator is the darker, stronger colour, and the
 * legend also says in words which end is worse, so colour is never the only cue.
 */
import * as chroma from 'd3-scale-chromatic';

export type Rgba = [number, number, number, number];

interface PaletteDef { id: string; label: string; interpolate: (t: number) => string; darkAt: 0 | 1 }

export const PALETTES: PaletteDef[] = [
  // First and default: pale where it matters least, dark red where it matters most, so the eye goes
  // to the worse end (viridis puts its brightest yellow on the *better* end, which draws the eye there).
  { id: 'YlOrRd', label: 'Yellow–orange–red (ColorBrewer)', interpolate: chroma.interpolateYlOrRd, darkAt: 1 },
  { id: 'viridis', label: 'Viridis', interpolate: chroma.interpolateViridis, darkAt: 0 },
  { id: 'cividis', label: 'Cividis', interpolate: chroma.interpolateCividis, darkAt: 0 },
  { id: 'magma', label: 'Magma', interpolate: chroma.interpolateMagma, darkAt: 0 },
  { id: 'plasma', label: 'Plasma', interpolate: chroma.interpolatePlasma, darkAt: 0 },
  { id: 'YlGnBu', label: 'Yellow–green–blue (ColorBrewer)', interpolate: chroma.interpolateYlGnBu, darkAt: 1 },
  { id: 'PuBuGn', label: 'Purple–blue–green (ColorBrewer)', interpolate: chroma.interpolatePuBuGn, darkAt: 1 },
  { id: 'Blues', label: 'Blues (ColorBrewer)', interpolate: chroma.interpolateBlues, darkAt: 1 },
  { id: 'Purples', label: 'Purples (ColorBrewer)', interpolate: chroma.interpolatePurples, darkAt: 1 },
];

export type PaletteId = string;

export function isPaletteId(x: unknown): x is PaletteId {
  return typeof x === 'string' && PALETTES.some((p) => p.id === x);
}

export function parseCssColour(css: string): Rgba {
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
  }
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), 255];
  throw new Error(`unexpected colour ${css}`);
}

/**
 * Colours for k classes ordered from low values to high values. `worseIsHigh` puts the dark end on the
 * highest class; otherwise on the lowest. The extremes of each ramp are trimmed a little because the
 * very lightest tints vanish against the background.
 */
export function classColours(paletteId: PaletteId, k: number, worseIsHigh: boolean): Rgba[] {
  const p = PALETTES.find((x) => x.id === paletteId) ?? PALETTES[0];
  const ts = Array.from({ length: k }, (_, i) => (k === 1 ? 0.5 : 0.08 + (0.86 * i) / (k - 1)));
  // t runs light → dark after this flip.
  const lightToDark = ts.map((t) => (p.darkAt === 1 ? t : 1 - t));
  const colours = lightToDark.map((t) => parseCssColour(p.interpolate(t)));
  return worseIsHigh ? colours : colours.reverse();
}

export const NO_DATA_COLOUR: Rgba = [214, 214, 214, 255];
