/**
 * Who a set of areas reaches: one row of sums over the LSOAs 2021 it covers (a shortlist, one area,
 * the ICBs around a shortlist, or England). Residents by Census 2021 age band, residents aged 55–74
 * and current and ex-smokers among them (estimates with low–high ranges, table `lsoa_profile`),
 * Census 2021 ethnic groups (TS021, with its own total) and the user's groups of groups, residents in
 * Core20 LSOAs (IMD 2025 deciles 1–2), and adult smoking (APS, latest year: councils' values
 * weighted by residents aged 16+, as the catalogue averages them; England's own published value for
 * England). Areas of the 2011 stack have no LSOA 2021 rows and so no profile.
 */
import { ETHNIC_GROUPS } from '../../state/ethnic-classification';
import type { EthnicGroupSpec } from '../../state/ethnic-groups-spec';
import { LEVELS, type LevelId } from '../../geo/levels';
import { CENSUS_AGE_COLUMNS } from '../catalogue/profile-bands';
import { sqlIdent, sqlString } from './sql-text';

export type ProfileScope =
  | { kind: 'areas'; level: LevelId; codes: readonly string[] }
  | { kind: 'icbs'; codes: readonly string[] }
  | { kind: 'england' };

export const BROAD_GROUPS = ETHNIC_GROUPS.filter((g) => !g.broad).map((g) => g.key);
const ESTIMATES = ['res_55_74', 'current_55_74', 'ex_55_74'].flatMap((p) => [p, `${p}_low`, `${p}_high`]);

function where(scope: ProfileScope): string {
  const list = (codes: readonly string[]) => (codes.length ? codes.map(sqlString).join(', ') : 'NULL');
  switch (scope.kind) {
    case 'england':
      return 'true';
    case 'icbs':
      return `b.icb24_code IN (${list(scope.codes)})`;
    case 'areas': {
      const info = LEVELS[scope.level];
      if (info.base !== 'lsoa21') return 'false';
      return `b.${sqlIdent(info.baseKey)} IN (${list(scope.codes)})`;
    }
  }
}

/** Column of a user's group in the result: `grp_<id>`. */
const groupColumn = (g: EthnicGroupSpec) => sqlIdent(`grp_${g.id}`);

export function profileSql(scope: ProfileScope, groups: readonly EthnicGroupSpec[] = []): string {
  const sum = (expr: string, as: string) => `sum(${expr})::DOUBLE AS ${as}`;
  const latest = `(SELECT max(CAST(period AS INTEGER)) FROM smoking_aps WHERE code = 'E92000001')`;
  const smoking = scope.kind === 'england'
    ? `(SELECT value FROM smoking_aps WHERE code = 'E92000001' AND CAST(period AS INTEGER) = ${latest})::DOUBLE AS smoking_pct, 1.0::DOUBLE AS smoking_coverage`
    : `(sum(b.population_16plus * s.value) / nullif(sum(b.population_16plus) FILTER (WHERE s.value IS NOT NULL), 0))::DOUBLE AS smoking_pct, `
      + `(coalesce(sum(b.population_16plus) FILTER (WHERE s.value IS NOT NULL), 0) / nullif(sum(b.population_16plus), 0))::DOUBLE AS smoking_coverage`;
  return `SELECT count(b.code)::INTEGER AS lsoas, ${sum('b.population', 'residents')}, `
    + `${CENSUS_AGE_COLUMNS.map((c) => sum(`p.${sqlIdent(c)}`, sqlIdent(c))).join(', ')}, `
    + `${ESTIMATES.map((c) => sum(`p.${sqlIdent(c)}`, sqlIdent(c))).join(', ')}, `
    + `${sum('e.total', 'eth_total')}, ${BROAD_GROUPS.map((g) => sum(`e.${sqlIdent(g)}`, sqlIdent(`eth_${g}`))).join(', ')}, `
    + `${groups.map((g) => sum(g.members.map((m) => `e.${sqlIdent(m)}`).join(' + '), groupColumn(g))).map((x) => `${x}, `).join('')}`
    + `coalesce(sum(b.population) FILTER (WHERE j.imd_decile <= 2), 0)::DOUBLE AS core20_2019, sum(b.population) FILTER (WHERE j.imd_decile IS NOT NULL)::DOUBLE AS core20_2019_known, `
    + `coalesce(sum(b.population) FILTER (WHERE i.imd_decile <= 2), 0)::DOUBLE AS core20_2025, sum(b.population) FILTER (WHERE i.imd_decile IS NOT NULL)::DOUBLE AS core20_2025_known, `
    + `${smoking}, ${latest}::INTEGER AS smoking_year `
    + `FROM areas b LEFT JOIN lsoa_profile p ON p.code = b.code LEFT JOIN ethnicity e ON e.code = b.code LEFT JOIN imd2025 i ON i.code = b.code LEFT JOIN imd2019_lsoa21 j ON j.code = b.code `
    + `LEFT JOIN smoking_aps s ON s.code = b.lad24_code AND CAST(s.period AS INTEGER) = ${latest} `
    + `WHERE b.level = 'lsoa21' AND ${where(scope)}`;
}

/** The ICBs the areas lie in (every ICB with at least one of their LSOAs). */
export function icbsOfSql(level: LevelId, codes: readonly string[]): string {
  const info = LEVELS[level];
  if (info.base !== 'lsoa21' || !codes.length) return `SELECT NULL::VARCHAR AS code, NULL::VARCHAR AS name WHERE false`;
  return `SELECT DISTINCT i.code, i.name FROM areas b JOIN areas i ON i.level = 'icb24' AND i.code = b.icb24_code `
    + `WHERE b.level = 'lsoa21' AND b.${sqlIdent(info.baseKey)} IN (${codes.map(sqlString).join(', ')}) ORDER BY i.name`;
}
