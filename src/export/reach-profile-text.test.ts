import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ReachProfile } from '../data/reach-profile';
import { buildPrintBrief } from './print-brief';
import { REACH_HEADER, reachRows, reachTable } from './reach-profile-text';
import { csvBundleNames, writeCsvBundle } from './shortlist-csv';
import { shortlistFixture } from './shortlist-fixture';

const profile: ReachProfile = {
  columns: [{ title: 'Shortlist', detail: '2 wards, 10,000 residents' }, { title: 'England', detail: '56,489,608 residents' }],
  sections: [
    {
      key: 'age', title: 'Residents by age (Census 2021)', note: 'Usual residents.',
      rows: [{ key: 'a', label: 'Aged 0–15', short: '0–15', unit: 'residents', estimate: false, cells: [{ value: 2150, share: 21.5, low: null, high: null }, { value: null, share: null, low: null, high: null }] }],
    },
    {
      key: 'screen', title: 'Lung cancer screening (estimates)', note: 'Bridged ages.',
      rows: [{ key: 's', label: 'Residents aged 55–74', short: 'Aged 55–74', unit: 'residents', estimate: true, cells: [{ value: 1234.567, share: null, low: 1111.1, high: 1388.8 }, { value: 12710533.4, share: null, low: 11662805, high: 13921944 }] }],
    },
  ],
  notes: [],
};

describe('who-it-reaches text and rows', () => {
  it('marks estimates, rounds them to three significant figures with their range, and shows a missing value as a dash', () => {
    const t = reachTable(profile);
    const [age, screen] = t.sections;
    expect(age.rows[0].cells).toEqual([{ main: '2,150', sub: '(21.5%)' }, { main: '–', sub: '' }]);
    expect(screen.rows[0].label).toBe('Residents aged 55–74 (estimate)');
    expect(screen.rows[0].short).toBe('Aged 55–74 (est.)');
    expect(screen.rows[0].cells[0]).toEqual({ main: '1,230', sub: '(1,110–1,390)' });
    expect(screen.rows[0].cells[1]).toEqual({ main: '12,700,000', sub: '(11,700,000–13,900,000)' });
  });

  it('gives the exports one unrounded row per measure and column, estimates flagged', () => {
    const rows = reachRows(profile);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toHaveLength(REACH_HEADER.length);
    expect(rows[2]).toEqual(['Lung cancer screening (estimates)', 'Residents aged 55–74', 'Shortlist', '2 wards, 10,000 residents', 1234.57, null, 1111.1, 1388.8, 'estimate']);
    expect(rows[1].slice(4)).toEqual([null, null, null, null, '']);
  });
});

describe('who-it-reaches in the CSV bundle and the print brief', () => {
  // A user's group name is untrusted text: it must not run as a formula in a spreadsheet.
  const withGroup: ReachProfile = {
    ...profile,
    sections: [...profile.sections, { key: 'eth', title: 'Ethnic group (Census 2021)', note: 'TS021.', rows: [{ key: 'g', label: '=HYPERLINK("x") (your group)', short: '=HYPERLINK("x")', unit: 'residents', estimate: false, cells: [{ value: 10, share: 1, low: null, high: null }, { value: 20, share: 2, low: null, high: null }] }] }],
  };
  const input = { ...shortlistFixture(), reach: withGroup };

  it('adds a who-it-reaches file with formula-guarded labels; without a profile the bundle is unchanged', () => {
    const files = unzipSync(writeCsvBundle(input));
    const names = csvBundleNames(input);
    expect(Object.keys(files).sort()).toEqual([names.table, names.method, names.reach].sort());
    expect([...files[names.reach].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // Excel reads UTF-8 only with the BOM
    const rows = Papa.parse<string[]>(strFromU8(files[names.reach]), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...REACH_HEADER]);
    expect(rows).toHaveLength(1 + 6);
    for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+\-@]/);
    expect(Object.keys(unzipSync(writeCsvBundle(shortlistFixture())))).toHaveLength(2);
  });

  it('puts the profile in the print brief, compactly (the user\'s group as plain text)', () => {
    const brief = buildPrintBrief(input);
    expect(brief.reach?.columns).toEqual(['Shortlist', 'England']);
    // this fixture's keys are not the real profile's: its age row stays left, the other sections go right
    expect(brief.reach?.blocks[0].map((r) => r.label)).toEqual(['0–15']);
    expect(brief.reach?.blocks[1].map((r) => r.label)).toEqual(['Aged 55–74 (est.)', '=HYPERLINK("x")']);
    expect(buildPrintBrief(shortlistFixture()).reach).toBeNull();
    // On the one-page brief: all residents but not the other age bands, every other measure, one row per area.
    // The one-page brief keeps the provenance without the profile's long method lines when it is given.
    const fixture = shortlistFixture();
    const longer = { ...fixture, reach: withGroup, provenance: { ...fixture.provenance, method: [...fixture.provenance.method, 'Who it reaches: a long note.'] }, briefProvenance: fixture.provenance };
    expect(buildPrintBrief(longer).method).toEqual(buildPrintBrief(fixture).method);
  });
});
