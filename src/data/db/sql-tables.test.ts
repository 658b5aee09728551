import { describe, expect, it } from 'vitest';
import { getIndicator } from '../catalogue';
import { dimensionValues } from '../catalogue/types';
import { indicatorSql } from '../sql/indicator-sql';
import { tablesInSql } from './sql-tables';

const KNOWN = new Set(['areas', 'imd2025', 'imd2019', 'smoking_aps', 'cancer_incidence']);

describe('tables an SQL statement uses', () => {
  it('finds bare and quoted table names, not strings, comments or longer identifiers', () => {
    expect(tablesInSql(`SELECT a.code FROM areas a JOIN "imd2025" t ON t.code = a.code`, KNOWN).sort()).toEqual(['areas', 'imd2025']);
    expect(tablesInSql(`SELECT 'imd2019' AS x, imd2019_rank FROM Areas -- smoking_aps\n/* cancer_incidence */`, KNOWN)).toEqual(['areas']);
    expect(tablesInSql(`SELECT 'it''s imd2019' FROM t`, KNOWN)).toEqual([]);
    expect(tablesInSql(`INSERT INTO areas SELECT * FROM user_boundaries`, KNOWN)).toEqual(['areas']);
  });

  it('gives each catalogue indicator its own table and the areas table', () => {
    for (const id of ['imd2025.imd.score', 'imd2019.imd.rank']) {
      const ind = getIndicator(id);
      const level = ind.nativeLevel;
      const sql = indicatorSql(id, level, dimensionValues(ind, {}));
      expect(tablesInSql(sql, new Set([...KNOWN, ind.table])).sort()).toEqual(['areas', ind.table].sort());
    }
  });
});
