/**
 * Covariates from the atlas itself for `--level`: IMD 2025 score, adult smoking (APS) and Census 2021
 * residents of each area, and the regions for `--exact`, through the same catalogue and SQL as the
 * app (DuckDB-wasm's node build over the built tables in public/data).
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { getIndicator } from '../../src/data/catalogue';
import { COVARIATE_INDICATORS, covariateLabel } from '../../src/data/evaluation/atlas-covariates';
import { numberColumn, stringColumn } from '../../src/data/db/arrow-columns';
import { SESSION_SETUP } from '../../src/data/db/db';
import type { DataManifest } from '../../src/data/manifest';
import { indicatorSql } from '../../src/data/sql/indicator-sql';
import { createTableFromCsv } from '../../src/data/sql/load-tables-sql';
import { sqlIdent, sqlString } from '../../src/data/sql/sql-text';
import { isBuiltInLevel, isLevelId, type LevelId } from '../../src/geo/levels';

const DATA_DIR = process.env.HOTSPOT_DATA_DIR ?? resolve(import.meta.dirname, '../../public/data');

const REGION_COLUMNS = ['icb24', 'cal19', 'lad24'] as const;

export interface AtlasLevelData {
  level: LevelId;
  codes: string[];
  names: string[];
  population: Float64Array;
  /** Covariate values by --match name, and their labels. */
  covariates: Map<string, { label: string; values: Float64Array }>;
  /** Region code per area for each region column (icb24, cal19, lad24) the level carries. */
  regions: Map<string, (string | null)[]>;
}

export async function loadAtlasLevel(levelId: string): Promise<AtlasLevelData> {
  if (!isLevelId(levelId) || !isBuiltInLevel(levelId) || levelId === 'lsoa11') {
    throw new Error(`--level must be one of lsoa21, ward24, lad24, sicbl24, icb24, cal19 (got "${levelId}")`);
  }
  const level = levelId;
  const manifestPath = join(DATA_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`--level needs the atlas's built data: ${manifestPath} is missing (run "npm run data", or set HOTSPOT_DATA_DIR)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as DataManifest;
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await duckdb.createDuckDB(
    { mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
    new duckdb.VoidLogger(), duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  try {
    for (const s of SESSION_SETUP) conn.query(s);
    const needed = new Set(['areas', ...Object.values(COVARIATE_INDICATORS).map((c) => getIndicator(c.indicator).table)]);
    for (const name of needed) {
      const t = manifest.tables[name];
      if (!t) throw new Error(`the built data has no table "${name}"`);
      db.registerFileBuffer(t.path, readFileSync(join(DATA_DIR, t.path)));
      conn.query(createTableFromCsv(name, t.path));
    }
    const areas = conn.query(`SELECT code, name, population, ${REGION_COLUMNS.map((r) => sqlIdent(`${r}_code`)).join(', ')} FROM areas WHERE level = ${sqlString(level)} ORDER BY code`);
    const codes = stringColumn(areas, 'code') as string[];
    const covariates = new Map<string, { label: string; values: Float64Array }>();
    covariates.set('population', { label: covariateLabel('population'), values: numberColumn(areas, 'population') });
    for (const [name, c] of Object.entries(COVARIATE_INDICATORS) as [keyof typeof COVARIATE_INDICATORS, (typeof COVARIATE_INDICATORS)['imd']][]) {
      const ind = getIndicator(c.indicator);
      const t = conn.query(indicatorSql(c.indicator, level, c.dims));
      const got = stringColumn(t, 'code');
      if (got.length !== codes.length || got.some((x, i) => x !== codes[i])) throw new Error(`${ind.short} does not line up with the ${level} areas`);
      covariates.set(name, { label: covariateLabel(name), values: numberColumn(t, 'value') });
    }
    // a level carries the regions it lies in (a ward its ICB and alliance; an ICB no ICB)
    const regions = new Map(REGION_COLUMNS.map((r) => [r, stringColumn(areas, `${r}_code`)] as const).filter(([, v]) => v.some((x) => x !== null)));
    return { level, codes, names: stringColumn(areas, 'name') as string[], population: numberColumn(areas, 'population'), covariates, regions };
  } finally {
    conn.close();
    db.reset();
  }
}
