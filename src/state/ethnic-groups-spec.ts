/**
 * The user's groups of ethnic groups ("Black, Asian, Mixed and Other ethnic groups"): each is a set
 * of Census 2021 groups (ethnic-classification.ts) with a label, defined once and then chosen like
 * any ethnic group wherever a measure is picked. A group's id is derived from its members, so the
 * same members always give the same id (and the same SQL), and a link cannot pair an id with other
 * members. Members are kept without overlap: a high-level group replaces its own detailed groups,
 * so nobody is counted twice.
 */
import { ETHNIC_GROUPS, ETHNIC_GROUP_KEYS } from './ethnic-classification';
import { cleanText } from './shortlist-spec';

export interface EthnicGroupSpec {
  /** "g" + the members as a bit set in base 36 (see `ethnicGroupId`). */
  id: string;
  label: string;
  /** Group keys, in the classification's order, without overlap. */
  members: string[];
}

export const MAX_ETHNIC_GROUPS = 6;
const MAX_GROUP_LABEL = 80;

/** Members as the classification orders them, unknown keys dropped, detailed groups under a chosen high-level group dropped. */
export function canonicalMembers(members: readonly unknown[]): string[] {
  const chosen = new Set(members.filter((m): m is string => typeof m === 'string' && ETHNIC_GROUP_KEYS.includes(m)));
  return ETHNIC_GROUPS.filter((g) => chosen.has(g.key) && !(g.broad && chosen.has(g.broad))).map((g) => g.key);
}

export function ethnicGroupId(members: readonly string[]): string {
  let mask = 0;
  for (const m of members) {
    const i = ETHNIC_GROUP_KEYS.indexOf(m);
    if (i >= 0) mask += 2 ** i;
  }
  return `g${mask.toString(36)}`;
}

/** "Asian, Black, Mixed and Other ethnic group": the members' short names, for a group the user has not named. */
export function defaultGroupLabel(members: readonly string[]): string {
  const names = members.map((m) => ETHNIC_GROUPS.find((g) => g.key === m)?.short ?? m);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A group from a label and members, or null when fewer than two groups are left (one group is already a measure). */
export function makeEthnicGroup(label: unknown, members: readonly unknown[]): EthnicGroupSpec | null {
  const m = canonicalMembers(members);
  if (m.length < 2) return null;
  const text = cleanText(label, MAX_GROUP_LABEL).trim();
  return { id: ethnicGroupId(m), label: text || defaultGroupLabel(m), members: m };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Valid groups from anything (a link, local storage); undefined when it is not a list at all. Duplicates keep the first. */
export function normaliseEthnicGroups(x: unknown): EthnicGroupSpec[] | undefined {
  if (!Array.isArray(x)) return undefined;
  const out: EthnicGroupSpec[] = [];
  for (const g of x) {
    if (out.length >= MAX_ETHNIC_GROUPS) break;
    if (!isObj(g) || !Array.isArray(g.members)) continue;
    const made = makeEthnicGroup(g.label, g.members);
    if (made && !out.some((o) => o.id === made.id)) out.push(made);
  }
  return out;
}
