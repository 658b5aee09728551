import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../lib/input-limits';
import { ImportError } from './import-issue';
import { POINT_DECIMALS } from './parse-number';
import { TableBuilder } from './table-builder';

const header = (n: number) => Array.from({ length: n }, (_, j) => `c${j}`);
const builder = () => new TableBuilder({ file: 'f.csv', format: 'csv', numberStyle: POINT_DECIMALS });

describe('TableBuilder limits', () => {
  it('allows rows up to the cell limit and refuses the one past it, naming the file and the limit', () => {
    const b = builder();
    b.add(header(INPUT_LIMITS.columns), 1);
    const fit = INPUT_LIMITS.cells / INPUT_LIMITS.columns;
    expect(() => b.checkRoom(INPUT_LIMITS.columns, fit)).not.toThrow();
    let err: unknown;
    try {
      b.checkRoom(INPUT_LIMITS.columns, fit + 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('too-large');
    expect((err as ImportError).message).toBe(`f.csv: its 2,000 columns and ${(fit + 1).toLocaleString('en-GB')} rows make more than 30,000,000 cells; the atlas reads at most 30,000,000 cells (rows × columns). Split the file (for example by year) or keep only the rows and columns you need, and load it again.`);
  });

  it('fills column-wise input (Parquet) in order, row numbers included', () => {
    const b = builder();
    b.add(['code', 'v'], 0);
    b.reserveRows(3, 1);
    b.fillColumn(0, 0, 3, (i) => ['E01000001', 'E01000002', 'E01000003'][i]);
    b.fillColumn(1, 0, 2, (i) => ['1.5', ''][i]);
    b.fillColumn(1, 2, 1, () => '*');
    b.commitRows(3);
    const t = b.finish({ readNotes: [] });
    expect(t.rowCount).toBe(3);
    expect(Array.from(t.rowNumbers)).toEqual([1, 2, 3]);
    expect(Array.from(t.columns[1].numbers)).toEqual([1.5, NaN, NaN]);
  });
});
