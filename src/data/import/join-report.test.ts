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
    expect(r.joinKeys).toEqual(['E01000001', 'E01000002', 'E01000003', null, null, null, null, null]);
    expect(r.join!.unmatched.map((u) => [u.code, u.reason])).toEqual([['E01999999', 'unknown-code'], ['Total', 'not-a-code']]);
    expect(r.status).toBe('ready-with-warnings');
  });

  it('translates abolished districts to their 2024 authority and flags merges', async () => {
    const r = await report('la,count\nE07000004,10\nE07000005,20\nE07000150,5\nE06000001,7\n');
    expect(r.joinKeys).toEqual(['E06000060', 'E06000060', 'E06000061', 'E06000001']);
    expect(r.join!.harmonised.map((h) => `${h.from}>${h.to}`)).toEqual(['E07000004>E06000060', 'E07000005>E06000060', 'E07000150>E06000061']);
    expect(r.join!.merged).toEqual([{ to: 'E06000060', from: ['E07000004', 'E07000005'] }]);
    const harmonised = r.issues.find((i) => i.code === 'lad-harmonised')!;
    expect(harmonised.message).toContain('are from 2019');
    expect(harmonised.message).toContain('E07000004 Aylesbury Vale → E06000060 Buckinghamshire');
    expect(r.issues.find((i) => i.code === 'lad-merged')!.message).toContain('counts can be added');
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
