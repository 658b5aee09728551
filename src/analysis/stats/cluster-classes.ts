/**
 * Cluster classes, stored as small integer codes (one Uint8Array per result, cheap to colour on the
 * GPU) indexing a fixed list of keys.
 *
 * Gi / Gi*: hot or cold by the sign of the analytical z, binned by the strictest of the 99 / 95 /
 * 90 % levels the adjusted p-value passes; a bin is only used when its level (0.01 / 0.05 / 0.10) is
 * within the chosen α, so the map never calls an area significant at a level the user rejected.
 * LISA: the Moran-scatterplot quadrant of (x − x̄, lag) for areas with adjusted p ≤ α; a value is
 * "high" when it is above 0 (above the mean), as GeoDa, PySAL and spdep's "pysal" quadrants do.
 * Areas with no neighbours get their own class, so they are never mistaken for "not significant".
 */

export const G_CLASSES = ['not-significant', 'hot-99', 'hot-95', 'hot-90', 'cold-90', 'cold-95', 'cold-99', 'no-neighbours'] as const;
export const LISA_CLASSES = ['not-significant', 'high-high', 'low-low', 'high-low', 'low-high', 'no-neighbours'] as const;
export type GClass = (typeof G_CLASSES)[number];
export type LisaClass = (typeof LISA_CLASSES)[number];

export const CLASS_LABELS: Record<GClass | LisaClass, string> = {
  'not-significant': 'Not significant',
  'hot-99': 'Hot spot (99 % confidence)',
  'hot-95': 'Hot spot (95 % confidence)',
  'hot-90': 'Hot spot (90 % confidence)',
  'cold-90': 'Cold spot (90 % confidence)',
  'cold-95': 'Cold spot (95 % confidence)',
  'cold-99': 'Cold spot (99 % confidence)',
  'high-high': 'High–High cluster',
  'low-low': 'Low–Low cluster',
  'high-low': 'High–Low outlier',
  'low-high': 'Low–High outlier',
  'no-neighbours': 'No neighbours (not tested)',
};

const G_LEVELS = [0.01, 0.05, 0.1] as const;

export function gClasses(z: Float64Array, pAdjusted: Float64Array, alpha: number): Uint8Array {
  const out = new Uint8Array(z.length);
  const noNb = G_CLASSES.indexOf('no-neighbours');
  for (let i = 0; i < z.length; i++) {
    const p = pAdjusted[i];
    if (Number.isNaN(p)) {
      out[i] = noNb;
      continue;
    }
    const level = G_LEVELS.findIndex((l) => l <= alpha && p <= l);
    if (level < 0 || !(z[i] > 0 || z[i] < 0)) continue;
    out[i] = z[i] > 0 ? 1 + level : 6 - level;
  }
  return out;
}

export function lisaClasses(centred: Float64Array, lag: Float64Array, pAdjusted: Float64Array, alpha: number): Uint8Array {
  const out = new Uint8Array(centred.length);
  const noNb = LISA_CLASSES.indexOf('no-neighbours');
  for (let i = 0; i < centred.length; i++) {
    const p = pAdjusted[i];
    if (Number.isNaN(p)) out[i] = noNb;
    else if (p <= alpha) {
      const hi = centred[i] > 0;
      const lagHi = lag[i] > 0;
      out[i] = hi ? (lagHi ? 1 : 3) : lagHi ? 4 : 2;
    }
  }
  return out;
}

/** Number of areas and, optionally, a per-area total (e.g. residents) in each class. */
export function classTotals(codes: Uint8Array, classes: readonly string[], perArea?: ArrayLike<number>): Record<string, { areas: number; total: number }> {
  const out: Record<string, { areas: number; total: number }> = {};
  for (const c of classes) out[c] = { areas: 0, total: 0 };
  for (let i = 0; i < codes.length; i++) {
    const t = out[classes[codes[i]]];
    t.areas++;
    if (perArea) t.total += perArea[i];
  }
  return out;
}
