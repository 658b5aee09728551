/** Period choices for dimensions: single years and pooled spans, with the years they cover. */
import type { DimensionValue } from './types';

/** Single years, newest first. */
export const yearValues = (from: number, to: number): DimensionValue[] =>
  Array.from({ length: to - from + 1 }, (_, i) => to - i).map((y) => ({ value: String(y), label: String(y), start: y, end: y }));

/** A pooled span written `2015-2019` (or `2015-17` with `short`), labelled "2015–2019 (pooled)". */
export function pooledValue(start: number, end: number, short = false): DimensionValue {
  const value = short ? `${start}-${String(end).slice(2)}` : `${start}-${end}`;
  return { value, label: `${start}–${end}${short ? '' : ' (pooled)'}`, start, end };
}
