/** Messages about value columns: text among numbers, impossible values, formula-looking cells. */
import { listRows, quoteValue, type ImportIssue } from './import-issue';
import type { CellNote, ColumnProfile, NoteList } from './profile-column';

const shown = (cells: CellNote[]) => cells.slice(0, 3).map((c) => `row ${c.row}: ${quoteValue(c.value, 30)}`).join('; ');
const verb = (l: NoteList, one: string, many: string) => (l.count === 1 ? one : many);
const rowsOf = (l: NoteList) => l.cells.map((c) => c.row);

export function columnIssues(file: string, p: ColumnProfile, isKey: boolean): ImportIssue[] {
  const out: ImportIssue[] = [];
  const where = `${file}, column "${p.column}"`;
  const add = (severity: ImportIssue['severity'], code: ImportIssue['code'], list: NoteList, message: string) =>
    out.push({ severity, code, column: p.column, rows: rowsOf(list), count: list.count, message });
  if (!isKey && p.nonNumeric.count) {
    add('warning', 'non-numeric', p.nonNumeric, `${where}: ${listRows(rowsOf(p.nonNumeric), p.nonNumeric.count)} ${verb(p.nonNumeric, 'holds', 'hold')} text where numbers are expected (${shown(p.nonNumeric.cells)}). Those cells will count as missing; correct them to numbers, or leave them blank if there is no value.`);
  }
  if (p.outOfRange.count) {
    const what = p.valueKind === 'percent' ? 'a percentage' : p.valueKind === 'proportion' ? 'a proportion' : p.valueKind === 'count' ? 'a count' : p.valueKind === 'rate' ? 'a rate' : 'a number';
    add('warning', 'out-of-range', p.outOfRange, `${where} looks like ${what} (${p.kindReason}), which should be ${p.rangeRule}, but ${listRows(rowsOf(p.outOfRange), p.outOfRange.count)} ${p.outOfRange.count === 1 ? 'is' : 'are'} not (${shown(p.outOfRange.cells)}). Check those values; if the column measures something else, choose its unit in the mapping step.`);
  }
  if (p.notWhole.count) {
    add('warning', 'not-whole-numbers', p.notWhole, `${where} looks like a count (${p.kindReason}) but ${listRows(rowsOf(p.notWhole), p.notWhole.count)} ${p.notWhole.count === 1 ? 'is not a whole number' : 'are not whole numbers'} (${shown(p.notWhole.cells)}). If the column is a rate or an average, choose that unit in the mapping step.`);
  }
  if (p.formulaLike.count) {
    add('warning', 'formula-like', p.formulaLike, `${where}: ${listRows(rowsOf(p.formulaLike), p.formulaLike.count)} ${verb(p.formulaLike, 'starts', 'start')} with =, +, - or @ (${shown(p.formulaLike.cells)}). The atlas keeps them as plain text and never runs them, but a spreadsheet might if they are exported again; check where the file came from.`);
  }
  if (p.markupLike.count) {
    add('info', 'markup-like', p.markupLike, `${where}: ${listRows(rowsOf(p.markupLike), p.markupLike.count)} ${verb(p.markupLike, 'contains', 'contain')} HTML-like text (${shown(p.markupLike.cells)}); it is shown as plain text, exactly as written.`);
  }
  return out;
}
