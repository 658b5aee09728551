/**
 * "Who a shortlist reaches": the profile of a set of areas beside its ICB(s) and England, built from
 * rows of profile-sql.ts. Numbers only (the app, the print brief and the exports word and format
 * them): residents by age band, ethnic group (and the user's groups of groups), Core20 residents,
 * adult smoking, and the lung cancer screening estimates with their ranges.
 */
import { ETHNIC_GROUPS } from '../state/ethnic-classification';
import type { EthnicGroupSpec } from '../state/ethnic-groups-spec';
import { AGE_BAND_LABELS, CENSUS_AGE_COLUMNS } from './catalogue/profile-bands';
import { SCREENING_METHOD } from './catalogue/screening-indicators';
import { BROAD_GROUPS } from './sql/profile-sql';

/** One row of profileSql: column name → number (or null). */
export type ProfileFigures = Record<string, number | null>;

export interface ReachCell {
  value: number | null;
  /** Share of the section's denominator, in % (null where it is not a count of residents). */
  share: number | null;
  /** Ends of an estimate's range (null for counts and published values). */
  low: number | null;
  high: number | null;
}

export interface ReachRow {
  key: string;
  label: string;
  /** For narrow tables ("Asian" for "Asian, Asian British or Asian Welsh"). */
  short: string;
  /** 'residents': a count with its share; 'percent': a rate; estimates also have a range. */
  unit: 'residents' | 'percent';
  estimate: boolean;
  cells: ReachCell[];
}

export interface ReachSection { key: string; title: string; rows: ReachRow[]; note: string }

export interface ReachProfile {
  columns: { title: string; detail: string }[];
  sections: ReachSection[];
  notes: string[];
}

const n = (f: ProfileFigures, k: string): number | null => (typeof f[k] === 'number' && Number.isFinite(f[k]) ? f[k] : null);
const share = (a: number | null, b: number | null) => (a === null || b === null || b <= 0 ? null : (100 * a) / b);

function countRow(key: string, label: string, short: string, figures: ProfileFigures[], value: (f: ProfileFigures) => number | null, of: (f: ProfileFigures) => number | null): ReachRow {
  return { key, label, short, unit: 'residents', estimate: false, cells: figures.map((f) => ({ value: value(f), share: share(value(f), of(f)), low: null, high: null })) };
}

function estimateRow(key: string, label: string, short: string, figures: ProfileFigures[], prefix: string[]): ReachRow {
  const sum = (f: ProfileFigures, suffix: string) => prefix.reduce<number | null>((s, p) => (s === null || n(f, `${p}${suffix}`) === null ? null : s + n(f, `${p}${suffix}`)!), 0);
  return { key, label, short, unit: 'residents', estimate: true, cells: figures.map((f) => ({ value: sum(f, ''), share: null, low: sum(f, '_low'), high: sum(f, '_high') })) };
}

export function reachProfile(columns: { title: string; detail: string; figures: ProfileFigures }[], groups: readonly EthnicGroupSpec[]): ReachProfile {
  const fs = columns.map((c) => c.figures);
  const residents = (f: ProfileFigures) => n(f, 'residents');
  const ethTotal = (f: ProfileFigures) => n(f, 'eth_total');
  const year = fs.map((f) => n(f, 'smoking_year')).find((y) => y !== null);
  const sections: ReachSection[] = [
    {
      key: 'age', title: 'Residents by age (Census 2021)', note: 'Usual residents on Census day, 21 March 2021; shares of all residents.',
      rows: [countRow('residents', 'All usual residents', 'All residents', fs, residents, () => null), ...CENSUS_AGE_COLUMNS.map((c) => countRow(c, AGE_BAND_LABELS[c], AGE_BAND_LABELS[c].replace('Aged ', ''), fs, (f) => n(f, c), residents))],
    },
    {
      key: 'ethnicity', title: 'Ethnic group (Census 2021)',
      note: 'Census 2021 table TS021, shares of its own total (ONS perturbs each table slightly, so totals differ by a few people from the age table).',
      rows: [
        ...BROAD_GROUPS.map((g) => {
          const c = ETHNIC_GROUPS.find((x) => x.key === g)!;
          return countRow(`eth_${g}`, c.label, c.short, fs, (f) => n(f, `eth_${g}`), ethTotal);
        }),
        ...groups.map((g) => countRow(`grp_${g.id}`, `${g.label} (your group)`, g.label, fs, (f) => n(f, `grp_${g.id}`), ethTotal)),
      ],
    },
    {
      key: 'core20', title: 'Deprivation (Core20)',
      note: 'Core20: residents of LSOAs in national IMD deciles 1–2 (the most deprived 20 % of LSOAs in England). IMD 2019 is the edition of NHS England\'s published Core20 figures (carried onto LSOA 2021 through the ONS lookup); IMD 2025 is the newer edition, published on LSOA 2021. Shares are of residents of LSOAs with a decile.',
      rows: [
        countRow('core20_2019', 'Residents in Core20 LSOAs (IMD 2019)', 'Core20 (IMD 2019)', fs, (f) => n(f, 'core20_2019'), (f) => n(f, 'core20_2019_known')),
        countRow('core20_2025', 'Residents in Core20 LSOAs (IMD 2025)', 'Core20 (IMD 2025)', fs, (f) => n(f, 'core20_2025'), (f) => n(f, 'core20_2025_known')),
      ],
    },
    {
      key: 'smoking', title: 'Adult smoking',
      note: `Adults (18+) who smoke, Annual Population Survey ${year ?? ''}: councils' estimates averaged over the areas' residents aged 16+ (England: its own published value). A survey estimate for whole councils, not for these areas.`,
      rows: [{ key: 'smoking_pct', label: `Adults who smoke (APS ${year ?? ''}), %`, short: `Smoke (APS ${year ?? ''})`, unit: 'percent', estimate: false, cells: fs.map((f) => ({ value: n(f, 'smoking_pct'), share: null, low: null, high: null })) }],
    },
    {
      key: 'screening', title: 'Lung cancer screening (estimates)', note: SCREENING_METHOD.join(' '),
      rows: [
        estimateRow('res_55_74', 'Residents aged 55–74', 'Aged 55–74', fs, ['res_55_74']),
        estimateRow('ever_55_74', 'Of whom have ever smoked (current + ex)', 'Ever smoked', fs, ['current_55_74', 'ex_55_74']),
        estimateRow('current_55_74', 'Of whom currently smoke', 'Smoke now', fs, ['current_55_74']),
        estimateRow('ex_55_74', 'Of whom used to smoke', 'Used to smoke', fs, ['ex_55_74']),
      ],
    },
  ];
  return {
    columns: columns.map((c) => ({ title: c.title, detail: c.detail })),
    sections,
    notes: ['Estimates are marked as such and given with a low–high range; counts of residents are Census 2021.'],
  };
}
