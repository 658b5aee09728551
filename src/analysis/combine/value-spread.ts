/**
 * How much an input can tell areas apart inside a region: how many areas have a value and how many
 * different values there are. An input whose present values are all equal (a council-wide smoking
 * estimate on the wards of one council) adds the same amount to every area, so a composite or rule
 * built on it ranks the areas by its other inputs only.
 */
export interface ValueSpread {
  /** Areas inside the region with a value. */
  present: number;
  /** Different values among them, counted up to `cap` (enough to say "only a few"). */
  distinct: number;
  /** At least two areas have a value and all of them are equal. */
  constant: boolean;
}

export function valueSpread(values: Float64Array, mask: Uint8Array | null, cap = 1000): ValueSpread {
  const seen = new Set<number>();
  let present = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask && !mask[i]) continue;
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    present++;
    if (seen.size < cap) seen.add(v);
  }
  return { present, distinct: seen.size, constant: present >= 2 && seen.size === 1 };
}
