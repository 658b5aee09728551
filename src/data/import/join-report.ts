/**
 * The join report shown before anything is added to the atlas: how many rows were read and joined,
 * every code that did not join and why, repeated and blank codes, rows outside England, how the
 * geography and its year were recognised (and LA codes translated to 2024), and each value
 * column's problems. `status` is "blocked" while any issue is an error.
 */
import { detectKeyColumn, type KeyCandidate, type KeyDetection } from './detect-key-column';
import { columnIssues } from './column-issues';
import type { ImportIssue, IssueSeverity } from './import-issue';
import type { ImportedTable } from './imported-table';
import { joinIssues } from './join-issues';
import { joinKeys, type KeyJoin } from './join-keys';
import { defaultWeight } from './mapping-defaults';
import { profileColumn, type ColumnProfile, type ValueKind } from './profile-column';
import { ratioIssues, type RatioColumns } from './ratio-checks';
import type { ReferenceCodes } from './reference-codes';
import { weightIssues } from './row-weights';
import type { WeightSpec } from './user-dataset';

export interface JoinOptions {
  /** The key column chosen in the mapping dialog (detected when absent). */
  keyColumn?: string;
  /** Units chosen in the mapping dialog, by column name (inferred when absent). */
  valueKinds?: Record<string, ValueKind>;
  /** Numerators and denominators chosen in the mapping dialog: each pair's rows are checked. */
  ratios?: RatioColumns[];
  /** The weight of averages chosen in the mapping dialog: rows without one are reported. */
  weight?: WeightSpec;
}

export interface JoinCounts {
  rowsRead: number;
  rowsMatched: number;
  /** Rows with a code that did not join (not counting blank, non-English and total rows). */
  rowsUnmatched: number;
  rowsBlankKey: number;
  rowsOutsideEngland: number;
  rowsAggregate: number;
  distinctCodes: number;
  distinctMatched: number;
  unmatchedCodes: number;
  duplicateCodes: number;
  harmonisedCodes: number;
  valueColumns: number;
  nonNumericCells: number;
  outOfRangeCells: number;
  formulaLikeCells: number;
}

export interface JoinReport {
  file: string;
  status: 'ready' | 'ready-with-warnings' | 'blocked';
  counts: JoinCounts;
  key: KeyDetection | null;
  /** Columns that could be the key, best first, for the mapping dialog. */
  candidates: KeyCandidate[];
  join: Omit<KeyJoin, 'joinKeys'> | null;
  /** One per column, key column included (its formula-like cells matter too). */
  columns: ColumnProfile[];
  readNotes: string[];
  /** Reading and join problems, errors first. */
  issues: ImportIssue[];
}

const ORDER: Record<IssueSeverity, number> = { error: 0, warning: 1, info: 2 };

export function buildJoinReport(table: ImportedTable, refs: ReferenceCodes, opts: JoinOptions = {}): JoinReport & { joinKeys: (string | null)[] } {
  const { key, candidates } = detectKeyColumn(table, refs, { keyColumn: opts.keyColumn });
  const file = table.file;
  const issues: ImportIssue[] = [...table.issues];
  let join: KeyJoin | null = null;
  if (!key && table.geometries) {
    // boundaries without codes are new areas (PCNs, neighbourhoods), not a failed join
    issues.push({ severity: 'info', code: 'new-boundaries', message: `${file}: the features carry no area codes, so they can be added as a new set of boundaries (for example PCN areas or neighbourhoods) rather than joined to the atlas's areas. Choose the property that names each area in the mapping step.` });
  } else if (!key) {
    issues.push({ severity: 'error', code: 'no-key-column', message: `${file}: no column holds area codes. The atlas joins on codes such as E01000001 (LSOA), E05… (ward), E06–E09… (local authority), E38… (Sub-ICB), E54… (ICB), E56… (Cancer Alliance) or GP practice codes such as A81001. Add a column of codes, or choose the key column in the mapping step.` });
  } else {
    join = joinKeys(table, key, refs);
    issues.push(...joinIssues(file, key, join, refs, opts.weight));
  }
  for (const r of opts.ratios ?? []) issues.push(...ratioIssues(table, r));
  const columns = table.columns.map((c, j) => profileColumn(table, j, opts.valueKinds?.[c.name]));
  if (join) {
    // before the user chooses, the dialog's defaults: every numeric column, averaged unless a count
    const kinds = opts.valueKinds ?? Object.fromEntries(columns.filter((p) => p.type === 'numeric').map((p) => [p.column, p.valueKind]));
    const averaged = Object.entries(kinds).filter(([c, k]) => k !== 'count' && c !== key?.column).map(([c]) => c);
    issues.push(...weightIssues(table, { key, join }, join.joinKeys, refs, opts.weight ?? defaultWeight({ key, columns }), averaged));
  }
  for (const p of columns) issues.push(...columnIssues(file, p, p.column === key?.column));
  const values = columns.filter((p) => p.column !== key?.column);
  const numericValues = values.filter((p) => p.type === 'numeric');
  if (key && !numericValues.length) {
    issues.push({ severity: 'warning', code: 'no-value-columns', message: values.length
      ? `${file}: apart from "${key.column}", no column holds numbers (${values.slice(0, 3).map((p) => `"${p.column}" ${p.counts.text ? 'holds text' : 'has only blank or suppressed cells'}`).join('; ')}), so there is nothing to map. The areas can still be used as a selection; to map values, add a column of numbers.`
      : `${file}: the file only has the area codes in "${key.column}", so there is nothing to map. The areas can still be used as a selection; to map values, add a column of numbers.` });
  }
  issues.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const sum = (f: (p: ColumnProfile) => number) => columns.reduce((s, p) => s + f(p), 0);
  const counts: JoinCounts = {
    rowsRead: table.rowCount,
    rowsMatched: join?.rowsMatched ?? 0,
    rowsUnmatched: join ? join.unmatched.reduce((s, u) => s + u.count, 0) : 0,
    rowsBlankKey: join?.blank.count ?? 0,
    rowsOutsideEngland: join ? join.outsideEngland.reduce((s, o) => s + o.count, 0) : 0,
    rowsAggregate: join ? join.aggregates.reduce((s, a) => s + a.count, 0) : 0,
    distinctCodes: join?.distinctCodes ?? 0,
    distinctMatched: join?.distinctMatched ?? 0,
    unmatchedCodes: join?.unmatched.length ?? 0,
    duplicateCodes: join?.duplicates.length ?? 0,
    harmonisedCodes: join?.harmonised.length ?? 0,
    valueColumns: numericValues.length,
    nonNumericCells: sum((p) => (p.column === key?.column ? 0 : p.nonNumeric.count)),
    outOfRangeCells: sum((p) => p.outOfRange.count),
    formulaLikeCells: sum((p) => p.formulaLike.count),
  };
  const status = issues.some((i) => i.severity === 'error') ? 'blocked' : issues.some((i) => i.severity === 'warning') ? 'ready-with-warnings' : 'ready';
  const { joinKeys: keys = [], ...joinSummary } = join ?? {};
  return {
    file, status, counts, key, candidates, join: join ? (joinSummary as Omit<KeyJoin, 'joinKeys'>) : null, columns,
    readNotes: key ? [...table.readNotes, key.note] : table.readNotes, issues, joinKeys: keys,
  };
}
