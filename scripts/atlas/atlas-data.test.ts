import { describe, expect, it } from 'vitest';
import { allIndicators, isAvailable } from '../../src/data/catalogue';
import { dimensionValues } from '../../src/data/catalogue/types';
import { indicatorSql } from '../../src/data/sql/indicator-sql';
import { practiceMeasureSql } from '../../src/data/sql/practice-sql';
import { LEVEL_IDS } from '../../src/geo/levels';
import { DEFAULT_DATA_DIR, readDataManifest, tablesUsed } from './atlas-data';
import { UsageError } from './command';

const manifest = readDataManifest(DEFAULT_DATA_DIR);
const everySql = allIndicators().flatMap((ind) => LEVEL_IDS.filter((l) => isAvailable(ind, l)).map((l) => ({ id: ind.id, level: l, sql: indicatorSql(ind.id, l, dimensionValues(ind)) })));

describe('tablesUsed', () => {
  it('finds every table the SQL of each measure at each level reads in the built data, and no WITH name', () => {
    expect(everySql.length).toBeGreaterThan(20);
    for (const { sql } of everySql) {
      const tables = tablesUsed(manifest, [sql]);
      expect(tables[0]).toBe('areas');
      for (const t of tables.slice(1)) expect(sql).toMatch(new RegExp(`\\b${t}\\b`));
    }
  });

  it('treats a MATERIALIZED CTE name as no table, and still finds the tables inside it (practice neighbourhood SQL)', () => {
    const sql = practiceMeasureSql('practice.neighbourhood.imd2025.score', 'practice');
    expect(sql).toMatch(/\bnear AS MATERIALIZED \(/);
    expect(tablesUsed(manifest, [sql]).sort()).toEqual(['areas', 'gp_practices', 'imd2025', 'qof_registers']);
  });

  it('names a table the data folder lacks (built by an older pipeline) and says to rebuild', () => {
    const { sql } = everySql.find((x) => /\bimd_summary\b/.test(x.sql))!;
    const older = { ...manifest, tables: Object.fromEntries(Object.entries(manifest.tables).filter(([t]) => t !== 'imd_summary')) };
    expect(() => tablesUsed(older, [sql], '--data', '/old/data')).toThrow(UsageError);
    expect(() => tablesUsed(older, [sql], '--data', '/old/data')).toThrow(/^--data: the built data in \/old\/data has no table "imd_summary", .*rebuild with "npm run data"/);
    expect(tablesUsed(manifest, [sql])).toContain('imd_summary');
  });
});
