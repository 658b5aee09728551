/**
 * Each row's weight for averaging the values of a user's file that have no denominator (rates,
 * percentages, scores), made where the reference lists are (the import worker), and the rows that
 * have none. Rows combined into one area (GP practices in one LSOA, former districts of one merged
 * council, repeated rows) are averaged by these weights; larger areas by the same weight summed
 * (value-method.ts).
 *  - residents: a row of a former district that became part of a merged council weighs that
 *    district's Census 2021 residents; any other row weighs 1 (rows with one code are one area);
 *  - list-size: the practice's registered patients (NHS QOF 2022-23); NaN when unknown;
 *  - column: the file's own column (NaN when blank, text or negative);
 *  - equal: 1.
 * England's own row (kept for comparisons) weighs 1.
 */
import { ENGLAND_CODE } from '../catalogue/types';
import { normaliseCode } from './classify-code';
import { listRows, MAX_LISTED, type ImportIssue } from './import-issue';
import { cellText, columnByName, type ImportedTable } from './imported-table';
import type { JoinReport } from './join-report';
import type { ReferenceCodes } from './reference-codes';
import type { WeightSpec } from './user-dataset';

const usable = (w: number) => (Number.isFinite(w) && w >= 0 ? w : NaN);

export function rowWeights(table: ImportedTable, report: Pick<JoinReport, 'key' | 'join'>, joinKeys: readonly (string | null)[], refs: ReferenceCodes, weight: WeightSpec): Float64Array {
  const out = new Float64Array(table.rowCount).fill(1);
  if (weight.kind === 'equal') return out;
  if (weight.kind === 'column') {
    const col = columnByName(table, weight.column);
    if (!col) throw new Error(`${table.file}: there is no column "${weight.column}" to weight by`);
    for (let i = 0; i < table.rowCount; i++) if (joinKeys[i] !== ENGLAND_CODE) out[i] = usable(col.numbers[i]);
    return out;
  }
  if (weight.kind === 'list-size') {
    if (report.key?.geography !== 'practice') return out;
    for (let i = 0; i < table.rowCount; i++) {
      const k = joinKeys[i];
      if (k !== null && k !== ENGLAND_CODE) out[i] = refs.practices.get(k)?.listSize ?? NaN;
    }
    return out;
  }
  const merged = new Set(report.join?.merged.map((m) => m.to) ?? []);
  const keyCol = report.key ? columnByName(table, report.key.column) : undefined;
  if (report.key?.geography !== 'lad' || !merged.size || !keyCol) return out;
  for (let i = 0; i < table.rowCount; i++) {
    const k = joinKeys[i];
    if (k !== null && merged.has(k)) out[i] = refs.ladResidents.get(normaliseCode(cellText(keyCol, i).trim()) ?? '') ?? NaN;
  }
  return out;
}

/**
 * Rows whose averaged values (the `averaged` columns) will be left out for want of a weight: a
 * blank, text or negative cell of the weight column, or a practice not in the QOF 2022-23 lists.
 */
export function weightIssues(table: ImportedTable, report: Pick<JoinReport, 'key' | 'join'>, joinKeys: readonly (string | null)[], refs: ReferenceCodes, weight: WeightSpec, averaged: readonly string[]): ImportIssue[] {
  if (weight.kind === 'equal' || weight.kind === 'residents' || !averaged.length) return [];
  if (weight.kind === 'column' && !columnByName(table, weight.column)) {
    return [{ severity: 'error', code: 'missing-weights', message: `${table.file}: there is no column "${weight.column}" to weight by; choose the weight again.` }];
  }
  const cols = averaged.flatMap((c) => columnByName(table, c) ?? []);
  const w = rowWeights(table, report, joinKeys, refs, weight);
  const rows: number[] = [];
  const practices = new Set<string>();
  let count = 0;
  for (let i = 0; i < table.rowCount; i++) {
    if (joinKeys[i] === null || !Number.isNaN(w[i]) || !cols.some((c) => !Number.isNaN(c.numbers[i]))) continue;
    // a practice without a location is not placed at all (reported as such)
    if (weight.kind === 'list-size' && !refs.practices.get(joinKeys[i]!)?.lsoa21) continue;
    if (count++ < MAX_LISTED) rows.push(table.rowNumbers[i]);
    if (weight.kind === 'list-size' && practices.size < 5) practices.add(joinKeys[i]!);
  }
  if (!count) return [];
  const what = weight.kind === 'column'
    ? `no usable weight in "${weight.column}" (blank, text or negative)`
    : `practices with no registered-patient count in NHS QOF 2022-23 (${[...practices].join(', ')}${count > practices.size ? ', …' : ''}; opened, merged or closed since)`;
  return [{
    severity: 'warning', code: 'missing-weights', column: weight.kind === 'column' ? weight.column : report.key?.column, count, rows,
    message: `${table.file}: ${listRows(rows, count)} ${count === 1 ? 'has' : 'have'} ${what}, so ${count === 1 ? 'its values are' : 'their values are'} left out of averages. ${weight.kind === 'column' ? 'Fill in the weights' : 'Add a column of list sizes to your file and weight by it'}, or choose another weight.`,
  }];
}
