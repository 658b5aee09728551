/**
 * Practices and PCNs in a focus region, for "Find practices". A practice is in an ICB or Cancer
 * Alliance through its own Sub-ICB (QOF 2022-23 mapping, 2024 codes; the ICB and alliance those
 * Sub-ICBs belong to in the atlas's areas), and in a local authority when its surgery stands there
 * (practices without a location are in none). A PCN is in the region when any of its practices is.
 */
import type { PracticeLevelId } from '../catalogue/practice-measures';
import type { FocusLevel } from '../../geo/levels';
import { sqlString } from './sql-text';

/** Column: code (practice or PCN ODS code). */
export function practiceScopeSql(level: PracticeLevelId, focus: { level: FocusLevel; code: string }): string {
  const practices = focus.level === 'lad24'
    ? `SELECT p.practice_code, p.pcn_code FROM gp_practices p JOIN areas l ON l.level = 'lsoa21' AND l.code = p.lsoa21_code WHERE l.lad24_code = ${sqlString(focus.code)}`
    : `SELECT p.practice_code, p.pcn_code FROM gp_practices p JOIN areas s ON s.level = 'sicbl24' AND s.code = p.sicbl24_code WHERE s.${focus.level === 'icb24' ? 'icb24_code' : 'cal22_code'} = ${sqlString(focus.code)}`;
  return level === 'practice'
    ? `SELECT practice_code AS code FROM (${practices}) ORDER BY code`
    : `SELECT DISTINCT pcn_code AS code FROM (${practices}) WHERE pcn_code IS NOT NULL ORDER BY code`;
}
