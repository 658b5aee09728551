/**
 * `npm run atlas` at the practice and PCN levels, run as an analyst runs it (a subprocess on the built
 * public/data): exported values recomputed here from the raw QOF files, and equal to the app's own
 * practice SQL (loadPracticeValues on the node DuckDB the SQL tests use).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_MEASURES } from '../../src/data/catalogue/practice-measures';
import { loadPracticeValues } from '../../src/data/practice-data';
import { QueryRunner } from '../../src/data/query-runner';
import { openBuiltDataDb } from '../../test/support/node-db';
import { num, rawRows } from '../../test/support/raw-csv';

const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'atlas-practice-'));

function atlas(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('npx', ['tsx', 'scripts/atlas.ts', ...args], { cwd: ROOT, maxBuffer: 64e6 }, (e, stdout, stderr) => {
      done({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, stdout, stderr });
    });
  });
}
const readCsv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;

const prevalence = rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz');
const mapping = new Map(rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').map((r) => [r.PRACTICE_CODE, r]));
const raw = (group: string) => new Map(prevalence.filter((r) => r.GROUP_CODE === group).map((r) => [r.PRACTICE_CODE, { k: num(r.REGISTER), n: num(r.PRACTICE_LIST_SIZE) }]));

let practice: Record<string, string>[];
let pcn: Record<string, string>[];
let q: QueryRunner;
beforeAll(async () => {
  const [p, c, db] = await Promise.all([
    atlas(['export', '--level', 'practice', '--measures', 'qof.can.prevalence,qof.copd.prevalence,qof.list_size', '--out', join(out, 'practice.csv')]),
    atlas(['export', '--level', 'pcn', '--measures', 'qof.can.prevalence', '--measures', 'qof.list_size', '--out', join(out, 'pcn.csv')]),
    openBuiltDataDb(),
  ]);
  expect(p.code, p.stderr).toBe(0);
  expect(c.code, c.stderr).toBe(0);
  practice = readCsv(join(out, 'practice.csv'));
  pcn = readCsv(join(out, 'pcn.csv'));
  q = new QueryRunner(db);
}, 300_000);

describe('atlas export --level practice | pcn', () => {
  it('practice: every QOF practice with its PCN, cancer and COPD register prevalence and list size, as recomputed from the raw files', () => {
    expect(practice).toHaveLength(mapping.size);
    const can = raw('CAN');
    const copd = raw('COPD');
    for (const r of practice) {
      const m = mapping.get(r.code)!;
      expect(r.name).toBe(m.PRACTICE_NAME);
      expect(r.pcn_code).toBe(m.PCN_ODS_CODE === 'U' ? '' : m.PCN_ODS_CODE);
      expect(Number(r['qof.can.prevalence'])).toBeCloseTo((100 * can.get(r.code)!.k) / can.get(r.code)!.n, 9);
      expect(Number(r['qof.copd.prevalence'])).toBeCloseTo((100 * copd.get(r.code)!.k) / copd.get(r.code)!.n, 9);
      expect(Number(r['qof.can.prevalence.numerator'])).toBe(can.get(r.code)!.k);
      expect(Number(r['qof.list_size'])).toBe(can.get(r.code)!.n);
    }
  });

  it('pcn: registers and lists summed over each PCN\'s practices (not "Unallocated")', () => {
    const can = raw('CAN');
    const sums = new Map<string, { k: number; n: number; practices: number }>();
    for (const [code, m] of mapping) {
      if (m.PCN_ODS_CODE === 'U') continue;
      const s = sums.get(m.PCN_ODS_CODE) ?? { k: 0, n: 0, practices: 0 };
      sums.set(m.PCN_ODS_CODE, { k: s.k + can.get(code)!.k, n: s.n + can.get(code)!.n, practices: s.practices + 1 });
    }
    expect(pcn).toHaveLength(sums.size);
    for (const r of pcn) {
      const s = sums.get(r.code)!;
      expect(Number(r.practices)).toBe(s.practices);
      expect(Number(r['qof.can.prevalence.numerator'])).toBe(s.k);
      expect(Number(r['qof.list_size'])).toBe(s.n);
      expect(Number(r['qof.can.prevalence'])).toBeCloseTo((100 * s.k) / s.n, 9);
    }
  });

  it('every exported value equals the app\'s practice SQL', async () => {
    for (const [rows, level] of [[practice, 'practice'], [pcn, 'pcn']] as const) {
      const app = new Map((await loadPracticeValues(q, 'qof.can.prevalence', level)).map((r) => [r.code, r]));
      for (const r of rows) {
        const a = app.get(r.code)!;
        expect(Number(r['qof.can.prevalence'])).toBe(a.value);
        expect(Number(r['qof.can.prevalence.lower'])).toBe(a.lower);
        expect(Number(r['qof.can.prevalence.upper'])).toBe(a.upper);
      }
    }
  });

  it('exports the neighbourhood deprivation measures as the app computes them, naming their sources and that they are approximate', async () => {
    const e = await atlas(['export', '--level', 'practice', '--measures', 'practice.neighbourhood.imd2025.score,practice.neighbourhood.imd2025.core20', '--out', join(out, 'nbhd.csv')]);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stderr).toContain('Neighbourhood measures: English Indices of Deprivation 2025');
    expect(e.stderr).toMatch(/Approximate: a practice's patients do not live only next to it/);
    const rows = readCsv(join(out, 'nbhd.csv'));
    expect(rows).toHaveLength(mapping.size);
    for (const id of ['practice.neighbourhood.imd2025.score', 'practice.neighbourhood.imd2025.core20']) {
      const app = new Map((await loadPracticeValues(q, id, 'practice')).map((r) => [r.code, r.value]));
      for (const r of rows) expect(r[id] === '' ? null : Number(r[id]), r.code).toBe(app.get(r.code));
    }
  }, 120_000);

  it('measures --level practice lists the list size and all 21 registers as context measures, then the 2 neighbourhood deprivation measures (higher is worse, like the IMD); unknown ids are named', async () => {
    const [m, bad] = await Promise.all([atlas(['measures', '--level', 'practice']), atlas(['export', '--level', 'pcn', '--measures', 'qof.nope.prevalence', '--out', '-'])]);
    expect(m.code).toBe(0);
    const lines = m.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(lines.map((l) => l[0])).toEqual(PRACTICE_MEASURES.map((x) => x.id));
    expect(lines).toHaveLength(24);
    for (const l of lines) expect(l[3]).toBe(l[0].startsWith('practice.neighbourhood.') ? 'higher is worse' : 'neutral (context)');
    expect(lines.filter((l) => l[0].startsWith('practice.neighbourhood.'))).toHaveLength(2);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"qof.nope.prevalence" is not a practice measure');
  });
});
