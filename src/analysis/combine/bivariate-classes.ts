/**
 * Bivariate classes for a 3×3 map: each area gets a column from the first indicator and a row from
 * the second, both oriented so that 0 is the lower-risk third and 2 the higher-risk third (`sign`
 * −1 flips an indicator whose low values are the risky ones). Cell = 3 × row + column; −1 missing.
 */
import { assignClasses } from '../classify/breaks';

const BIVARIATE_SIZE = 3;

export interface BivariateClasses {
  cells: Int8Array;
  /** Areas per cell (index 3 × row + column) inside the scope. */
  counts: number[];
  missing: number;
}

function oriented(values: Float64Array, breaks: readonly number[], sign: 1 | -1): Int16Array {
  if (breaks.length > BIVARIATE_SIZE - 1) throw new Error(`a bivariate axis has ${BIVARIATE_SIZE} classes (${breaks.length} breaks given)`);
  const c = assignClasses(values, breaks);
  // Fewer breaks than 2 (e.g. an indicator with one value): the classes present stay at the low end.
  if (sign === -1) for (let i = 0; i < c.length; i++) if (c[i] >= 0) c[i] = breaks.length - c[i];
  return c;
}

export function bivariateClasses(
  x: Float64Array, y: Float64Array, xBreaks: readonly number[], yBreaks: readonly number[], xSign: 1 | -1, ySign: 1 | -1, scope: Uint8Array | null,
): BivariateClasses {
  if (x.length !== y.length) throw new Error('both indicators need one value per area');
  const cx = oriented(x, xBreaks, xSign);
  const cy = oriented(y, yBreaks, ySign);
  const cells = new Int8Array(x.length);
  const counts = new Array<number>(BIVARIATE_SIZE * BIVARIATE_SIZE).fill(0);
  let missing = 0;
  for (let i = 0; i < x.length; i++) {
    const cell = cx[i] < 0 || cy[i] < 0 ? -1 : BIVARIATE_SIZE * cy[i] + cx[i];
    cells[i] = cell;
    if (scope && !scope[i]) continue;
    if (cell < 0) missing++;
    else counts[cell]++;
  }
  return { cells, counts, missing };
}
