/** Builds the legend from the classified values: ranges actually present in each class, worse first. */
import { CLASS_METHODS } from '../analysis/classify/breaks';
import { darkEndText, darkIsHigh } from '../data/catalogue/direction';
import { choiceCaveats } from '../data/catalogue/measure-notes';
import { methodText } from '../data/catalogue/method-text';
import type { Indicator } from '../data/catalogue/types';
import type { LevelId } from '../geo/levels';
import type { Classified } from '../map/classify-values';
import type { Rgba } from '../map/palettes';
import type { LegendModel, LegendTarget } from '../ui/Legend';
import { formatNumber } from '../ui/format';

/** Said in the legend when some classes hold no area in view (they are not listed). */
export function emptyClassesNote(lo: readonly number[]): string {
  const empty = lo.filter((v) => !Number.isFinite(v)).length;
  return empty ? ` ${empty === 1 ? 'One class has' : `${empty} classes have`} no area in view and ${empty === 1 ? 'is' : 'are'} not listed.` : '';
}

const css = (c: Rgba) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

export function legendModel(ind: Indicator, level: LevelId, values: Float64Array, c: Classified, mask: Uint8Array | null, scopeLabel: string, inheritedFrom: string | null, suppressed?: Uint8Array, dims: Record<string, string> = {}): LegendModel {
  const k = c.colours.length;
  const lo = new Array<number>(k).fill(Infinity);
  const hi = new Array<number>(k).fill(-Infinity);
  for (let i = 0; i < values.length; i++) {
    const cl = c.classes[i];
    if (cl < 0 || (mask && !mask[i])) continue;
    lo[cl] = Math.min(lo[cl], values[i]);
    hi[cl] = Math.max(hi[cl], values[i]);
  }
  const label = (i: number) => {
    const [a, b] = [formatNumber(lo[i], ind.decimals), formatNumber(hi[i], ind.decimals)];
    const unit = ind.unit === '%' ? ' %' : '';
    if (ind.kind === 'decile') return a === b ? `Decile ${a}` : `Deciles ${a}–${b}`;
    return a === b ? `${a}${unit}` : `${a} – ${b}${unit}`;
  };
  const order = Array.from({ length: k }, (_, i) => i);
  if (darkIsHigh(ind)) order.reverse();
  let nSuppressed = 0;
  if (suppressed) for (let i = 0; i < suppressed.length; i++) if (suppressed[i] && (!mask || mask[i])) nSuppressed++;
  const method = CLASS_METHODS.find((m) => m.id === c.method)?.label ?? c.method;
  const notes: string[] = [];
  if (inheritedFrom) notes.push(`Area-level values: each area shows the value for the ${inheritedFrom} it lies in (outlined areas share one value). This is not small-area data.`);
  notes.push(...choiceCaveats(ind, dims));
  return {
    title: ind.label,
    target: targetMark(ind, values, mask, order.map((i) => [lo[i], hi[i]] as [number, number])),
    // A class no area here falls in (breaks from England, a small focus) is left out rather than listed as empty.
    items: order.filter((i) => Number.isFinite(lo[i])).map((i) => ({ colour: css(c.colours[i]), label: label(i), count: c.counts[i] })),
    worseLabel: darkEndText(ind),
    noData: c.missing - nSuppressed,
    suppressed: nSuppressed,
    classification: `${method}, ${k} classes; breaks from ${scopeLabel}.${emptyClassesNote(lo)}`,
    method: methodText(ind, level),
    notes,
  };
}

/**
 * Where a national ambition falls among the classes shown (between the classes below it and those
 * at or above it), and how many areas in view reach it.
 */
function targetMark(ind: Indicator, values: Float64Array, mask: Uint8Array | null, ranges: [number, number][]): LegendTarget | null {
  const t = ind.target;
  if (!t) return null;
  let met = 0;
  let known = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]) || (mask && !mask[i])) continue;
    known++;
    if (values[i] >= t.value) met++;
  }
  const shown = ranges.filter(([a]) => Number.isFinite(a));
  const ascending = shown.length < 2 || shown[0][0] <= shown[shown.length - 1][0];
  const position = ascending ? ranges.filter(([, b]) => Number.isFinite(b) && b < t.value).length : ranges.filter(([a]) => Number.isFinite(a) && a >= t.value).length;
  const unit = ind.unit === '%' ? ' %' : '';
  return { position, text: `${formatNumber(t.value, 0)}${unit}: ${t.label} (${formatNumber(met, 0)} of ${formatNumber(known, 0)} areas reach it)` };
}
