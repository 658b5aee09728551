/**
 * Covariates from the atlas itself for `--level`: IMD 2025 score, adult smoking (APS) and Census 2021
 * residents of each area, and the regions for `--exact`, through the same catalogue and SQL as the
 * app. The built tables are opened by the atlas command's shared loader (scripts/atlas/atlas-data.ts:
 * DuckDB-wasm in node over public/data, or $HOTSPOT_DATA_DIR), loading only the tables these need.
 */
import { getIndicator } from '../../src/data/catalogue';
import { stringColumn } from '../../src/data/db/arrow-columns';
import { COVARIATE_INDICATORS, covariateLabel, type AtlasCovariateId } from '../../src/data/evaluation/atlas-covariates';
import { loadIndicatorValues, loadLevelAreas } from '../../src/data/level-data';
import { indicatorSql } from '../../src/data/sql/indicator-sql';
import { sqlIdent, sqlString } from '../../src/data/sql/sql-text';
import { isBuiltInLevel, isLevelId, type LevelId } from '../../src/geo/levels';
import { DEFAULT_DATA_DIR, openAtlasData, readDataManifest, tablesUsed } from '../atlas/atlas-data';

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

export async function loadAtlasLevel(levelId: string, dataDir = DEFAULT_DATA_DIR): Promise<AtlasLevelData> {
  if (!isLevelId(levelId) || !isBuiltInLevel(levelId) || levelId === 'lsoa11') {
    throw new Error(`--level must be one of lsoa21, ward24, lad24, sicbl24, icb24, cal19 (got "${levelId}")`);
  }
  const level = levelId;
  // evaluate's --data is the panel file: the atlas's folder comes from the environment
  const option = `--level (the atlas's data: ${process.env.HOTSPOT_DATA_DIR ? '$HOTSPOT_DATA_DIR' : 'public/data'})`;
  const manifest = readDataManifest(dataDir, option);
  const measures = Object.entries(COVARIATE_INDICATORS) as [Exclude<AtlasCovariateId, 'population'>, (typeof COVARIATE_INDICATORS)['imd']][];
  const q = await openAtlasData(dataDir, manifest, tablesUsed(manifest, measures.map(([, c]) => indicatorSql(c.indicator, level, c.dims)), option, dataDir), option);
  const areas = await loadLevelAreas(q, level);
  const covariates = new Map<string, { label: string; values: Float64Array }>();
  covariates.set('population', { label: covariateLabel('population'), values: areas.population });
  for (const [name, c] of measures) {
    try {
      covariates.set(name, { label: covariateLabel(name), values: (await loadIndicatorValues(q, c.indicator, level, c.dims, areas)).value });
    } catch (e) {
      throw new Error(`${getIndicator(c.indicator).short} at ${level}: ${(e as Error).message}`);
    }
  }
  // a level carries the regions it lies in (a ward its ICB and alliance; an ICB no ICB)
  const t = await q.run(`SELECT ${REGION_COLUMNS.map((r) => sqlIdent(`${r}_code`)).join(', ')} FROM areas WHERE level = ${sqlString(level)} ORDER BY code`);
  const regions = new Map(REGION_COLUMNS.map((r) => [r, stringColumn(t, `${r}_code`)] as const).filter(([, v]) => v.some((x) => x !== null)));
  return { level, codes: areas.codes, names: areas.names, population: areas.population, covariates, regions };
}
