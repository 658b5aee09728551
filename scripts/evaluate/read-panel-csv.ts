/**
 * The analyst's files: a long CSV (one row per area and period) and a CSV of intervention area
 * codes. Every problem is reported with the file, line and column, so it can be fixed in a
 * spreadsheet. Blank outcome cells are missing values (allowed); anything else must be a number.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { assemblePanel, type Panel, type PanelRow } from '../../src/analysis/evaluation/panel';

export interface PanelFile {
  panel: Panel;
  /** Other numeric columns by name: value per area (panel order) and period, for --match. */
  extra: Map<string, Float64Array>;
  rows: number;
  header: string[];
}

function readCsv(file: string, what: string): { header: string[]; rows: Record<string, string>[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${what} file ${file}: ${(e as Error).message}`);
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new Error(`${file} line ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

const number = (raw: string | undefined) => {
  const s = (raw ?? '').trim().replace(/,/g, '');
  return s === '' ? NaN : Number(s);
};

export interface PanelColumns {
  id: string;
  period: string;
  value: string;
  denominator: string | null;
  per: number;
  /** Which of the file's columns to keep besides these (given the header). */
  extra(header: string[]): string[];
}

export function readPanelFile(file: string, spec: PanelColumns): PanelFile {
  const { header, rows } = readCsv(file, '--data');
  for (const [flag, col] of [['--id', spec.id], ['--period', spec.period], ['--value', spec.value], ['--denominator', spec.denominator]] as const) {
    if (col !== null && !header.includes(col)) throw new Error(`${file}: no column "${col}" for ${flag} (columns: ${header.join(', ')})`);
  }
  const cols = { ...spec, extra: spec.extra(header) };
  const out: PanelRow[] = [];
  rows.forEach((row, r) => {
    const line = r + 2;
    const area = (row[cols.id] ?? '').trim();
    const period = (row[cols.period] ?? '').trim();
    if (!area) throw new Error(`${file} line ${line}: empty ${cols.id}`);
    if (!period) throw new Error(`${file} line ${line}: empty ${cols.period} (area "${area}")`);
    const check = (col: string) => {
      const v = number(row[col]);
      if (Number.isNaN(v) && (row[col] ?? '').trim() !== '') throw new Error(`${file} line ${line}, column ${col} (area "${area}", ${period}): "${row[col]}" is not a number`);
      return v;
    };
    const value = check(cols.value);
    if (cols.denominator) {
      const d = check(cols.denominator);
      if (value < 0 || d < 0) throw new Error(`${file} line ${line}: counts and denominators cannot be negative (area "${area}", ${period})`);
      out.push({ area, period, numerator: value, denominator: d });
    } else out.push({ area, period, value });
    for (const c of cols.extra) check(c);
  });
  if (!out.length) throw new Error(`${file}: no data rows`);
  let panel: Panel;
  try {
    panel = assemblePanel(out, { multiplier: cols.per });
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const nP = panel.periods.length;
  const ai = new Map(panel.areas.map((a, i) => [a, i]));
  const pi = new Map(panel.periods.map((p, i) => [p, i]));
  const extra = new Map(cols.extra.map((c) => [c, new Float64Array(panel.areas.length * nP).fill(NaN)]));
  for (const row of rows) {
    const k = ai.get(row[cols.id].trim())! * nP + pi.get(row[cols.period].trim())!;
    for (const [c, arr] of extra) arr[k] = number(row[c]);
  }
  return { panel, extra, rows: rows.length, header };
}

/** Codes in the first column; a first row that is not an area of the data is taken as a header. */
export function readTreatedFile(file: string, known: ReadonlySet<string>): { codes: string[]; header: string | null } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read --treated file ${file}: ${(e as Error).message}`);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const first = parsed.data.map((r) => (r[0] ?? '').trim()).filter(Boolean);
  if (!first.length) throw new Error(`${file}: no area codes in the first column`);
  const header = known.has(first[0]) ? null : first[0];
  const codes = header === null ? first : first.slice(1);
  if (!codes.length) throw new Error(`${file}: only a header row ("${header}"), no area codes`);
  return { codes, header };
}
