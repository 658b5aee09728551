/**
 * The headless `evaluate` command on a panel generated here: 300 real electoral wards (2024) from
 * the raw ONS lookup, 8 quarters of referral counts over Census 2021 residents, with an effect of +5
 * per 10,000 injected in 30 deprived wards. Expected covariate values are recomputed from the raw
 * IMD 2025 file; the command reads the atlas's built tables for them (public/data).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPrng } from '../../src/analysis/stats/prng';
import { normalSource } from '../../src/analysis/evaluation/simulated-panel';
import { num, rawRows } from '../../test/support/raw-csv';
import { rawLsoas, weightedMean } from '../../test/support/raw-geography';
import type { EstimatesDocument } from '../../src/export/evaluation-files';
import { runAtlas } from '../atlas';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = join(ROOT, 'test/output/evaluate-command');
const EFFECT = 5;
const periods = ['2022 Q1', '2022 Q2', '2022 Q3', '2022 Q4', '2023 Q1', '2023 Q2', '2023 Q3', '2023 Q4'];

const imdOf = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, num(r.IMD_score)]));
const wards = [...new Set(rawLsoas().map((l) => l.ward))].sort().slice(0, 300);
const wardImd = new Map(wards.map((w) => [w, weightedMean((l) => l.ward === w, (l) => imdOf.get(l.code) ?? null).mean]));
const wardPop = new Map(wards.map((w) => [w, rawLsoas().filter((l) => l.ward === w).reduce((s, l) => s + l.pop, 0)]));
const z = normalSource(createPrng(2024));
const treated = wards.filter((w) => wardImd.get(w)! + 10 * z() > 35).slice(0, 30);

/** In-process, through the atlas dispatcher as the shell command runs it. */
function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return runAtlas(['evaluate', ...args], { out: (s) => out.push(s), err: (s) => err.push(s), cwd: ROOT }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

const data = join(dir, 'referrals.csv');
const treatedFile = join(dir, 'programme-wards.csv');
const base = ['--data', data, '--id', 'ward_code', '--period', 'quarter', '--value', 'urgent_referrals', '--denominator', 'residents',
  '--treated', treatedFile, '--baseline', '2022 Q1:2022 Q4', '--followup', '2023 Q1:2023 Q4'];

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  const lines = ['ward_code,quarter,urgent_referrals,residents,gp_visits'];
  for (const w of wards) {
    const level = 40 + 0.6 * wardImd.get(w)! + 4 * z();
    periods.forEach((p, k) => {
      const rate = level + 0.5 * k + (treated.includes(w) && k >= 4 ? EFFECT : 0) + 2 * z();
      const pop = wardPop.get(w)!;
      lines.push(`${w},${p},${Math.max(0, Math.round((rate * pop) / 10_000))},${pop},${(300 + 3 * wardImd.get(w)! + 20 * z()).toFixed(1)}`);
    });
  }
  writeFileSync(data, `${lines.join('\n')}\n`);
  writeFileSync(treatedFile, `ward\n${treated.join('\n')}\n`);
});

describe('atlas evaluate', () => {
  let json: EstimatesDocument;

  it('runs with matching on atlas covariates and writes estimate, interval, per-period effects, pairs and balance', async () => {
    const out = join(dir, 'evaluation.json');
    const r = await run([...base, '--match', 'baseline,imd,gp_visits', '--level', 'ward24', '--ratio', '2', '--caliper', '1', '--seed', '7', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/read as a header/);
    json = JSON.parse(readFileSync(out, 'utf8')) as EstimatesDocument;
    const e = json.estimate;
    expect(e.lower).toBeLessThan(EFFECT);
    expect(e.upper).toBeGreaterThan(EFFECT);
    expect(json.bootstrap).toMatchObject({ replicates: 999, seed: 7, valid: 999 });
    expect(json.perPeriod.map((p) => p.period)).toEqual(periods);
    expect(json.perPeriod.find((p) => p.phase === 'reference')?.period).toBe('2022 Q4');
    expect(json.counts.listed).toBe(30);
    expect(json.matchedPairs.length).toBe(json.counts.treated);
    expect(json.matchedPairs.every((p) => p.comparison.length >= 1 && p.comparison.length <= 2)).toBe(true);
    expect(json.balance.map((b) => b.covariate)).toEqual(['urgent_referrals (baseline mean)', 'gp_visits (baseline mean)', 'IMD 2025 score']);
    expect(json.sentence).toMatch(/urgent_referrals per 10,000 residents per quarter/);
    expect(r.out).toContain(json.sentence);
    expect(json.outcome.rate).toBe('urgent_referrals / residents × 10,000');
    expect(json.people?.treated).toBe(json.areaWeights.filter((a) => a.group === 'intervention').reduce((s, a) => s + wardPop.get(a.code)!, 0));
  });

  it('takes IMD from the atlas: the balance table\'s intervention mean equals the raw IMD 2025 scores, resident-weighted per ward', () => {
    const imdRow = json.balance.find((b) => b.covariate.startsWith('IMD'))!;
    const used = json.areaWeights.filter((a) => a.group === 'intervention' || a.group === 'intervention, unmatched').map((a) => a.code);
    const expected = used.reduce((s, w) => s + wardImd.get(w)!, 0) / used.length;
    // IMD scores are published to 3 decimals; the atlas aggregates the same numbers
    expect(imdRow.before.treatedMean).toBeCloseTo(expected, 9);
  });

  it('without --match compares with every untreated ward, and the same seed gives the same file from the shell', async () => {
    const a = join(dir, 'all-a.json');
    const b = join(dir, 'all-b.json');
    const r = await run([...base, '--out', a]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(readFileSync(a, 'utf8')) as EstimatesDocument;
    expect(doc.counts.comparison).toBe(270);
    expect(doc.comparison.method).toBe('all');
    const shell = execFileSync('npx', ['tsx', 'scripts/atlas.ts', 'evaluate', ...base, '--out', b], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(shell).toContain(`wrote ${b}`);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    const help = execFileSync('npx', ['tsx', 'scripts/atlas.ts', 'evaluate', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help).toContain('npm run -s atlas -- evaluate --data FILE.csv');
  });

  it('names the option, file, line or column of every problem', async () => {
    const out = join(dir, 'bad.json');
    expect(await run(['--data', data])).toMatchObject({ code: 1, err: expect.stringMatching(/^atlas evaluate: --id is required/) });
    expect(await run([...base.map((x) => (x === 'residents' ? 'patients' : x)), '--out', out])).toMatchObject({ code: 1, err: expect.stringMatching(/no column "patients" for --denominator/) });
    expect(await run([...base.map((x) => (x === '2023 Q1:2023 Q4' ? '2024 Q1:2024 Q4' : x)), '--out', out])).toMatchObject({ code: 1, err: expect.stringMatching(/"2024 Q1" is not in the data/) });
    expect(await run([...base, '--match', 'smoking', '--out', out])).toMatchObject({ code: 1, err: expect.stringMatching(/--match smoking: .*need --level/) });
    expect(await run([...base, '--ratio', '2', '--out', out])).toMatchObject({ code: 1, err: expect.stringMatching(/only apply with --match/) });
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'ward_code,quarter,urgent_referrals,residents\nE05000001,2022 Q1,12,5000\nE05000001,2022 Q2,about 9,5000\n');
    expect(await run([...base.map((x) => (x === data ? broken : x)), '--out', out])).toMatchObject({ code: 1, err: expect.stringMatching(/broken\.csv line 3, column urgent_referrals .*"about 9" is not a number/) });
  });
});
