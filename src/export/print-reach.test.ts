import { describe, expect, it } from 'vitest';
import type { ReachProfile, ReachRow } from '../data/reach-profile';
import { printReach } from './print-reach';

const count = (key: string, short: string, value: number, share: number | null): ReachRow => ({ key, label: short, short, unit: 'residents', estimate: false, cells: [{ value, share, low: null, high: null }, { value: value * 1000, share, low: null, high: null }] });

const profile: ReachProfile = {
  columns: [{ title: 'Shortlist', detail: '' }, { title: 'England', detail: '' }],
  sections: [
    { key: 'age', title: 'Age', note: '', rows: [count('residents', 'All residents', 48210, null), count('age_0_15', '0–15', 9000, 18.7), count('age_16_24', '16–24', 6000, 12.4), count('age_25_34', '25–34', 7000, 14.5), count('age_35_49', '35–49', 9000, 18.7), count('age_50_64', '50–64', 9000, 18.7), count('age_65_plus', '65 and over', 8210, 17.03)] },
    { key: 'ethnicity', title: 'Ethnic group', note: '', rows: [count('eth_asian', 'Asian', 12000, 24.96), count('grp_x', 'My group', 20000, 41.6)] },
    { key: 'core20', title: 'Core20', note: '', rows: [count('core20_2019', 'Core20 (IMD 2019)', 30000, 62.25)] },
    { key: 'smoking', title: 'Smoking', note: '', rows: [{ key: 'smoking_pct', label: 'Smoke', short: 'Smoke (APS 2023)', unit: 'percent', estimate: false, cells: [{ value: 15.55, share: null, low: null, high: null }, { value: null, share: null, low: null, high: null }] }] },
    {
      key: 'screening', title: 'Screening', note: '', rows: [
        { key: 'res_55_74', label: 'Residents aged 55–74', short: 'Aged 55–74', unit: 'residents', estimate: true, cells: [{ value: 1234.567, share: null, low: 1111.1, high: 1388.8 }, { value: 12710533.4, share: null, low: 11662805, high: 13921944 }] },
        { key: 'ex_55_74', label: 'Used to smoke', short: 'Used to smoke', unit: 'residents', estimate: true, cells: [{ value: 1, share: null, low: 0, high: 2 }, { value: 1, share: null, low: 0, high: 2 }] },
      ],
    },
  ],
  notes: [],
};

describe('printReach: the compact who-it-reaches of the one-page brief', () => {
  const p = printReach(profile);

  it('keeps all residents, the two oldest age bands and every ethnic row on the left; Core20, smoking and screening on the right', () => {
    expect(p.columns).toEqual(['Shortlist', 'England']);
    expect(p.blocks[0].map((r) => r.label)).toEqual(['All residents', '50–64', '65 and over', 'Asian', 'My group']);
    expect(p.blocks[1].map((r) => r.label)).toEqual(['Core20 (IMD 2019)', 'Smoke (APS 2023)', 'Aged 55–74 (est.)']);
  });

  it('prints shares for counts of residents, the count where there is no share, rates as rates and a dash for a missing value', () => {
    expect(p.blocks[0][0].cells).toEqual(['48,210', '48,210,000']);
    expect(p.blocks[0][2].cells).toEqual(['17.0%', '17.0%']);
    expect(p.blocks[1][1].cells).toEqual(['15.6%', '–']);
  });

  it('marks estimates and gives their range compactly, to three significant figures', () => {
    const row = p.blocks[1][2];
    expect(row.estimate).toBe(true);
    expect(row.cells).toEqual(['1.23k (1.11k–1.39k)', '12.7m (11.7m–13.9m)']);
    expect(p.note).toMatch(/"est\." marks an estimate/);
  });
});
