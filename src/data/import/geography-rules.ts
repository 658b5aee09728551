/**
 * Per geography: how its yearly code lists are named, which year the atlas joins on, and what a
 * code becomes in the atlas. Wards, local authorities, Sub-ICB locations and ICBs join on 2024 codes
 * and Cancer Alliances on 2019 ones (the map's levels); LSOAs join on the year detected (the atlas
 * draws both 2011 and 2021); GP practices are points, matched against the practice list.
 */
import type { LevelId } from '../../geo/levels';
import type { Geography } from './classify-code';
import type { ReferenceCodes } from './reference-codes';

export interface JoinTarget {
  /** The year whose codes join, or null (GP practices). */
  vintage: number | null;
  label: string;
  atlasLevel: LevelId | null;
}

export interface GeographyRule {
  vintageLabel(year: number): string;
  target(detected: number | null): JoinTarget;
  /** The code the row joins the atlas on, or null when it does not join. */
  join(code: string, refs: ReferenceCodes, target: JoinTarget): string | null;
}

const inYear = (geo: Exclude<Geography, 'practice'>) => (code: string, refs: ReferenceCodes, t: JoinTarget) =>
  t.vintage !== null && refs.vintages[geo].get(t.vintage)?.has(code) ? code : null;

function fixed(label: (y: number) => string, year: number, atlasLevel: LevelId, geo: Exclude<Geography, 'practice'>): GeographyRule {
  return { vintageLabel: label, target: () => ({ vintage: year, label: label(year), atlasLevel }), join: inYear(geo) };
}

const lsoaLabel = (y: number) => `LSOA ${y}`;
const sicblLabel = (y: number) => (y < 2022 ? `CCGs ${y}` : `Sub-ICB locations ${y}`);

export const GEOGRAPHY_RULES: Record<Geography, GeographyRule> = {
  lsoa: {
    vintageLabel: lsoaLabel,
    target: (d) => (d === 2011 ? { vintage: 2011, label: lsoaLabel(2011), atlasLevel: 'lsoa11' } : { vintage: 2021, label: lsoaLabel(2021), atlasLevel: 'lsoa21' }),
    join: inYear('lsoa'),
  },
  ward: fixed((y) => `electoral wards ${y}`, 2024, 'ward24', 'ward'),
  lad: {
    vintageLabel: (y) => `local authorities ${y}`,
    target: () => ({ vintage: 2024, label: 'local authorities 2024', atlasLevel: 'lad24' }),
    // abolished districts join on the authority that replaced them (reported as harmonised)
    join: (code, refs) => refs.ladTo2024.get(code) ?? null,
  },
  icb: fixed((y) => (y < 2022 ? `STPs ${y}` : `ICBs ${y}`), 2024, 'icb24', 'icb'),
  sicbl: fixed(sicblLabel, 2024, 'sicbl24', 'sicbl'),
  cal: fixed((y) => `Cancer Alliances ${y}`, 2019, 'cal19', 'cal'),
  practice: {
    vintageLabel: () => 'GP practices',
    target: () => ({ vintage: null, label: 'GP practices', atlasLevel: null }),
    join: (code, refs) => (refs.practices.has(code) ? code : null),
  },
};
