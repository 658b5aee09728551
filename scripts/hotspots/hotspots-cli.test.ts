import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeHotspots } from '../../src/analysis/stats/hotspots';
import { writeGal } from '../../src/analysis/weights/gal';
import { buildWeights } from '../../src/analysis/weights/spatial-weights';
import { runHotspotsCli } from '../hotspots';
import { parseCliOptions } from './cli-options';

// A 7 × 7 grid of 0.01° squares near Leeds, plus (for the island test) one square offshore.
const side = 7;
const ids = Array.from({ length: side * side }, (_, i) => `E0${String(i).padStart(7, '0')}`);
// Corners come from grid indices, so neighbouring squares share exactly the same coordinates.
const gx = (c: number) => -1.6 + c / 100;
const gy = (r: number) => 53.8 + r / 100;
const square = (c: number, r: number) => [[[gx(c), gy(r)], [gx(c + 1), gy(r)], [gx(c + 1), gy(r + 1)], [gx(c), gy(r + 1)], [gx(c), gy(r)]]];
const cell = (i: number) => square(i % side, Math.floor(i / side));
const gridLists = (rule: 'queen' | 'rook') =>
  ids.map((_, i) => {
    const r = Math.floor(i / side);
    const c = i % side;
    const out: number[] = [];
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
      if (!(dr || dc) || (rule === 'rook' && dr && dc)) continue;
      if (r + dr >= 0 && r + dr < side && c + dc >= 0 && c + dc < side) out.push((r + dr) * side + c + dc);
    }
    return out;
  });
const values = ids.map((_, i) => 10 + ((i * 37) % 11) + (Math.floor(i / side) < 3 && i % side < 3 ? 15 : 0) + 0.5);
const values2 = values.map((v, i) => v * 2 - (i % 4));

let dir: string;
const path = (f: string) => join(dir, f);
const run = (args: string[]) => {
  const lines: string[] = [];
  runHotspotsCli(args, (l) => lines.push(l));
  return lines;
};
const readOut = (f: string) => Papa.parse<Record<string, string>>(readFileSync(path(f), 'utf8'), { header: true, skipEmptyLines: true }).data;
const base = (out: string) => ['--data', path('data.csv'), '--id', 'code', '--value', 'rate', '--seed', '7', '--permutations', '499', '--out', path(out)];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotspots-cli-'));
  const fc = { type: 'FeatureCollection', features: ids.map((id, i) => ({ type: 'Feature', properties: { code: id }, geometry: { type: 'Polygon', coordinates: cell(i) } })) };
  writeFileSync(path('grid.geojson'), JSON.stringify(fc));
  const island = { type: 'Feature', properties: { code: 'E0ISLAND1' }, geometry: { type: 'Polygon', coordinates: square(20, -10) } };
  writeFileSync(path('grid-island.geojson'), JSON.stringify({ ...fc, features: [...fc.features, island] }));
  writeFileSync(path('data.csv'), ['code,rate,other', ...ids.map((id, i) => `${id},${values[i]},${values2[i]}`)].join('\n') + '\n');
  writeFileSync(path('data-island.csv'), ['code,rate,other', ...ids.map((id, i) => `${id},${values[i]},${values2[i]}`), 'E0ISLAND1,40,80'].join('\n') + '\n');
  writeFileSync(path('grid.gal'), writeGal(buildWeights(ids, gridLists('queen'), { style: 'B', kind: 'queen' })));
});

