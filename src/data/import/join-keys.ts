/**
 * Joins every row's code to the atlas (see geography-rules) and sorts the rows that do not join into
 * their reasons: blank, outside England, a total for a larger area, another geography, another
 * year's code, or not a code at all. Local authority codes of abolished districts join on their 2024
 * authority; those translations, and old districts merged into one (with each district's Census
 * 2021 residents, their weight), are listed. England's own row (E92000001) is not an area of the map
 * but is kept under its code, as the built-in tables keep it, so a rate can be compared with England.
 */
import { ENGLAND_CODE } from '../catalogue/types';
import { classifyCode, GEOGRAPHY_NOUN, normaliseCode, type Country } from './classify-code';
import type { KeyDetection } from './detect-key-column';
import { GEOGRAPHY_RULES } from './geography-rules';
import { MAX_LISTED } from './import-issue';
import { cellText, type ImportedTable } from './imported-table';
import type { ReferenceCodes } from './reference-codes';

export type UnmatchedReason = 'not-a-code' | 'other-level' | 'other-vintage' | 'unknown-code';

/** A code that did not join: as first written, its first ROWS_PER_CODE rows, how many rows, and why. */
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
  /** Codes on more than one row (the first ROWS_PER_CODE rows, and how many rows). */
  duplicates: { code: string; rows: number[]; count: number }[];
  outsideEngland: ({ country: Country | 'UK or GB'; examples: string[] } & RowsOf)[];
  aggregates: { code: string; description: string; rows: number[]; count: number }[];
  /** LAD codes translated to 2024 (code ≠ its 2024 code). */
  harmonised: { from: string; to: string; rows: number }[];
  /**
   * 2024 authorities that several distinct codes in the file were translated into, with each
   * former code's Census 2021 residents (null when the reference lists lack them).
   */
  merged: { to: string; from: string[]; residents: (number | null)[]; label: string }[];
  /** Rows holding England's own value (kept under E92000001, not mapped). */
  england: RowsOf;
}

const push = (r: RowsOf, row: number, max = MAX_LISTED) => {
  if (r.count++ < max) r.rows.push(row);
};

/**
 * Rows kept per code (the count stays exact): a long-format file repeats every code on dozens of
 * rows, and the report, posted from the worker, would otherwise carry every row number twice.
 */
const ROWS_PER_CODE = 20;

type Outside = { country: Country | 'UK or GB'; examples: string[] } & RowsOf;
type Aggregate = { code: string; description: string; rows: number[]; count: number };
type Harmonised = { from: string; to: string; rows: number };

/** What happens to every row with a given code, decided once per distinct code. */
type Outcome =
  | { kind: 'joined'; key: string; harmonised: Harmonised | null }
  | { kind: 'outside'; bucket: Outside }
  | { kind: 'aggregate'; bucket: Aggregate }
  | { kind: 'unmatched'; bucket: UnmatchedCode };

export function joinKeys(table: ImportedTable, key: KeyDetection, refs: ReferenceCodes): KeyJoin {
  const col = table.columns.find((c) => c.name === key.column)!;
  const rule = key.geography ? GEOGRAPHY_RULES[key.geography] : null;
  const joinKeys = new Array<string | null>(table.rowCount).fill(null);
  const blank: RowsOf = { rows: [], count: 0 };
  const byCode = new Map<string, { rows: number[]; count: number; outcome: Outcome }>();
  const outside = new Map<string, Outside>();

  const decide = (code: string, text: string): Outcome => {
    const c = classifyCode(code);
    if (c?.kind === 'outside-england') {
      let o = outside.get(c.country);
      if (!o) outside.set(c.country, (o = { country: c.country, examples: [], rows: [], count: 0 }));
      if (o.examples.length < 3) o.examples.push(code);
      return { kind: 'outside', bucket: o };
    }
    if (c?.kind === 'other-england' && c.aggregate) return { kind: 'aggregate', bucket: { code, description: c.description, rows: [], count: 0 } };
    const joined = rule && key.target && c?.kind === 'joinable' && c.geography === key.geography ? rule.join(code, refs, key.target) : null;
    if (joined) return { kind: 'joined', key: joined, harmonised: joined === code ? null : { from: code, to: joined, rows: 0 } };
    // shown as first written (not upper-cased): it is what the user will search their file for
    return { kind: 'unmatched', bucket: { code: text, rows: [], count: 0, ...whyUnmatched(code, key, refs) } };
  };

  // cells are interned strings (table-builder), so repeated codes are found without normalising again
  const byText = new Map<string, NonNullable<ReturnType<typeof byCode.get>>>();
  const england: RowsOf = { rows: [], count: 0 };
  const keepEngland = !!(rule && key.target);
  let rowsMatched = 0;
  for (let i = 0; i < table.rowCount; i++) {
    const row = table.rowNumbers[i];
    const cell = cellText(col, i);
    let entry = byText.get(cell);
    if (!entry) {
      const text = cell.trim();
      const code = normaliseCode(text);
      if (!code) {
        push(blank, row);
        continue;
      }
      entry = byCode.get(code);
      if (!entry) byCode.set(code, (entry = { rows: [], count: 0, outcome: decide(code, text) }));
      if (byText.size < 1 << 18) byText.set(cell, entry);
    }
    push(entry, row, ROWS_PER_CODE);
    const o = entry.outcome;
    if (o.kind === 'joined') {
      joinKeys[i] = o.key;
      rowsMatched++;
      if (o.harmonised) o.harmonised.rows++;
    } else {
      push(o.bucket, row, o.kind === 'outside' ? MAX_LISTED : ROWS_PER_CODE);
      if (o.kind === 'aggregate' && o.bucket.code === ENGLAND_CODE && keepEngland) {
        joinKeys[i] = ENGLAND_CODE;
        push(england, row);
      }
    }
  }
  const outcomes = [...byCode.values()].map((e) => e.outcome);
  const harmonised = outcomes.flatMap((o) => (o.kind === 'joined' && o.harmonised ? [o.harmonised] : []));
  const merged = new Map<string, string[]>();
  for (const h of harmonised) merged.set(h.to, [...(merged.get(h.to) ?? []), h.from]);
  for (const [to, from] of merged) if (byCode.get(to)?.outcome.kind === 'joined') from.push(to);
  return {
    joinKeys, rowsMatched, distinctCodes: byCode.size, distinctMatched: outcomes.filter((o) => o.kind === 'joined').length, blank,
    unmatched: outcomes.flatMap((o) => (o.kind === 'unmatched' ? [o.bucket] : [])),
    duplicates: [...byCode].filter(([, e]) => e.count > 1).map(([code, e]) => ({ code, rows: e.rows, count: e.count })),
    outsideEngland: [...outside.values()],
    aggregates: outcomes.flatMap((o) => (o.kind === 'aggregate' ? [o.bucket] : [])),
    harmonised,
    merged: [...merged].filter(([, from]) => from.length > 1).map(([to, from]) => {
      const sorted = from.sort();
      const residents = sorted.map((c) => refs.ladResidents.get(c) ?? null);
      const named = (c: string) => (refs.names.has(c) ? `${c} ${refs.names.get(c)}` : c);
      const label = `${named(to)} ← ${sorted.map((c, k) => `${named(c)}${residents[k] === null ? '' : ` (${residents[k].toLocaleString('en-GB')} residents)`}`).join(', ')}`;
      return { to, from: sorted, residents, label };
    }),
    england,
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
