/**
 * The shortlist as the view state keeps it: the areas a planner picked (in their chosen order, each
 * with a free-text note), the level those codes belong to, a title and extra indicator columns.
 * Everything in here may come from a shared link, so the normaliser checks every field, keeps what
 * is valid and cleans text of control and bidirectional-override characters (which could make a
 * note display as something it is not).
 */
import { isGssCode } from '../geo/area-codes';
import { LEVELS, isLevelId, type LevelId } from '../geo/levels';

/** Enough for any realistic target list, and still a link e-mail programs accept (see url-state). */
export const MAX_SHORTLIST = 500;
export const MAX_NOTE = 500;
export const MAX_TITLE = 120;
export const MAX_COLUMNS = 8;

export interface ShortlistItem {
  code: string;
  note: string;
}

/** An indicator shown as a column, with its dimension choices (period, sex, ...). */
export interface ShortlistColumn {
  id: string;
  dims: Record<string, string>;
}

export interface ShortlistSpec {
  /** The level of the codes; follows the map while the list is empty. */
  level: LevelId;
  /** "" means the default title ("Shortlist – <focus region>"). */
  title: string;
  /** In the planner's order: the position is the rank. */
  items: ShortlistItem[];
  /** Columns besides the map's own measure. */
  columns: ShortlistColumn[];
}

export const EMPTY_SHORTLIST: ShortlistSpec = { level: 'lsoa21', title: '', items: [], columns: [] };

// C0/C1 controls, and bidi embeddings/overrides/isolates: text from a link is shown as typed, never reordered.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(x: unknown, max: number): string {
  if (typeof x !== 'string') return '';
  return x.replace(UNSAFE_CHARS, ' ').slice(0, max);
}

/** A code of the given level (its GSS entity prefix), so an LSOA code cannot pose as a ward. */
function isCodeOfLevel(code: unknown, level: LevelId): code is string {
  return typeof code === 'string' && isGssCode(code) && LEVELS[level].prefixes.includes(code.slice(0, 3));
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function column(x: unknown, isIndicator: (id: string) => boolean): ShortlistColumn | null {
  if (!isObj(x) || typeof x.id !== 'string' || !isIndicator(x.id)) return null;
  const dims = isObj(x.dims)
    ? Object.fromEntries(Object.entries(x.dims).filter(([k, v]) => /^[a-z_]{1,20}$/i.test(k) && typeof v === 'string' && v.length < 40)) as Record<string, string>
    : {};
  return { id: x.id, dims };
}

/**
 * A valid shortlist from anything, or undefined when it is not a shortlist at all. Invalid items
 * and columns are dropped one by one (the link decoder reports how many); duplicates keep the first.
 */
export function normaliseShortlist(x: unknown, isIndicator: (id: string) => boolean): ShortlistSpec | undefined {
  if (!isObj(x) || !isLevelId(x.level)) return undefined;
  const level = x.level;
  const seen = new Set<string>();
  const items: ShortlistItem[] = [];
  for (const it of Array.isArray(x.items) ? x.items : []) {
    if (items.length >= MAX_SHORTLIST) break;
    if (!isObj(it) || !isCodeOfLevel(it.code, level) || seen.has(it.code)) continue;
    seen.add(it.code);
    items.push({ code: it.code, note: cleanText(it.note, MAX_NOTE) });
  }
  const columns: ShortlistColumn[] = [];
  for (const c of Array.isArray(x.columns) ? x.columns : []) {
    const col = column(c, isIndicator);
    if (col && columns.length < MAX_COLUMNS && !columns.some((k) => k.id === col.id && JSON.stringify(k.dims) === JSON.stringify(col.dims))) columns.push(col);
  }
  return { level, title: cleanText(x.title, MAX_TITLE), items, columns };
}
