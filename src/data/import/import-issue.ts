/**
 * What goes wrong with a user's file, said so that a commissioner can act on it: every message names
 * the file and, where it applies, the column and rows, and ends with what to do next.
 */
import { limitMessage, type LimitId } from '../../lib/input-limits';

export type IssueSeverity = 'error' | 'warning' | 'info';

export type IssueCode =
  // reading
  | 'blank-header' | 'duplicate-header' | 'header-looks-like-data' | 'extra-values' | 'short-rows'
  | 'blank-rows' | 'malformed-quotes' | 'mixed-encoding' | 'ring-closed' | 'outside-england-bbox'
  // key and join
  | 'no-key-column' | 'nothing-matched' | 'unmatched-codes' | 'other-vintage' | 'other-level'
  | 'duplicate-keys' | 'blank-keys' | 'outside-england' | 'aggregate-rows' | 'lad-harmonised'
  | 'lad-merged' | 'no-map-level' | 'practices-without-lsoa' | 'new-boundaries'
  // values
  | 'no-value-columns' | 'non-numeric' | 'out-of-range' | 'not-whole-numbers' | 'formula-like' | 'markup-like'
  // rates from a numerator and a denominator, and weights of averages
  | 'bad-denominator' | 'no-usable-rate' | 'missing-weights';

export interface ImportIssue {
  severity: IssueSeverity;
  code: IssueCode;
  /** A full sentence: file, column, first rows, and the next step. */
  message: string;
  column?: string;
  /** The first rows affected (row numbers as the user sees them), at most MAX_LISTED. */
  rows?: number[];
  /** How many cells/rows/codes are affected in total. */
  count?: number;
}

/** Lists in messages stop here; the full lists stay in the report's arrays. */
const MAX_IN_MESSAGE = 5;
/** Row lists kept per issue (a 100 MB file can have millions of bad cells). */
export const MAX_LISTED = 1000;

export type ReadErrorCode =
  | 'empty' | 'no-rows' | 'binary' | 'unsupported-format' | 'unclosed-quote' | 'corrupt-xlsx' | 'empty-sheet'
  | 'sheet-not-found' | 'corrupt-parquet' | 'invalid-json' | 'not-geojson' | 'bad-geometry' | 'unknown-crs'
  | 'swapped-coordinates' | 'bad-project' | 'too-large' | 'cancelled';

/** A file that cannot be read at all. Plain data survives postMessage: {name, code, message, sheets}. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ReadErrorCode,
    message: string,
    /** Workbook sheet names, so the UI can offer another sheet. */
    readonly sheets?: string[],
  ) {
    super(message);
  }
}

/**
 * A file over one of the limits on untrusted input (lib/input-limits.ts): the message names the file,
 * what it has, the limit, and what to do instead.
 */
export function tooLarge(file: string, limit: LimitId, found: string | null, advice: string): ImportError {
  return new ImportError('too-large', limitMessage(file, limit, found, advice));
}

function cancelled(file: string): ImportError {
  return new ImportError('cancelled', `${file}: reading was cancelled; nothing was added to the atlas.`);
}

export function throwIfAborted(signal: AbortSignal | undefined, file: string): void {
  if (signal?.aborted) throw cancelled(file);
}

/** "rows 2, 5 and 9" / "rows 2, 5, 9, 11, 12 and 40 more". */
export function listRows(rows: readonly number[], total = rows.length, noun = 'row'): string {
  if (total === 0) return `no ${noun}s`;
  if (total === 1) return `${noun} ${rows[0]}`;
  const shown = rows.slice(0, MAX_IN_MESSAGE);
  const more = total - shown.length;
  if (more > 0) return `${noun}s ${shown.join(', ')} and ${more.toLocaleString('en-GB')} more`;
  return `${noun}s ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Quotes a cell for a message, shortened; the text is data, never markup. */
export function quoteValue(s: string, max = 40): string {
  const t = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return `"${t}"`;
}
