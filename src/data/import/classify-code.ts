/**
 * What kind of area code a cell holds, from its shape alone (GSS entity prefix, or the ODS shape of
 * a GP practice code). Membership in a particular year's list is decided later (detect-key-column).
 */
export type Geography = 'lsoa' | 'ward' | 'lad' | 'sicbl' | 'icb' | 'cal' | 'practice';

export type Country = 'Wales' | 'Scotland' | 'Northern Ireland';

export type CodeClass =
  /** An English code of a geography the atlas can join. */
  | { kind: 'joinable'; geography: Geography }
  /** An English code of a geography the atlas does not draw; `aggregate` marks totals (England, regions). */
  | { kind: 'other-england'; entity: string; description: string; aggregate: boolean }
  | { kind: 'outside-england'; country: Country | 'UK or GB' };

const JOINABLE: Record<string, Geography> = {
  E01: 'lsoa', E05: 'ward', E06: 'lad', E07: 'lad', E08: 'lad', E09: 'lad', E38: 'sicbl', E54: 'icb', E56: 'cal',
};

const OTHER: Record<string, [description: string, aggregate: boolean]> = {
  E00: ['output area', false], E02: ['MSOA', false], E04: ['civil parish', false],
  E10: ['county', true], E11: ['metropolitan county', true], E12: ['region', true], E13: ['inner/outer London', true],
  E14: ['parliamentary constituency (2010)', false], E39: ['NHS region (2016)', true], E40: ['NHS England region', true],
  E45: ['local enterprise partnership', true], E47: ['combined authority', true], E92: ['country (England)', true],
};

const COUNTRY: Record<string, Country | 'UK or GB'> = { W: 'Wales', S: 'Scotland', N: 'Northern Ireland', K: 'UK or GB' };

const GSS = /^[EWSNK]\d{8}$/;
/** ODS GP practice codes: a letter and five digits (branch sites add more digits and are not joinable). */
const PRACTICE = /^[A-Z]\d{5}$/;

/** Codes as users type them: stray spaces and lower case are common in hand-made sheets. */
export function normaliseCode(s: string): string {
  return s.trim().toUpperCase();
}

export function classifyCode(code: string): CodeClass | null {
  if (GSS.test(code)) {
    const entity = code.slice(0, 3);
    const country = COUNTRY[code[0]];
    if (country) return { kind: 'outside-england', country };
    const geography = JOINABLE[entity];
    if (geography) return { kind: 'joinable', geography };
    const [description, aggregate] = OTHER[entity] ?? [`${entity} area`, false];
    return { kind: 'other-england', entity, description, aggregate };
  }
  return PRACTICE.test(code) ? { kind: 'joinable', geography: 'practice' } : null;
}

export const GEOGRAPHY_NOUN: Record<Geography, string> = {
  lsoa: 'LSOA', ward: 'electoral ward', lad: 'local authority', sicbl: 'Sub-ICB location / CCG', icb: 'ICB / STP',
  cal: 'Cancer Alliance', practice: 'GP practice',
};
