/** Messages about the key column and the join: what did not join, why, and what to do about it. */
import { ENGLAND_CODE } from '../catalogue/types';
import type { KeyDetection } from './detect-key-column';
import { listRows, MAX_LISTED, quoteValue, type ImportIssue } from './import-issue';
import type { KeyJoin, UnmatchedCode, UnmatchedReason } from './join-keys';
import type { ReferenceCodes } from './reference-codes';
import type { WeightSpec } from './user-dataset';

const n = (k: number) => k.toLocaleString('en-GB');

/** The first MAX_LISTED rows of several lists, without concatenating millions of row numbers. */
function firstRows(lists: { rows: number[] }[]): number[] {
  const out: number[] = [];
  for (const l of lists) {
    for (const r of l.rows) {
      if (out.length === MAX_LISTED) return out;
      out.push(r);
    }
  }
  return out;
}
const plural = (k: number, one: string, many = `${one}s`) => `${n(k)} ${k === 1 ? one : many}`;

function examples(codes: UnmatchedCode[], k = 3): string {
  return codes.slice(0, k).map((u) => `${quoteValue(u.code, 20)} on ${listRows(u.rows, u.count)}: ${u.detail}`).join('; ');
}

const NEXT: Record<UnmatchedReason, string> = {
  'other-vintage': 'Re-extract the data on the atlas\'s year of codes, or translate the codes with the official lookup between the years, then load the file again.',
  'other-level': 'Keep one kind of area per file: split or aggregate the rows, then load the file again.',
  'not-a-code': 'Remove total or note rows, or correct the codes; download the list of unmatched codes to see them all.',
  'unknown-code': 'Check these codes for typing errors; download the list of unmatched codes to see them all.',
};

const LABEL: Record<UnmatchedReason, [one: string, many: string]> = {
  'other-vintage': ['is a code of another year', 'are codes of another year'],
  'other-level': ['is a code of another kind of area', 'are codes of another kind of area'],
  'not-a-code': ['is not an area code', 'are not area codes'],
  'unknown-code': ['is not in any list of valid codes', 'are not in any list of valid codes'],
};

export function joinIssues(file: string, key: KeyDetection, join: KeyJoin, refs: ReferenceCodes, weight?: WeightSpec): ImportIssue[] {
  const out: ImportIssue[] = [];
  const where = `${file}, column "${key.column}"`;
  const anyJoined = join.rowsMatched > 0;
  if (!key.geography || !key.target) {
    const outsideOnly = join.outsideEngland.length > 0;
    out.push({ severity: 'error', code: 'no-key-column', column: key.column, message: outsideOnly
      ? `${where}: the codes are from ${join.outsideEngland.map((o) => o.country).join(' and ')}, not England. The atlas covers England only; load a file with English codes.`
      : `${where}: the codes are not of a geography the atlas can join (${examples(join.unmatched, 2)}). Use LSOA, ward, local authority, Sub-ICB, ICB, Cancer Alliance or GP practice codes.` });
  } else if (!anyJoined) {
    out.push({ severity: 'error', code: 'nothing-matched', column: key.column, count: join.distinctCodes, message: `${where}: none of the ${plural(join.distinctCodes, 'code')} matched ${key.target.label} (${examples(join.unmatched, 2)}). Check that this is the column of area codes and that the codes are complete, or choose another key column. The list of unmatched codes can be downloaded.` });
  }
  for (const reason of ['other-vintage', 'other-level', 'not-a-code', 'unknown-code'] as const) {
    const codes = join.unmatched.filter((u) => u.reason === reason);
    if (!codes.length || !anyJoined) continue;
    const rows = codes.reduce((s, u) => s + u.count, 0);
    out.push({ severity: 'warning', code: reason === 'other-vintage' ? 'other-vintage' : reason === 'other-level' ? 'other-level' : 'unmatched-codes', column: key.column, count: codes.length, rows: firstRows(codes),
      message: `${where}: ${plural(codes.length, 'code')} on ${plural(rows, 'row')} ${LABEL[reason][codes.length === 1 ? 0 : 1]} and will not be joined (${examples(codes)}). ${NEXT[reason]}` });
  }
  if (join.duplicates.length) {
    const d = join.duplicates;
    out.push({ severity: 'warning', code: 'duplicate-keys', column: key.column, count: d.length, rows: firstRows(d),
      message: `${where}: ${plural(d.length, 'code')} ${d.length === 1 ? 'appears' : 'appear'} on more than one row (${d.slice(0, 3).map((x) => `${x.code} on ${listRows(x.rows, x.count)}`).join('; ')}). The atlas needs one value per area: remove repeated rows, or filter the file to one year, sex or age group, then load it again.` });
  }
  if (join.blank.count) {
    out.push({ severity: 'warning', code: 'blank-keys', column: key.column, count: join.blank.count, rows: join.blank.rows,
      message: `${where}: ${listRows(join.blank.rows, join.blank.count)} ${join.blank.count === 1 ? 'has' : 'have'} no area code and will be left out. Fill in the codes or delete those rows.` });
  }
  for (const o of join.outsideEngland) {
    out.push({ severity: 'warning', code: 'outside-england', column: key.column, count: o.count, rows: o.rows,
      message: `${where}: ${plural(o.count, 'row')} ${o.count === 1 ? 'has a code' : 'have codes'} from ${o.country} (${o.examples.join(', ')}). The atlas covers England only, so ${o.count === 1 ? 'it' : 'they'} will be left out.` });
  }
  if (join.aggregates.length) {
    const a = join.aggregates;
    const rows = a.reduce((s, x) => s + x.count, 0);
    out.push({ severity: 'info', code: 'aggregate-rows', column: key.column, count: rows, rows: firstRows(a),
      message: `${where}: ${a.slice(0, 3).map((x) => `${listRows(x.rows, x.count)} (${x.code}, ${refs.names.get(x.code) ?? x.description})`).join('; ')}${a.length > 3 ? ' and more' : ''} ${rows === 1 ? 'holds a total for a larger area, not an area' : 'hold totals for larger areas, not areas'} of the map; ${rows === 1 ? 'it' : 'they'} will not be mapped.`
        + (join.england.count ? ` England's row (E92000001) is kept as England's value, for comparisons with England.` : '') });
  }
  out.push(...geographyNotes(where, key, join, refs, weight));
  return out;
}

