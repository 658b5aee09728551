/**
 * Types one column and checks its values: numeric or text, text where numbers are expected,
 * values out of range for what the column measures (a % above 100, a negative count), and cells a
 * spreadsheet would run as formulas. The kind of value is taken from the user's choice when given,
 * else from the column name or % signs; without a clue no range is assumed.
 */
import { MAX_LISTED } from './import-issue';
import type { ImportedTable } from './imported-table';
import { cellKind, hasPercentSign, type CellKind } from './parse-number';

export type ValueKind = 'percent' | 'proportion' | 'count' | 'rate' | 'number';

export interface CellNote { row: number; value: string }

export interface NoteList { cells: CellNote[]; count: number }

export interface ColumnProfile {
  column: string;
  type: 'numeric' | 'text' | 'empty';
  valueKind: ValueKind | null;
  /** Why that kind: "chosen", "values end in %", "name says count", ... */
  kindReason: string | null;
  counts: Record<CellKind, number>;
  min: number | null;
  max: number | null;
  /** Text in a numeric column (treated as missing). */
  nonNumeric: NoteList;
  outOfRange: NoteList;
  /** The rule broken by `outOfRange`, in words ("between 0 and 100"). */
  rangeRule: string | null;
  notWhole: NoteList;
  formulaLike: NoteList;
  markupLike: NoteList;
}

const PERCENT_NAME = /%|percent|pct|uptake|coverage|prevalence/i;
const PROPORTION_NAME = /proportion|fraction|\bshare\b/i;
const COUNT_NAME = /\b(count|counts|number|num|n|no|total|registrations|cases|referrals|deaths|patients|population|pop|list size|attendances|appointments|screened|invited|people)\b/i;
const RATE_NAME = /\brate\b|per ?100|per ?1,?000|\bdsr\b|\bsir\b|\bsmr\b|ratio/i;
/** Cells a spreadsheet would run as a formula if this text were exported again (OWASP CSV injection). */
const FORMULA_START = /^\s*[=+\-@]|^[\t\r]/;
const MARKUP = /<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+);/i;

// cheap first looks, so the regular expressions only run on the few cells that might match
const mayBeFormula = (s: string) => {
  const c = s.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 32;
};
const mayBeMarkup = (s: string) => s.includes('<') || s.includes('&');

const RANGES: Record<ValueKind, { ok: (v: number) => boolean; rule: string } | null> = {
  percent: { ok: (v) => v >= 0 && v <= 100, rule: 'between 0 and 100' },
  proportion: { ok: (v) => v >= 0 && v <= 1, rule: 'between 0 and 1' },
  count: { ok: (v) => v >= 0 && Number.isFinite(v), rule: '0 or more' },
  rate: { ok: (v) => v >= 0 && Number.isFinite(v), rule: '0 or more' },
  number: { ok: (v) => Number.isFinite(v), rule: 'a finite number' },
};

function inferKind(name: string, percentSigns: number): [ValueKind, string] {
  const words = name.replace(/[_\-.]+/g, ' ');
  if (percentSigns > 0) return ['percent', 'values end in %'];
  if (PERCENT_NAME.test(words)) return ['percent', 'the column name suggests a percentage'];
  if (PROPORTION_NAME.test(words)) return ['proportion', 'the column name suggests a proportion'];
  if (RATE_NAME.test(words)) return ['rate', 'the column name suggests a rate'];
  if (COUNT_NAME.test(words)) return ['count', 'the column name suggests a count'];
  return ['number', 'no unit given'];
}

const newList = (): NoteList => ({ cells: [], count: 0 });
const note = (l: NoteList, row: number, value: string) => {
  if (l.count++ < MAX_LISTED) l.cells.push({ row, value });
};

export function profileColumn(table: ImportedTable, index: number, chosenKind?: ValueKind): ColumnProfile {
  const col = table.columns[index];
  const counts: Record<CellKind, number> = { number: 0, blank: 0, missing: 0, text: 0 };
  const textCells = newList();
  const formulaLike = newList();
  const markupLike = newList();
  let percentSigns = 0;
  // an empty `raw` means every cell is a plain number
  for (let i = 0; i < (col.raw.length ? table.rowCount : 0); i++) {
    const raw = col.raw[i];
    if (raw === undefined) {
      counts.number++;
      continue;
    }
    const kind = cellKind(raw, col.numbers[i]);
    counts[kind]++;
    if (kind === 'number') {
      if (hasPercentSign(raw)) percentSigns++;
    } else if (kind === 'text') {
      const row = table.rowNumbers[i];
      note(textCells, row, raw);
      if (mayBeFormula(raw) && FORMULA_START.test(raw)) note(formulaLike, row, raw);
      if (mayBeMarkup(raw) && MARKUP.test(raw)) note(markupLike, row, raw);
    }
  }
  if (!col.raw.length) counts.number = table.rowCount;
  const type = counts.number + counts.text === 0 ? 'empty' : counts.number >= (counts.number + counts.text) / 2 ? 'numeric' : 'text';
  const profile: ColumnProfile = {
    column: col.name, type, valueKind: null, kindReason: null, counts, min: null, max: null,
    nonNumeric: type === 'numeric' ? textCells : newList(), outOfRange: newList(), rangeRule: null, notWhole: newList(), formulaLike, markupLike,
  };
  if (type !== 'numeric') return profile;
  const [kind, reason] = chosenKind ? [chosenKind, 'chosen'] : inferKind(col.name, percentSigns);
  const range = RANGES[kind]!;
  Object.assign(profile, { valueKind: kind, kindReason: reason, rangeRule: range.rule });
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < table.rowCount; i++) {
    const v = col.numbers[i];
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!range.ok(v)) note(profile.outOfRange, table.rowNumbers[i], col.raw[i] ?? String(v));
    else if (kind === 'count' && !Number.isInteger(v)) note(profile.notWhole, table.rowNumbers[i], col.raw[i] ?? String(v));
  }
  if (min <= max) Object.assign(profile, { min, max });
  return profile;
}
