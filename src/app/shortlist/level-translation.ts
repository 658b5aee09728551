/**
 * Converting a shortlist to another level through the small areas both levels are built from: every
 * ward, local authority, Sub-ICB area, ICB and Cancer Alliance is a set of whole LSOAs (2021), so
 * "LSOAs → the wards containing them" and "wards → the LSOAs inside them" are exact. A coarser area
 * is listed if any of its LSOAs was; the summary says how many are only partly covered. Levels that
 * share no small-area table (LSOA 2011 and wards, say) cannot be converted.
 */
import { LEVELS, type LevelId } from '../../geo/levels';
import { MAX_SHORTLIST, type ShortlistItem, type ShortlistSpec } from '../../state/shortlist-spec';

/** One row per small area: its code, its parents' codes by level, and its residents. */
export interface Membership {
  base: 'lsoa21' | 'lsoa11';
  codes: string[];
  parents: Partial<Record<LevelId, (string | null)[]>>;
  population: Float64Array;
}

export const MEMBERSHIP_LEVELS: Record<Membership['base'], LevelId[]> = {
  lsoa21: ['ward24', 'lad24', 'sicbl24', 'icb24', 'cal19'],
  lsoa11: ['lad24', 'icb24'],
};

/** The small-area table that links both levels, or null when there is none. */
export function linkingBase(from: LevelId, to: LevelId): Membership['base'] | null {
  for (const base of ['lsoa21', 'lsoa11'] as const) {
    const here = [base, ...MEMBERSHIP_LEVELS[base]];
    if (here.includes(from) && here.includes(to)) return base;
  }
  return null;
}

export interface Translation {
  spec: ShortlistSpec;
  /** How the list was converted, in words. */
  summary: string;
}

const codeAt = (m: Membership, level: LevelId, i: number): string | null => (level === m.base ? m.codes[i] : m.parents[level]?.[i] ?? null);
const n = (x: number) => x.toLocaleString('en-GB');

export function translateShortlist(spec: ShortlistSpec, to: LevelId, m: Membership): Translation {
  const from = spec.level;
  const rank = new Map(spec.items.map((it, r) => [it.code, r]));
  const notes = new Map(spec.items.map((it) => [it.code, it.note]));
  const targets = new Map<string, { rank: number; notes: string[]; covered: number }>();
  const totals = new Map<string, number>();
  for (let i = 0; i < m.codes.length; i++) {
    const target = codeAt(m, to, i);
    if (!target) continue;
    totals.set(target, (totals.get(target) ?? 0) + m.population[i]);
    const src = codeAt(m, from, i);
    const r = src === null ? undefined : rank.get(src);
    if (r === undefined) continue;
    const t = targets.get(target) ?? { rank: r, notes: [], covered: 0 };
    t.rank = Math.min(t.rank, r);
    t.covered += m.population[i];
    const note = notes.get(src!);
    if (note && !t.notes.includes(note)) t.notes.push(note);
    targets.set(target, t);
  }
  // Best-ranked source first; areas from the same source keep code order.
  const ordered = [...targets].sort((a, b) => a[1].rank - b[1].rank || a[0].localeCompare(b[0]));
  const items: ShortlistItem[] = ordered.map(([code, t]) => ({ code, note: t.notes.join(' / ') }));
  const partly = ordered.filter(([code, t]) => t.covered < (totals.get(code) ?? 0) - 0.5).length;
  const [a, b] = [LEVELS[from], LEVELS[to]];
  const how = to === m.base
    ? `every ${b.noun} inside them; notes copied to each`
    : `every ${b.noun} with at least one of their LSOAs${partly ? `, ${n(partly)} of them only partly covered by the old list` : ''}; notes combined`;
  const cut = items.length > MAX_SHORTLIST ? ` Only the first ${n(MAX_SHORTLIST)} are kept (the shortlist limit).` : '';
  return {
    spec: { ...spec, level: to, items: items.slice(0, MAX_SHORTLIST) },
    summary: `${n(spec.items.length)} ${a.label} areas become ${n(items.length)} ${b.label} areas (${how}).${cut}`,
  };
}