/** How merged councils' rates and percentages without a denominator are averaged, in words. */
function mergedAverage(weight: WeightSpec | undefined): string {
  switch (weight?.kind) {
    case undefined:
    case 'residents': return "averaged weighted by each former district's Census 2021 residents (never a plain mean)";
    case 'column': return `averaged weighted by "${weight.column}"`;
    case 'equal': return 'averaged without weights, as you chose';
    case 'list-size': return 'averaged';
  }
}

function geographyNotes(where: string, key: KeyDetection, join: KeyJoin, refs: ReferenceCodes, weight: WeightSpec | undefined): ImportIssue[] {
  const out: ImportIssue[] = [];
  const name = (c: string) => (refs.names.has(c) ? `${c} ${refs.names.get(c)}` : c);
  if (join.harmonised.length) {
    const h = join.harmonised;
    out.push({ severity: 'info', code: 'lad-harmonised', column: key.column, count: h.length,
      message: `${where}: the local authority codes are from ${key.detectedVintage ?? 'an earlier year'}; ${plural(h.length, 'code')} of districts reorganised since then ${h.length === 1 ? 'was' : 'were'} translated to the 2024 authority (${h.slice(0, 3).map((x) => `${name(x.from)} → ${name(x.to)}`).join('; ')}).` });
  }
  if (join.merged.length) {
    out.push({ severity: 'warning', code: 'lad-merged', column: key.column, count: join.merged.length,
      message: `${where}: several districts in the file became one 2024 authority (${join.merged.slice(0, 2).map((m) => `${m.from.join(', ')} → ${name(m.to)}`).join('; ')}${join.merged.length > 2 ? `; ${plural(join.merged.length - 2, 'more council')}` : ''}). Their rows are combined into the council's value: counts are added up, rates with a numerator and a denominator are recomputed from the summed numerators and denominators, and other values are ${mergedAverage(weight)}. The list below says how each council's value is made; the weight can be changed in the mapping step.` });
    if (join.merged.some((m) => m.residents.some((r) => r === null)) && (weight?.kind ?? 'residents') === 'residents') {
      out.push({ severity: 'warning', code: 'missing-weights', column: key.column, message: `${where}: the residents of some former districts are not in this build of the atlas's data, so merged councils' averages cannot be weighted by them and are left without a value. Rebuild the data ("npm run data"), give numerators and denominators, or choose a weight column.` });
    }
  }
  if (key.geography && key.target && !key.target.atlasLevel && join.rowsMatched) {
    out.push({ severity: 'info', code: 'no-map-level', column: key.column, message: `${where}: ${key.target.label} are points, not areas of the map: their values can be shown at each practice's location, or passed to the LSOA it sits in (not where its patients live).` });
  }
  if (key.geography === 'practice') {
    const noPlace = [...new Set(join.joinKeys)].filter((c): c is string => c !== null && c !== ENGLAND_CODE && !refs.practices.get(c)?.lsoa21);
    if (noPlace.length) out.push({ severity: 'info', code: 'practices-without-lsoa', column: key.column, count: noPlace.length, message: `${where}: ${plural(noPlace.length, 'practice')} (${noPlace.slice(0, 3).join(', ')}) ${noPlace.length === 1 ? 'has' : 'have'} no known location, so ${noPlace.length === 1 ? 'it' : 'they'} cannot be placed on the map.` });
  }
  return out;
}
