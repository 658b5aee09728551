/**
 * Every change to the shortlist as a pure function of the old list: the panel, the map tools and
 * the undo history all go through these, and the list never holds a code twice or more than
 * MAX_SHORTLIST codes.
 */
import type { LevelId } from '../../geo/levels';
import { MAX_NOTE, MAX_SHORTLIST, cleanText, type ShortlistItem, type ShortlistSpec } from '../../state/shortlist-spec';

export interface Change {
  spec: ShortlistSpec;
  /** What happened, in words for a status message; null when nothing changed. */
  message: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** An empty list follows the map's level; a list with areas keeps its own until converted. */
export function atLevel(spec: ShortlistSpec, level: LevelId): ShortlistSpec {
  return spec.items.length === 0 && spec.level !== level ? { ...spec, level } : spec;
}

/** Appends codes not yet listed, in the order given, up to the size limit. */
export function addCodes(spec: ShortlistSpec, codes: readonly string[]): Change {
  const have = new Set(spec.items.map((i) => i.code));
  const fresh = [...new Set(codes)].filter((c) => !have.has(c));
  const room = MAX_SHORTLIST - spec.items.length;
  const taken = fresh.slice(0, Math.max(0, room));
  if (!taken.length) {
    return { spec, message: fresh.length ? `The shortlist is full (${MAX_SHORTLIST} areas); remove some areas first.` : codes.length ? 'Those areas are already on the shortlist.' : 'No areas matched.' };
  }
  const left = fresh.length - taken.length;
  const skipped = codes.length - fresh.length;
  const message = [`Added ${plural(taken.length, 'area')} to the shortlist`, skipped ? `${plural(skipped, 'was', 'were')} already on it` : '', left ? `${plural(left, 'area')} did not fit (limit ${MAX_SHORTLIST})` : '']
    .filter(Boolean).join('; ') + '.';
  return { spec: { ...spec, items: [...spec.items, ...taken.map((code) => ({ code, note: '' }))] }, message };
}

export function removeCodes(spec: ShortlistSpec, codes: readonly string[]): Change {
  const drop = new Set(codes);
  const items = spec.items.filter((i) => !drop.has(i.code));
  const n = spec.items.length - items.length;
  return n ? { spec: { ...spec, items }, message: `Removed ${plural(n, 'area')} from the shortlist.` } : { spec, message: null };
}

/** Adds the area, or removes it if it is already listed (click in the pick tool). */
export function toggleCode(spec: ShortlistSpec, code: string): Change {
  return spec.items.some((i) => i.code === code) ? removeCodes(spec, [code]) : addCodes(spec, [code]);
}

/** Moves the item at `from` to position `to` (both 0-based, clamped). */
export function moveItem(spec: ShortlistSpec, from: number, to: number): ShortlistSpec {
  const n = spec.items.length;
  if (from < 0 || from >= n) return spec;
  const target = Math.max(0, Math.min(n - 1, to));
  if (target === from) return spec;
  const items = [...spec.items];
  const [it] = items.splice(from, 1);
  items.splice(target, 0, it);
  return { ...spec, items };
}

/** The list in the order of `codes` (e.g. the table's current sort); unlisted codes are ignored. */
export function reorder(spec: ShortlistSpec, codes: readonly string[]): ShortlistSpec {
  const byCode = new Map(spec.items.map((i) => [i.code, i]));
  const items: ShortlistItem[] = [];
  for (const c of codes) {
    const it = byCode.get(c);
    if (it) {
      items.push(it);
      byCode.delete(c);
    }
  }
  return { ...spec, items: [...items, ...byCode.values()] };
}

export function setNote(spec: ShortlistSpec, code: string, note: string): ShortlistSpec {
  const clean = cleanText(note, MAX_NOTE);
  return { ...spec, items: spec.items.map((i) => (i.code === code ? { ...i, note: clean } : i)) };
}

export function clearItems(spec: ShortlistSpec): Change {
  return spec.items.length ? { spec: { ...spec, items: [] }, message: `Cleared ${plural(spec.items.length, 'area')} from the shortlist.` } : { spec, message: null };
}