describe('npm run hotspots', () => {
  it('from boundaries: queen neighbours from shared borders and corners, same numbers as the library', () => {
    const lines = run([...base('q.csv'), '--boundaries', path('grid.geojson'), '--stat', 'gistar']);
    const rows = readOut('q.csv');
    const expected = computeHotspots({ stat: 'gistar', x: Float64Array.from(values), weights: buildWeights(ids, gridLists('queen'), { style: 'W', kind: 'queen' }), seed: 7, permutations: 499 });
    expect(rows.map((r) => r.code)).toEqual(ids);
    expect(rows.map((r) => Number(r.pseudo_p))).toEqual(Array.from(expected.pseudoP));
    expect(rows.map((r) => Number(r.z))).toEqual(Array.from(expected.z));
    expect(rows.map((r) => r.cluster)).toEqual(Array.from(expected.cluster, (c) => expected.classes[c]));
    expect(Object.keys(rows[0])).toEqual(['code', 'statistic', 'expected', 'variance', 'z', 'sim_mean', 'sim_sd', 'z_sim', 'pseudo_p', 'p_adjusted', 'significant', 'cluster']);
    expect(lines.join('\n')).toMatch(/gistar: 49 areas, 499 permutations, seed 7, fdr/);
  });

  it('from a GAL file gives the same result; rook and kNN differ from queen', () => {
    run([...base('q.csv'), '--boundaries', path('grid.geojson'), '--stat', 'lisa']);
    run([...base('gal.csv'), '--weights', path('grid.gal'), '--stat', 'lisa']);
    expect(readFileSync(path('gal.csv'), 'utf8')).toBe(readFileSync(path('q.csv'), 'utf8'));
    run([...base('rook.csv'), '--boundaries', path('grid.geojson'), '--stat', 'lisa', '--neighbours', 'rook']);
    const rook = computeHotspots({ stat: 'lisa', x: Float64Array.from(values), weights: buildWeights(ids, gridLists('rook'), { style: 'W', kind: 'rook' }), seed: 7, permutations: 499 });
    expect(readOut('rook.csv').map((r) => Number(r.statistic))).toEqual(Array.from(rook.statistic));
    run([...base('knn.csv'), '--boundaries', path('grid.geojson'), '--stat', 'lisa', '--neighbours', 'knn', '--k', '4', '--style', 'B']);
    // With 4 nearest centres on a square grid, an inner cell's neighbours are its rook neighbours.
    const knnZ = readOut('knn.csv').map((r) => Number(r.z));
    const rookB = computeHotspots({ stat: 'lisa', x: Float64Array.from(values), weights: buildWeights(ids, gridLists('rook'), { style: 'B', kind: 'rook' }), seed: 7, permutations: 499 });
    expect(knnZ[3 * side + 3]).toBeCloseTo(rookB.z[3 * side + 3], 12);
  });

  it('bivariate LISA with --value2, Bonferroni and alpha', () => {
    const lines = run([...base('bv.csv'), '--boundaries', path('grid.geojson'), '--stat', 'bilisa', '--value2', 'other', '--correction', 'bonferroni', '--alpha', '0.1']);
    const rows = readOut('bv.csv');
    expect(rows.every((r) => r.z === '')).toBe(true);
    expect(rows.every((r) => Number(r.p_adjusted) === Math.min(1, Number(r.pseudo_p) * 49))).toBe(true);
    expect(lines.join('\n')).toMatch(/bonferroni at α = 0.1/);
  });

  it('keeps islands untested by default, or links them to the nearest area', () => {
    const args = ['--data', path('data-island.csv'), '--id', 'code', '--value', 'rate', '--boundaries', path('grid-island.geojson'), '--permutations', '99'];
    const kept = run([...args, '--out', path('keep.csv')]);
    expect(readOut('keep.csv').find((r) => r.code === 'E0ISLAND1')!.cluster).toBe('no-neighbours');
    expect(kept.join('\n')).toMatch(/1 area has no neighbours.*E0ISLAND1/);
    const linked = run([...args, '--islands', 'knn', '--out', path('knn-island.csv')]);
    expect(linked[0]).toMatch(/island E0ISLAND1 linked to its nearest area E0/);
    expect(readOut('knn-island.csv').find((r) => r.code === 'E0ISLAND1')!.pseudo_p).not.toBe('');
  });

  it('names the file, line, column and area on bad input', () => {
    writeFileSync(path('bad.csv'), `code,rate\n${ids[0]},1\n${ids[1]},n/a\n`);
    expect(() => run(['--data', path('bad.csv'), '--id', 'code', '--value', 'rate', '--boundaries', path('grid.geojson'), '--out', path('x.csv')])).toThrow(`${path('bad.csv')} line 3, column rate (code "${ids[1]}"): "n/a" is not a number`);
    expect(() => run(['--data', path('data.csv'), '--id', 'code', '--value', 'rates', '--boundaries', path('grid.geojson'), '--out', path('x.csv')])).toThrow(/no column "rates" \(columns: code, rate, other\)/);
    writeFileSync(path('short.csv'), `code,rate\n${ids.slice(0, 40).map((id) => `${id},1`).join('\n')}\n`);
    expect(() => run(['--data', path('short.csv'), '--id', 'code', '--value', 'rate', '--boundaries', path('grid.geojson'), '--out', path('x.csv')])).toThrow(/short.csv has no row for 9 areas in .*grid.geojson \(e.g. E00000040/);
    writeFileSync(path('dup.csv'), `code,rate\n${ids[0]},1\n${ids[0]},2\n`);
    expect(() => run(['--data', path('dup.csv'), '--id', 'code', '--value', 'rate', '--weights', path('grid.gal'), '--out', path('x.csv')])).toThrow(/dup.csv line 3: code "E00000000" already appears on line 2/);
    writeFileSync(path('broken.gal'), '0 2 x code\nA 1\nB\nB 1\nC\n');
    expect(() => run([...base('x.csv'), '--weights', path('broken.gal')])).toThrow(/broken.gal line 5: neighbour "C" of area "B"/);
  });

  it('checks its options', () => {
    const ok = ['--data', 'd.csv', '--id', 'code', '--value', 'v', '--out', 'o.csv'];
    expect(() => parseCliOptions(ok)).toThrow('give exactly one of --boundaries FILE.geojson or --weights FILE.gal');
    expect(() => parseCliOptions([...ok, '--weights', 'w.gal', '--boundaries', 'b.geojson'])).toThrow(/exactly one/);
    expect(() => parseCliOptions([...ok, '--weights', 'w.gal', '--stat', 'bilisa'])).toThrow(/--stat bilisa needs --value2/);
    expect(() => parseCliOptions([...ok, '--weights', 'w.gal', '--stat', 'moran'])).toThrow('--stat must be one of gistar, gi, lisa, bilisa (got "moran")');
    expect(() => parseCliOptions([...ok, '--weights', 'w.gal', '--permutations', '1e3'])).toThrow(/--permutations must be a whole number/);
    expect(() => parseCliOptions([...ok, '--weights', 'w.gal', '--neighbours', 'rook'])).toThrow(/--neighbours only applies with --boundaries/);
    expect(() => parseCliOptions([...ok, '--weights', 'w.gal', '--frobnicate', '1'])).toThrow('unknown option --frobnicate (see --help)');
    expect(() => parseCliOptions([...ok, '--weights', 'w.gal', '--alpha', '2'])).toThrow(/--alpha must be a number between 0 and 1/);
    expect(parseCliOptions([...ok, '--weights', 'w.gal'])).toMatchObject({ stat: 'gistar', permutations: 999, seed: 1, correction: 'fdr', alpha: 0.05, style: 'W' });
  });

  it('runs as npm run hotspots, exiting 1 with the message on errors', () => {
    const root = resolve(import.meta.dirname, '../..');
    const out = execFileSync('npx', ['tsx', 'scripts/hotspots.ts', ...base('cmd.csv'), '--weights', path('grid.gal')], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/wrote .*cmd.csv/);
    expect(readOut('cmd.csv')).toHaveLength(49);
    const bad = spawnSync('npx', ['tsx', 'scripts/hotspots.ts', ...base('cmd.csv'), '--weights', path('missing.gal')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/npm run hotspots failed: cannot read --weights file .*missing.gal/);
  });
});
