/**
 * Turns an indicator's values into classes and colours for the map and legend. Decile indicators
 * always get ten fixed classes so a decile has the same colour in every region and level.
 */
import { assignClasses, computeBreaks, type ClassMethod } from '../analysis/classify/breaks';
import { darkIsHigh } from '../data/catalogue/direction';
import type { Indicator } from '../data/catalogue/types';
import type { Classification } from '../state/view-state';
import { classColours, NO_DATA_COLOUR, type Rgba } from './palettes';

export interface Classified {
  method: ClassMethod;
  breaks: number[];
  classes: Int16Array;
  colours: Rgba[];
  counts: number[];
  missing: number;
}

export function defaultClassification(ind: Indicator): Classification {
  const method = ind.classification === 'decile' ? 'decile' : ind.classification === 'categorical' ? 'categorical' : ind.classification;
  return { method, classes: method === 'decile' || method === 'categorical' ? 10 : 5, custom: null, scope: 'focus' };
}

const DECILE_BREAKS = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5];

export function classifyValues(values: Float64Array, ind: Indicator, chosen: Classification | null, mask: Uint8Array | null, ranked: number, paletteId: string): Classified {
  const c = chosen ?? defaultClassification(ind);
  const useMask = c.scope === 'focus' ? mask ?? undefined : undefined;
  const breaks = c.method === 'categorical' && ind.kind === 'decile'
    ? DECILE_BREAKS
    : computeBreaks(values, { method: c.method, classes: c.classes, custom: c.custom, rankedCount: ranked }, useMask);
  const classes = assignClasses(values, breaks);
  const k = breaks.length + 1;
  const counts = new Array<number>(k).fill(0);
  let missing = 0;
  for (let i = 0; i < classes.length; i++) {
    if (mask && !mask[i]) continue;
    if (classes[i] < 0) missing++;
    else counts[classes[i]]++;
  }
  return { method: c.method, breaks, classes, colours: classColours(paletteId, k, darkIsHigh(ind)), counts, missing };
}

/** The same classes in another palette: breaks, classes and counts do not depend on colours. */
export function withPalette(c: Classified, ind: Indicator, paletteId: string): Classified {
  return { ...c, colours: classColours(paletteId, c.breaks.length + 1, ind.polarity === 'higher-worse') };
}

export function colourBuffer(c: Classified): Uint8Array {
  const out = new Uint8Array(c.classes.length * 4);
  for (let i = 0; i < c.classes.length; i++) out.set(c.classes[i] < 0 ? NO_DATA_COLOUR : c.colours[c.classes[i]], i * 4);
  return out;
}
