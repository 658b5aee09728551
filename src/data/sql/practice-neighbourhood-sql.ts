/**
 * A practice's neighbourhood deprivation: the Census 2021 residents of the LSOAs (2021) around the
 * practice, weighted into an IMD 2025 score and a Core20 (IMD 2025) share. The rule, stated in the
 * measure definitions: the NEIGHBOURS LSOAs whose map point (the point inside each LSOA used for its
 * label, the centre of mass of its generalised boundary) lies nearest the practice, among those within
 * RADIUS_KM; fewer where fewer lie that close (islands). Population-weighted centroids are not in the
 * data. Distances are on a local flat-earth approximation (longitude scaled by the cosine of the
 * practice's latitude), which ranks neighbours the same as great-circle distance at these ranges.
 * An approximation: a practice's patients do not live only next to it.
 */
const NEIGHBOURS = 10;
const RADIUS_KM = 15;
const KM_PER_DEGREE = 111.195;
const NEAR_KM = 3;

/**
 * Practice–LSOA pairs within `km`, found through grid cells at least `km` tall and wide everywhere in
 * England (south of 56° N, where a degree of longitude is over 62 km): the 3 × 3 cells around a
 * practice hold every LSOA within `km`, so DuckDB pairs them by an equi-join instead of scanning all
 * 215 million practice–LSOA pairs.
 */
function pairsWithin(km: number, practices: string): string {
  const cellLat = Math.ceil((100 * km) / KM_PER_DEGREE) / 100 + 0.005;
  const cellLon = Math.ceil((100 * km) / (KM_PER_DEGREE * Math.cos((56 * Math.PI) / 180))) / 100 + 0.005;
  const cell = (t: string) => `floor(${t}.lat / ${cellLat})::INTEGER AS cy, floor(${t}.lon / ${cellLon})::INTEGER AS cx`;
  return `SELECT practice_code, lsoa21_code, residents, km FROM (
      SELECT p.practice_code, a.code AS lsoa21_code, a.population::DOUBLE AS residents,
        ${KM_PER_DEGREE} * sqrt(power((a.lon - p.lon) * cos(radians(p.lat)), 2) + power(a.lat - p.lat, 2)) AS km
      FROM (SELECT p.practice_code, p.lon, p.lat, c.cy + dy.range AS cy, c.cx + dx.range AS cx
          FROM (${practices}) p, LATERAL (SELECT ${cell('p')}) c, range(-1, 2) dy, range(-1, 2) dx) p
        JOIN (SELECT a.code, a.population, a.lon, a.lat, ${cell('a')} FROM areas a WHERE a.level = 'lsoa21') a ON a.cy = p.cy AND a.cx = p.cx)
    WHERE km <= ${km}`;
}

/**
 * Rows (practice_code, lsoa21_code, residents, km): each practice's neighbourhood LSOAs. Two passes
 * with the same result as one 15 km search, much faster: a practice with NEIGHBOURS LSOAs within
 * NEAR_KM has its nearest ones among them; only the others (rural, coastal) search the full radius.
 */
function practiceNeighbourhoodSql(): string {
  const located = 'SELECT practice_code, lon, lat FROM gp_practices WHERE lat IS NOT NULL AND lon IS NOT NULL';
  const dense = `SELECT practice_code FROM near GROUP BY practice_code HAVING count(*) >= ${NEIGHBOURS}`;
  return `WITH near AS MATERIALIZED (${pairsWithin(NEAR_KM, located)})
    SELECT practice_code, lsoa21_code, residents, km FROM (
      SELECT * FROM near WHERE practice_code IN (${dense})
      UNION ALL SELECT * FROM (${pairsWithin(RADIUS_KM, `${located} AND practice_code NOT IN (${dense})`)}))
    QUALIFY row_number() OVER (PARTITION BY practice_code ORDER BY km, lsoa21_code) <= ${NEIGHBOURS}`;
}

export type NeighbourhoodStat = 'imd2025_score' | 'imd2025_core20';

/** Numerator over residents for one LSOA set: residents × score, or residents of Core20 LSOAs. */
function numeratorOf(stat: NeighbourhoodStat): string {
  return stat === 'imd2025_score' ? 'sum(n.residents * i.imd_score)' : 'sum(n.residents) FILTER (WHERE i.imd_decile <= 2)';
}

/**
 * (key, numerator, denominator) per practice (`by` = 'practice_code') or per PCN ('pcn_code': the
 * union of its practices' neighbourhoods, each LSOA counted once). Denominator = residents.
 */
export function neighbourhoodSumsSql(stat: NeighbourhoodStat, by: 'practice_code' | 'pcn_code'): string {
  const lsoas = by === 'practice_code'
    ? `SELECT practice_code AS key, lsoa21_code, residents FROM (${practiceNeighbourhoodSql()})`
    : `SELECT DISTINCT p.pcn_code AS key, n.lsoa21_code, n.residents FROM (${practiceNeighbourhoodSql()}) n JOIN gp_practices p USING (practice_code) WHERE p.pcn_code IS NOT NULL`;
  return `SELECT n.key, coalesce(${numeratorOf(stat)}, 0)::DOUBLE AS numerator, sum(n.residents)::DOUBLE AS denominator
    FROM (${lsoas}) n JOIN imd2025 i ON i.code = n.lsoa21_code GROUP BY n.key`;
}

/** England: every LSOA's residents (the benchmark a neighbourhood is read against). */
export function neighbourhoodEnglandSql(stat: NeighbourhoodStat): string {
  return `SELECT ${numeratorOf(stat)}::DOUBLE AS numerator, sum(n.residents)::DOUBLE AS denominator
    FROM (SELECT code AS lsoa21_code, population::DOUBLE AS residents FROM areas WHERE level = 'lsoa21') n JOIN imd2025 i ON i.code = n.lsoa21_code`;
}
