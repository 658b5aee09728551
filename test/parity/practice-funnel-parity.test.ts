/**
 * The Practices tab's funnel (loadPracticeFunnel on the built tables) against R: England's value from
 * the raw QOF file, each practice's register and list from the raw file, and R's qbinom/pbinom limits
 * (test/parity/funnel-limits.R) decide which side of the 95 % and 99.8 % limits each practice lies.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPracticeFunnel, type PracticeFunnel } from '../../src/data/practice-funnel';
import { QueryRunner } from '../../src/data/query-runner';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { runRscript } from './r-session';

const raw = rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz').filter((r) => r.GROUP_CODE === 'CAN');
const theta = raw.reduce((s, r) => s + num(r.REGISTER), 0) / raw.reduce((s, r) => s + num(r.PRACTICE_LIST_SIZE), 0);
const QS = [0.001, 0.025, 0.975, 0.999];
let funnel: PracticeFunnel;
const expected = new Map<string, number>();

beforeAll(async () => {
  funnel = await loadPracticeFunnel(new QueryRunner(await openBuiltDataDb()), 'qof.can.prevalence');
  const usable = raw.filter((r) => num(r.PRACTICE_LIST_SIZE) > 0);
  const dir = mkdtempSync(join(tmpdir(), 'practice-funnel-'));
  writeFileSync(join(dir, 'cases.csv'), ['q,n,theta', ...usable.flatMap((r) => QS.map((q) => `${q},${num(r.PRACTICE_LIST_SIZE)},${theta}`))].join('\n') + '\n');
  runRscript(join(import.meta.dirname, 'funnel-limits.R'), [dir]);
  const lim = readFileSync(join(dir, 'r-limits.csv'), 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
  usable.forEach((r, i) => {
    const [lo998, lo95, hi95, hi998] = lim.slice(4 * i, 4 * i + 4);
    const p = num(r.REGISTER) / num(r.PRACTICE_LIST_SIZE);
    expected.set(r.PRACTICE_CODE, p > hi998 ? 2 : p > hi95 ? 1 : p < lo998 ? -2 : p < lo95 ? -1 : 0);
  });
}, 600_000);

describe('practice funnel (cancer register) against R', () => {
  it('uses England\'s value from the raw file', () => {
    expect(funnel.target).toBeCloseTo(100 * theta, 10);
  });

  it('places every practice on the same side of the 95 % and 99.8 % limits as R does', () => {
    expect(funnel.points).toHaveLength(expected.size);
    let differ = 0;
    for (const p of funnel.points) if (p.position !== expected.get(p.code)) differ++;
    expect(differ).toBe(0);
    const counts = [-2, -1, 0, 1, 2].map((k) => funnel.points.filter((p) => p.position === k).length);
    console.log(`cancer register funnel: below 99.8 % ${counts[0]}, below 95 % ${counts[1]}, within ${counts[2]}, above 95 % ${counts[3]}, above 99.8 % ${counts[4]}`);
  });
});
