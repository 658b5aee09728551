/**
 * `npm run atlas` as analysts run it: a subprocess (npx tsx scripts/atlas.ts …) reading the built
 * public/data. Exported numbers are checked twice: against values recomputed here from the raw files
 * (papaparse and arithmetic, none of the pipeline's code), and for exact equality with the app's own
 * SQL path (indicatorSql on the node DuckDB the SQL tests use).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { getIndicator, indicatorsAt } from '../../src/data/catalogue';
import { PRACTICE_LEVEL_IDS, PRACTICE_LEVELS } from '../../src/data/catalogue/practice-measures';
import { dimensionValues } from '../../src/data/catalogue/types';
import type { Db } from '../../src/data/db/db';
import { LEVEL_IDS, LEVELS, type LevelId } from '../../src/geo/levels';
import { openBuiltDataDb } from '../../test/support/node-db';
import { indicatorRows } from '../../test/support/query-rows';
import { num, rawRows } from '../../test/support/raw-csv';
import { rawLsoas, weightedMean } from '../../test/support/raw-geography';
import { rawIncidence, unitOf } from '../../test/support/raw-incidence';

const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'atlas-cli-'));

interface Run { code: number; stdout: string; stderr: string }

function atlas(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile('npx', ['tsx', 'scripts/atlas.ts', ...args], { cwd: ROOT, maxBuffer: 256e6 }, (e, stdout, stderr) => {
      done({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, stdout, stderr });
    });
  });
}

const csv = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
const readCsv = (file: string) => csv(readFileSync(file, 'utf8'));
const cell = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

// Raw values, read independently.
const imd = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, { score: num(r.IMD_score), decile: num(r.IMD_decile) }]));
const imdLad = new Map(rawRows('imd/imd2025_lad24_summary_humaniverse.csv').map((r) => [r.ltla24_code, num(r.imd_average_score)]));
const wardNames = new Map(rawRows('lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz').map((r) => [r.ward24_code, r.ward24_name]));
const aps = rawRows('smoking/smoking_prevalence_adults_aps_lad_fingertips92443_trafforddatalab.csv');
const aps2019 = rawRows('smoking/smoking_prevalence_ltla19_2019_fingertips92443_tobacco_profile_export_with_ci.csv');
const apsValue = (code: string, period: string) => {
  const r = aps.find((x) => x.area_code === code && x.period === period);
  return r && r.value !== 'NA' ? num(r.value) : null;
};

const BIRMINGHAM = 'E08000025';
const GREATER_MANCHESTER_ICB = 'E54000057';
const HARTLEPOOL = 'E06000001';

/** The app's own numbers for the same measure: indicatorSql on node DuckDB. */
let db: Db;
async function appValues(id: string, level: LevelId, dims: Record<string, string>): Promise<Map<string, number | null>> {
  const rows = await indicatorRows(db, id, level, dims);
  return new Map([...rows].map(([code, r]) => [code, r.value as number | null]));
}

