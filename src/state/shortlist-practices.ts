/**
 * GP practices and Primary Care Networks a planner added to the shortlist (e.g. from the pull
 * partners), kept apart from its areas: a PCN is a group of practices, not an area, and neither has
 * a GSS code. Only the kind and the ODS code are kept (in the share link too); names, PCN and site
 * come from the practice data when shown or exported, so a link cannot make a code carry another name.
 */
export interface ShortlistPractice {
  kind: 'practice' | 'pcn';
  /** ODS code: practice (e.g. "B82005") or PCN (e.g. "U12345"). */
  code: string;
}

export const MAX_SHORTLIST_PRACTICES = 200;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const ODS = /^[A-Z0-9]{3,8}$/;

/** undefined: not a list at all (the caller warns). Invalid or repeated entries are left out one by one. */
export function normaliseShortlistPractices(x: unknown): ShortlistPractice[] | undefined {
  if (!Array.isArray(x)) return undefined;
  const out: ShortlistPractice[] = [];
  for (const it of x) {
    if (out.length >= MAX_SHORTLIST_PRACTICES) break;
    if (!isObj(it) || (it.kind !== 'practice' && it.kind !== 'pcn') || typeof it.code !== 'string' || !ODS.test(it.code)) continue;
    const kind = it.kind;
    const code = it.code;
    if (!out.some((o) => o.kind === kind && o.code === code)) out.push({ kind, code });
  }
  return out;
}

/** Adds an entry at the end (no duplicates, up to the limit). */
export function addShortlistPractice(list: readonly ShortlistPractice[], p: ShortlistPractice): ShortlistPractice[] {
  if (list.some((o) => o.kind === p.kind && o.code === p.code) || list.length >= MAX_SHORTLIST_PRACTICES) return [...list];
  return [...list, p];
}
