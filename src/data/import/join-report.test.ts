import { describe, expect, it } from 'vitest';
import { syntheticReference } from '../../../test/import/synthetic-reference';
import { bytesSource } from './byte-source';
import { buildJoinReport } from './join-report';
import { readCsv } from './read-csv';
import { unmatchedCodesCsv } from './unmatched-codes-csv';

const refs = syntheticReference();
const report = async (csv: string, opts = {}) => buildJoinReport(await readCsv(bytesSource(new TextEncoder().encode(csv), 'mine.csv')), refs, opts);

describe('buildJoinReport', () => {
  it('accounts for every row: matched, unmatched, blank, outside England, totals', async () => {
    const r = await report('code,value\nE01000001,1\nE01000002,2\ne01000003 ,3\nE01999999,4\n,5\nS01000001,6\nE92000001,7\nTotal,8\n');
    expect(r.counts).toMatchObject({ rowsRead: 8, rowsMatched: 3, rowsUnmatched: 2, rowsBlankKey: 1, rowsOutsideEngland: 1, rowsAggregate: 1 });
    // England's own row is kept under its code (for comparisons with England), never as an area
    expect(r.joinKeys).toEqual(['E01000001', 'E01000002', 'E01000003', null, null, null, 'E92000001', null]);
    expect(r.join!.england).toEqual({ rows: [8], count: 1 });
    expect(r.issues.find((i) => i.code === 'aggregate-rows')!.message).toContain("England's row (E92000001) is kept as England's value, for comparisons");
    expect(r.join!.unmatched.map((u) => [u.code, u.reason])).toEqual([['E01999999', 'unknown-code'], ['Total', 'not-a-code']]);
    expect(r.status).toBe('ready-with-warnings');
  });

  it('translates abolished districts to their 2024 authority and flags merges', async () => {
    const r = await report('la,count\nE07000004,10\nE07000005,20\nE07000150,5\nE06000001,7\n');
    expect(r.joinKeys).toEqual(['E06000060', 'E06000060', 'E06000061', 'E06000001']);
    expect(r.join!.harmonised.map((h) => `${h.from}>${h.to}`)).toEqual(['E07000004>E06000060', 'E07000005>E06000060', 'E07000150>E06000061']);
    expect(r.join!.merged).toEqual([{
      to: 'E06000060', from: ['E07000004', 'E07000005'], residents: [200_000, 100_000],
      label: 'E06000060 Buckinghamshire ← E07000004 Aylesbury Vale (200,000 residents), E07000005 Chiltern (100,000 residents)',
    }]);
    const harmonised = r.issues.find((i) => i.code === 'lad-harmonised')!;
    expect(harmonised.message).toContain('are from 2019');
    expect(harmonised.message).toContain('E07000004 Aylesbury Vale → E06000060 Buckinghamshire');
    const merged = r.issues.find((i) => i.code === 'lad-merged')!.message;
    expect(merged).toContain('counts are added up, rates with a numerator and a denominator are recomputed from the summed numerators and denominators');
    expect(merged).toContain("averaged weighted by each former district's Census 2021 residents (never a plain mean)");
    const unweighted = await report('la,score\nE07000004,10\nE07000005,20\n', { weight: { kind: 'equal' } });
    expect(unweighted.issues.find((i) => i.code === 'lad-merged')!.message).toContain('averaged without weights, as you chose');
  });

  it('checks the rows of a numerator and a denominator: each bad row named, none usable blocks', async () => {
    const csv = 'code,screened,eligible\nE01000001,40,100\nE01000002,5,0\nE01000003,12,\nE01000005,-1,10\nE01033769,30,20\nE01033770,,50\n';
    const r = await report(csv, { ratios: [{ numerator: 'screened', denominator: 'eligible', proportion: true }] });
    const bad = r.issues.find((i) => i.code === 'bad-denominator')!;
    expect(bad).toMatchObject({ severity: 'warning', column: 'eligible', count: 4, rows: [3, 4, 5, 6] });
    expect(bad.message).toBe('mine.csv, columns "screened" ÷ "eligible": row 3 has a denominator of 0 or less; row 4 has a numerator but no denominator; '
      + 'row 5 has a negative numerator; row 6 counts more than its denominator (a proportion cannot be above 100 %). Those rows are left out'
      + ' of the rate (numerator and denominator both), so no area\'s rate is built from half a pair; correct them in the file and load it again if they should count.');
    // as events in a population, more events than people is possible (repeat referrals): only the impossible rows are named
    const events = await report(csv, { ratios: [{ numerator: 'screened', denominator: 'eligible', proportion: false }] });
    expect(events.issues.find((i) => i.code === 'bad-denominator')).toMatchObject({ count: 3, rows: [3, 4, 5] });
    const swapped = await report('code,eligible,screened\nE01000001,100,40\nE01000002,50,20\n', { ratios: [{ numerator: 'eligible', denominator: 'screened', proportion: true }] });
    expect(swapped.status).toBe('blocked');
    expect(swapped.issues[0].message).toContain('Every numerator is larger than its denominator: are the two columns the other way round?');
    const text = await report('code,screened,eligible\nE01000001,40,many\nE01000002,5,some\n', { ratios: [{ numerator: 'screened', denominator: 'eligible', proportion: true }] });
    expect(text.status).toBe('blocked');
    expect(text.issues[0]).toMatchObject({ code: 'no-usable-rate', message: 'mine.csv, columns "screened" ÷ "eligible": "eligible" holds no numbers, so it cannot be a denominator. Choose the column that holds the population or list size each numerator is counted in.' });
  });

  it('names the rows that have no weight for averages', async () => {
    const r = await report('code,uptake %,list\nE01000001,60,1000\nE01000002,70,\nE01000003,65,-5\nE01000005,,\n', { weight: { kind: 'column', column: 'list' } });
    expect(r.issues.find((i) => i.code === 'missing-weights')).toMatchObject({ severity: 'warning', column: 'list', count: 2, rows: [3, 4] });
    // GP practices weigh by QOF list sizes by default: a practice without one is named (one without a location is reported as such instead)
    const gp = await report('practice,uptake %\nA81001,60\nY00001,70\n');
    expect(gp.issues.map((i) => i.code)).not.toContain('missing-weights');
  });

  it('blocks when nothing joins or no column holds codes', async () => {
    const none = await report('code,v\nE01999998,1\nE01999999,2\n');
    expect(none.status).toBe('blocked');
    expect(none.issues[0]).toMatchObject({ severity: 'error', code: 'nothing-matched' });
    const nokey = await report('name,v\nLeeds,1\n');
    expect(nokey.status).toBe('blocked');
    expect(nokey.issues[0].message).toMatch(/^mine\.csv: no column holds area codes/);
  });

  it('uses the units chosen in the mapping dialog for range checks', async () => {
    const csv = 'code,uptake\nE01000001,0.5\nE01000002,150\n';
    expect((await report(csv)).counts.outOfRangeCells).toBe(1);
    const asRate = await report(csv, { valueKinds: { uptake: 'rate' } });
    expect(asRate.counts.outOfRangeCells).toBe(0);
    expect(asRate.columns[1]).toMatchObject({ valueKind: 'rate', kindReason: 'chosen' });
  });

  it('writes unmatched codes as CSV that a spreadsheet shows as text, with the exports\' formula guard and BOM', async () => {
    const r = await report('code,v\nE01000001,1\n=HYPERLINK("http://x"),2\nE01999999,3\nE01999999,4\n -1+2,5\n＝SUM(A1),6\n');
    const lines = unmatchedCodesCsv(r).split('\r\n');
    expect(lines.filter((l) => /^(?:\uFEFF)?"?'/.test(l)).map((l) => l.replace(/,.*$/, ''))).toEqual([`"'=HYPERLINK(""http://x"")"`, "'-1+2", "'＝SUM(A1)"]);
    expect(lines.filter((l) => !/^(?:\uFEFF)?"?'/.test(l))).toEqual([
      '\uFEFFcode,rows_with_code,row_numbers,reason,detail',
      'E01999999,2,4 5,unknown-code,not in any list of LSOA codes',
      '',
    ]);
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")",1,3,not-a-code,not an area code`);
  });
});
