/**
 * Runs the profile queries for a set of areas, the ICB(s) they lie in and England, and builds the
 * "who it reaches" profile from them. Used for a shortlist and for one area (the detail panel), the
 * same way in the app and in a headless export.
 */
import { LEVELS, type LevelId } from '../geo/levels';
import type { EthnicGroupSpec } from '../state/ethnic-groups-spec';
import { rowsOf } from './db/arrow-columns';
import type { QueryRunner } from './query-runner';
import { reachProfile, type ProfileFigures, type ReachProfile } from './reach-profile';
import { icbsOfSql, profileSql, type ProfileScope } from './sql/profile-sql';

const count = (n: number | null) => (n === null ? '–' : Math.round(n).toLocaleString('en-GB'));

async function figures(q: QueryRunner, scope: ProfileScope, groups: readonly EthnicGroupSpec[]): Promise<ProfileFigures> {
  const [row] = rowsOf(await q.run(profileSql(scope, groups)));
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v : null]));
}

export interface ReachOptions {
  /** Title of the first column ("Shortlist", or the area's name). */
  title: string;
  /** Also show the ICB(s) the areas lie in (not for an ICB or a larger area itself). */
  withIcbs: boolean;
}

/** Null when the level is not built from LSOA 2021 (the 2011 stack): Census 2021 figures do not fit its areas. */
export async function loadReachProfile(q: QueryRunner, level: LevelId, codes: readonly string[], groups: readonly EthnicGroupSpec[], o: ReachOptions): Promise<ReachProfile | null> {
  if (LEVELS[level].base !== 'lsoa21' || !codes.length) return null;
  const own = await figures(q, { kind: 'areas', level, codes }, groups);
  const noun = LEVELS[level].noun;
  const columns = [{ title: o.title, detail: `${codes.length.toLocaleString('en-GB')} ${noun}${codes.length === 1 ? '' : ' areas'}, ${count(own.residents)} residents`, figures: own }];
  if (o.withIcbs) {
    const icbs = rowsOf(await q.run(icbsOfSql(level, codes))).map((r) => ({ code: String(r.code), name: String(r.name) }));
    if (icbs.length) {
      const f = await figures(q, { kind: 'icbs', codes: icbs.map((i) => i.code) }, groups);
      columns.push({ title: icbs.length === 1 ? icbs[0].name : `Their ${icbs.length} ICBs`, detail: `${icbs.length === 1 ? 'the ICB they lie in' : icbs.map((i) => i.name).join('; ')}, ${count(f.residents)} residents`, figures: f });
    }
  }
  const england = await figures(q, { kind: 'england' }, groups);
  columns.push({ title: 'England', detail: `${count(england.residents)} residents`, figures: england });
  return reachProfile(columns, groups);
}