describe('atlas levels and measures', () => {
  it('levels: one id<TAB>label line per level, the area levels then the practice and PCN levels', async () => {
    const r = await atlas(['levels']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([...LEVEL_IDS.map((id) => `${id}\t${LEVELS[id].label}`), ...PRACTICE_LEVEL_IDS.map((id) => `${id}\t${PRACTICE_LEVELS[id].label}`)]);
  });

  it('measures --level: id, label, unit, direction, choices, defaults for every measure available there', async () => {
    const r = await atlas(['measures', '--level', 'ward24']);
    expect(r.code).toBe(0);
    const lines = r.stdout.replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(lines.every((f) => f.length === 6)).toBe(true);
    expect(lines.map((f) => f[0])).toEqual(indicatorsAt('ward24').map((i) => i.id));
    const words: Record<string, string> = { 'higher-worse': 'higher is worse', 'lower-worse': 'lower is worse', neutral: 'neutral (context)' };
    for (const [id, label, unit, direction, choices, defaults] of lines) {
      const ind = getIndicator(id);
      expect([label, unit, direction]).toEqual([ind.label, ind.unit, words[ind.polarity]]);
      // The choices read back into the catalogue's dimensions, and the defaults are the app's.
      const parsed = choices ? Object.fromEntries(choices.split(';').map((c) => [c.split('=')[0], c.split('=')[1].split('|')])) : {};
      expect(parsed).toEqual(Object.fromEntries((ind.dimensions ?? []).map((d) => [d.key, d.values.map((v) => v.value)])));
      const def = defaults ? Object.fromEntries(defaults.split(';').map((c) => c.split('='))) : {};
      expect(def).toEqual(Object.fromEntries((ind.dimensions ?? []).map((d) => [d.key, d.defaultValue])));
    }
    expect(lines.some((f) => f[0] === 'cancer.incidence.dsr' && f[4].includes('site=all-18|C33-C34|'))).toBe(true);
  });

  it('measures --choices: one line per choice value with its label, default flag and requirements', async () => {
    const r = await atlas(['measures', '--choices']);
    expect(r.code).toBe(0);
    const lines = r.stdout.replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(lines.every((f) => f.length === 6)).toBe(true);
    const breast = lines.find((f) => f[0] === 'cancer.incidence.dsr' && f[1] === 'site' && f[2] === 'C50')!;
    expect(breast[3]).toMatch(/Breast/);
    expect(breast[5]).toBe('sex=female');
    const smokingYears = lines.filter((f) => f[0] === 'smoking.aps.current');
    expect(smokingYears.filter((f) => f[4] === 'yes').map((f) => f[2])).toEqual([dimensionValues(getIndicator('smoking.aps.current')).period]);
  });
});

describe('atlas export', () => {
  const runs: Record<string, Run> = {};
  beforeAll(async () => {
    // Four cold runs side by side: each starts its own DuckDB, as an analyst's command would.
    [db, runs.ward, runs.la, runs.lsoa, runs.icb] = await Promise.all([openBuiltDataDb(), atlas(['export', '--level', 'ward24', '--focus', BIRMINGHAM, '--out', join(out, 'ward.csv'),
      '--measures', 'imd2025.imd.score,smoking.aps.current:period=2019,cancer.incidence.dsr:site=C33-C34:period=2015-2019', '--measures', 'imd2025.imd.share20']),
      atlas(['export', '--level', 'lad24', '--focus', GREATER_MANCHESTER_ICB, '--measures', 'smoking.aps.current:period=2022,imd2025.imd.score', '--out', join(out, 'la.csv')]),
      atlas(['export', '--level', 'lsoa21', '--focus', HARTLEPOOL, '--measures', 'imd2025.imd.decile,imd2025.imd.score,smoking.aps.current', '--out', join(out, 'lsoa.csv')]),
      atlas(['export', '--level', 'icb24', '--focus', BIRMINGHAM, '--measures', 'imd2025.imd.score', '--out', '-']),
    ]);
  });

  it('wards in a local authority: IMD mean score, smoking 2019, lung incidence 2015-2019, Core20 share, as recomputed from the raw files', async () => {
    expect(runs.ward.code).toBe(0);
    const t = readCsv(join(out, 'ward.csv'));
    expect(t.meta.fields).toEqual(['code', 'name', 'imd2025.imd.score', 'smoking.aps.current:period=2019', 'cancer.incidence.dsr:period=2015-2019:site=C33-C34', 'imd2025.imd.share20']);
    const lsoas = rawLsoas().filter((l) => l.lad === BIRMINGHAM);
    const wards = [...new Set(lsoas.map((l) => l.ward))].sort();
    expect(t.data.map((r) => r.code)).toEqual(wards);
    const smoking = num(aps2019.find((r) => r['Area Code'] === BIRMINGHAM)!.Value);
    for (const r of t.data) {
      const inWard = (l: { ward: string }) => l.ward === r.code;
      expect(r.name).toBe(wardNames.get(r.code));
      expect(cell(r['imd2025.imd.score'])).toBeCloseTo(weightedMean(inWard, (l) => imd.get(l.code)!.score).mean, 9);
      expect(cell(r['imd2025.imd.share20'])).toBeCloseTo(100 * weightedMean(inWard, (l) => (imd.get(l.code)!.decile <= 2 ? 1 : 0)).mean, 9);
      expect(cell(r['smoking.aps.current:period=2019'])).toBeCloseTo(smoking, 6);
      const sicbl = lsoas.find(inWard)!.sicbl;
      expect(cell(r['cancer.incidence.dsr:period=2015-2019:site=C33-C34'])).toBeCloseTo(rawIncidence().get(`${unitOf(sicbl)}|2015-2019|persons|C33-C34`)!.dsr, 3);
    }
    expect(runs.ward.stderr).toContain(`${wards.length} Electoral ward (2024) areas in Birmingham (${BIRMINGHAM}) × 4 measures`);
    expect(runs.ward.stderr).toMatch(/smoking.aps.current:period=2019: .*Every ward shows its local authority's value/);
  });

  it('local authorities in an ICB: APS smoking 2022 as published by OHID, IMD average score as published by MHCLG (File 10)', () => {
    expect(runs.la.code).toBe(0);
    const t = readCsv(join(out, 'la.csv'));
    const las = [...new Set(rawLsoas().filter((l) => l.icb === GREATER_MANCHESTER_ICB).map((l) => l.lad))].sort();
    expect(t.data.map((r) => r.code)).toEqual(las);
    expect(las).toHaveLength(10);
    for (const r of t.data) {
      expect(cell(r['smoking.aps.current:period=2022'])).toBe(apsValue(r.code, '2022'));
      expect(cell(r['imd2025.imd.score'])).toBe(imdLad.get(r.code));
    }
    expect(runs.la.stderr).toMatch(/imd2025\.imd\.score: .*Official MHCLG value/);
  });

  it('LSOAs in a local authority: published deciles and scores, and the council\'s smoking value (default year)', () => {
    expect(runs.lsoa.code).toBe(0);
    const t = readCsv(join(out, 'lsoa.csv'));
    const lsoas = rawLsoas().filter((l) => l.lad === HARTLEPOOL).map((l) => l.code).sort();
    expect(t.data.map((r) => r.code)).toEqual(lsoas);
    const year = dimensionValues(getIndicator('smoking.aps.current')).period;
    for (const r of t.data) {
      expect(cell(r['imd2025.imd.decile'])).toBe(imd.get(r.code)!.decile);
      expect(cell(r['imd2025.imd.score'])).toBeCloseTo(imd.get(r.code)!.score, 9);
      expect(cell(r['smoking.aps.current'])).toBe(apsValue(HARTLEPOOL, year));
    }
  });

  it('at ICB level a local-authority focus selects the ICB holding it, as the app does; "-" writes to standard output', () => {
    expect(runs.icb.code).toBe(0);
    const t = csv(runs.icb.stdout);
    const icb = rawLsoas().find((l) => l.lad === BIRMINGHAM)!.icb;
    expect(t.data.map((r) => r.code)).toEqual([icb]);
  });

  it('every exported value equals what the app\'s SQL gives for the same measure, level and choices', async () => {
    const checks: [string, LevelId, string, string, Record<string, string>][] = [
      ['ward.csv', 'ward24', 'imd2025.imd.score', 'imd2025.imd.score', {}],
      ['ward.csv', 'ward24', 'smoking.aps.current:period=2019', 'smoking.aps.current', { period: '2019' }],
      ['ward.csv', 'ward24', 'cancer.incidence.dsr:period=2015-2019:site=C33-C34', 'cancer.incidence.dsr', { period: '2015-2019', site: 'C33-C34' }],
      ['ward.csv', 'ward24', 'imd2025.imd.share20', 'imd2025.imd.share20', {}],
      ['la.csv', 'lad24', 'smoking.aps.current:period=2022', 'smoking.aps.current', { period: '2022' }],
      ['lsoa.csv', 'lsoa21', 'smoking.aps.current', 'smoking.aps.current', {}],
      ['lsoa.csv', 'lsoa21', 'imd2025.imd.decile', 'imd2025.imd.decile', {}],
    ];
    for (const [file, level, column, id, dims] of checks) {
      const app = await appValues(id, level, dims);
      for (const r of readCsv(join(out, file)).data) expect(cell(r[column]), `${column} ${r.code}`).toBe(app.get(r.code));
    }
  });
});

describe('atlas errors: exit 1 with a message naming the argument', () => {
  const cases: [string, string[], RegExp | string][] = [
    ['unknown command', ['exprot'], /unknown command "exprot"/],
    ['unknown level', ['export', '--level', 'county', '--measures', 'imd2025.imd.score', '--out', 'x.csv'], /--level: unknown level "county" \(one of lsoa21, ward24/],
    ['unknown level (measures)', ['measures', '--level', 'county'], /--level: unknown level "county"/],
    ['unknown measure', ['export', '--level', 'lad24', '--measures', 'imd2025.imd.scroe', '--out', 'x.csv'], /--measures: unknown measure "imd2025.imd.scroe"/],
    ['measure not at level', ['export', '--level', 'lsoa11', '--measures', 'imd2025.imd.score', '--out', 'x.csv'], getIndicator('imd2025.imd.score').unavailable!.lsoa11!],
    ['bad choice value', ['export', '--level', 'lad24', '--measures', 'smoking.aps.current:period=1999', '--out', 'x.csv'], /--measures: smoking.aps.current: period "1999" is not one of 2024, 2023/],
    ['missing --out', ['export', '--level', 'lad24', '--measures', 'imd2025.imd.score'], /--out is required/],
    ['missing --level', ['export', '--measures', 'imd2025.imd.score', '--out', 'x.csv'], /--level is required/],
    ['unknown flag', ['export', '--level', 'lad24', '--measures', 'imd2025.imd.score', '--colour', 'red', '--out', 'x.csv'], /unknown option --colour/],
    ['no data folder', ['export', '--level', 'lad24', '--measures', 'imd2025.imd.score', '--out', join(out, 'x.csv'), '--data', join(out, 'nowhere')], /--data: .*nowhere has no manifest.json/],
    ['unknown focus', ['export', '--level', 'lad24', '--measures', 'imd2025.imd.score', '--focus', 'E99999999', '--out', join(out, 'x.csv')], /--focus: "E99999999" is not a 2024 ICB/],
    ['focus with no areas at the level', ['export', '--level', 'sicbl24', '--measures', 'imd2025.imd.score', '--focus', BIRMINGHAM, '--out', join(out, 'x.csv')], /--focus: no Sub-ICB location \(2024\) areas lie in Birmingham/],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    const r = await atlas(args);
    expect(r.code).toBe(1);
    if (typeof message === 'string') expect(r.stderr).toContain(message);
    else expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('--help for the whole command and for each command', async () => {
    const [all, levels, measures, ex, evaluate] = await Promise.all([['--help'], ['levels', '--help'], ['measures', '--help'], ['export', '--help'], ['evaluate', '--help']].map(atlas));
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/levels .*\n.*measures .*\n.*export .*\n.*evaluate /);
    for (const [r, name] of [[levels, 'levels'], [measures, 'measures'], [ex, 'export'], [evaluate, 'evaluate']] as const) {
      expect(r.code, name).toBe(0);
      expect(r.stdout.startsWith(`npm run -s atlas -- ${name}`), name).toBe(true);
    }
    expect(measures.stdout).toContain('--choices');
    expect(ex.stdout).toContain('ID[:KEY=VALUE[:KEY=VALUE…]][,ID…]');
    expect(ex.stdout).toContain('--focus CODE');
    expect(evaluate.stdout).toContain('--treated FILE.csv');
  });
});
