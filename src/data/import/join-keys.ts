/**
 * Joins every row's code to the atlas (see geography-rules) and sorts the rows that do not join into
 * their reasons: blank, outside England, a total for a larger area, another geography, another
 * year's code, or not a code at all. Local authority codes of abolished districts join on their 2024
 * authority; those translations, and old districts merged into one, are listed.
 */
import { classifyCode, GEOGRAPHY_NOUN, normaliseCode, type Country } from './classify-code';
import type { KeyDetection } from './detect-key-column';
import { GEOGRAPHY_RULES } from './geography-rules';
import { MAX_LISTED } from './import-issue';
import { cellText, type ImportedTable } from './imported-table';
import type { ReferenceCodes } from './reference-codes';

export type UnmatchedReason = 'not-a-code' | 'other-level' | 'other-vintage' | 'unknown-code';

export interface UnmatchedCode { code: string; rows: number[]; count: number; reason: UnmatchedReason; detail: string }
export interface RowsOf { rows: number[]; count: number }

export interface KeyJoin {
  /** Per row, the code it joins the atlas on (null: does not join). */
  joinKeys: (string | null)[];
  rowsMatched: number;
  distinctCodes: number;
  distinctMatched: number;
  blank: RowsOf;
  /** Every code that did not join, once, with all its rows. */
  unmatched: UnmatchedCode[];
  /** Codes on more than one row. */
  duplicates: { code: string; rows: number[] }[];
  outsideEngland: ({ country: Country | 'UK or GB'; examples: string[] } & RowsOf)[];
  aggregates: { code: string; description: string; rows: number[]; count: number }[];
  /** LAD codes translated to 2024 (code ≠ its 2024 code). */
  harmonised: { from: string; to: string; rows: number }[];
  /** 2024 authorities that several distinct codes in the file were translated into. */
  merged: { to: string; from: string[] }[];
}

const push = (r: RowsOf, row: number) => {
  if (r.count++ < MAX_LISTED) r.rows.push(row);
};

export function joinKeys(table: ImportedTable, key: KeyDetection, refs: ReferenceCodes): KeyJoin {
  const col = table.columns.find((c) => c.name === key.column)!;
  const rule = key.geography ? GEOGRAPHY_RULES[key.geography] : null;
  const joinKeys: (string | null)[] = new Array(table.rowCount).fill(null);
  const blank: RowsOf = { rows: [], count: 0 };
  const rowsByCode = new Map<string, number[]>();
  const unmatched = new Map<string, UnmatchedCode>();
  const outside = new Map<string, { country: Country | 'UK or GB'; examples: string[] } & RowsOf>();
  const aggregates = new Map<string, { code: string; description: string; rows: number[]; count: number }>();
  const harmonised = new Map<string, { from: string; to: string; rows: number }>();
  const matchedCodes = new Set<string>();
  let rowsMatched = 0;
  for (let i = 0; i < table.rowCount; i++) {
    const row = table.rowNumbers[i];
    const text = cellText(col, i).trim();
    const code = normaliseCode(text);
    if (!code) {
      push(blank, row);
      continue;
    }
    const rows = rowsByCode.get(code);
    if (!rows) rowsByCode.set(code, [row]);
    else if (rows.length < MAX_LISTED) rows.push(row);
    const c = classifyCode(code);
    if (c?.kind === 'outside-england') {
      let o = outside.get(c.country);
      if (!o) outside.set(c.country, (o = { country: c.country, examples: [], rows: [], count: 0 }));
      push(o, row);
      if (o.examples.length < 3 && !o.examples.includes(code)) o.examples.push(code);
      continue;
    }
    if (c?.kind === 'other-england' && c.aggregate) {
      const a = aggregates.get(code) ?? { code, description: c.description, rows: [], count: 0 };
      aggregates.set(code, a);
      push(a, row);
      continue;
    }
    const joined = rule && key.target && c?.kind === 'joinable' && c.geography === key.geography ? rule.join(code, refs, key.target) : null;
    if (joined) {
      joinKeys[i] = joined;
      rowsMatched++;
      matchedCodes.add(code);
      if (joined !== code) {
        const h = harmonised.get(code) ?? { from: code, to: joined, rows: 0 };
        h.rows++;
        harmonised.set(code, h);
      }
      continue;
    }
    const u = unmatched.get(code);
    if (u) push(u, row);
    // shown as first written (not upper-cased): it is what the user will search their file for
    else unmatched.set(code, { code: text, rows: [row], count: 1, ...whyUnmatched(code, key, refs) });
  }
  const merged = new Map<string, string[]>();
  for (const h of harmonised.values()) merged.set(h.to, [...(merged.get(h.to) ?? []), h.from]);
  for (const [to, from] of merged) if (rowsByCode.has(to)) from.push(to);
  return {
    joinKeys, rowsMatched, distinctCodes: rowsByCode.size, distinctMatched: matchedCodes.size, blank,
    unmatched: [...unmatched.values()],
    duplicates: [...rowsByCode].filter(([, r]) => r.length > 1).map(([code, rows]) => ({ code, rows })),
    outsideEngland: [...outside.values()], aggregates: [...aggregates.values()], harmonised: [...harmonised.values()],
    merged: [...merged].filter(([, from]) => from.length > 1).map(([to, from]) => ({ to, from: from.sort() })),
  };
}

function whyUnmatched(code: string, key: KeyDetection, refs: ReferenceCodes): { reason: UnmatchedReason; detail: string } {
  const c = classifyCode(code);
  if (!c) return { reason: 'not-a-code', detail: 'not an area code' };
  if (c.kind === 'other-england') return { reason: 'other-level', detail: `${c.description} code (${c.entity}), not a level of the atlas` };
  if (c.kind !== 'joinable') return { reason: 'other-level', detail: 'not an English code' };
  if (c.geography !== key.geography) return { reason: 'other-level', detail: `${GEOGRAPHY_NOUN[c.geography]} code in a column of ${key.geography ? GEOGRAPHY_NOUN[key.geography] : 'other'} codes` };
  if (c.geography !== 'practice') {
    const years = [...refs.vintages[c.geography]].filter(([, set]) => set.has(code)).map(([y]) => y).sort();
    if (years.length) {
      const label = GEOGRAPHY_RULES[c.geography].vintageLabel;
      return { reason: 'other-vintage', detail: `in ${years.map(label).join(', ')} but not in ${key.target?.label ?? 'the atlas'}` };
    }
  }
  return { reason: 'unknown-code', detail: `not in any list of ${GEOGRAPHY_NOUN[c.geography]} codes` };
}
