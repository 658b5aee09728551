/**
 * Independent check of the pipeline's contiguity weights (public/data/weights/<level>-<rule>.gal)
 * against R spdep `poly2nb` on the same boundaries: the raw LSOA 2021 and 2011 files the manifest
 * says the data was built from, and, for the coarser 2021 levels, those LSOA polygons unioned in R
 * (GEOS) by the pipeline's own LSOA → area lookup (tables/areas.csv). See contiguity-parity.R.
 *
 * Queen neighbours must be the same set of pairs at every level. Rook pairs must be the same except
 * where poly2nb counts one shared point twice: it drops only the first coordinate of each area, so
 * the repeated closing point of every later ring stays in its list, and a corner touch at a point
 * where a later part of a multipolygon starts counts as the two shared points of an edge. Each such
 * pair is allowed only when R itself reports one distinct shared point and a count of two or more.
 *
 * Needs R with spdep and sf (bash .ci/install-r.sh); fails, never skips, without it. R takes two to
 * three minutes (poly2nb on 33,755 and 32,844 LSOAs, the unions).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedPath, type DataManifest } from '../../src/data/manifest';
import { readGal } from '../../src/analysis/weights/gal';
import { parseCliOptions } from '../../scripts/pipeline/cli-options';
import { SOURCES } from '../../scripts/pipeline/sources';
import { dataDir, OUTPUT } from './england-data';
import { requireSpdep, runRscript } from './r-session';

const COARSER = ['ward24', 'lad24', 'sicbl24', 'icb24', 'cal19'] as const;
const LEVELS = ['lsoa21', 'lsoa11', ...COARSER] as const;
const out = join(OUTPUT, 'contiguity');
const summary: Record<string, unknown> = {};
let data: string;
let manifest: DataManifest;

const rows = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** Neighbour pairs "a,b" (a < b) in a GAL file the pipeline wrote. */
function galPairs(level: string, rule: string): Set<string> {
  const path = join(data, servedPath(manifest, `weights/${level}-${rule}.gal`));
  const w = readGal(readFileSync(path, 'utf8'), { style: 'B', source: path });
  const pairs = new Set<string>();
  for (let i = 0; i < w.n; i++) {
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const [a, b] = [w.ids[i], w.ids[w.neighbours[k]]];
      if (a < b) pairs.add(`${a},${b}`);
    }
  }
  return pairs;
}

/** The raw boundary file of a source, after checking it is the very file the data was built from. */
function builtFrom(manifest: DataManifest, id: 'lsoa21Boundaries' | 'lsoa11Boundaries'): string {
  const path = join(parseCliOptions([]).rawDir, SOURCES[id].rawPath);
  const used = manifest.sources.find((s) => s.id === id);
  const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
  if (!used || used.sha256 !== sha) throw new Error(`${data} was not built from ${path} (manifest: ${used?.origin ?? 'no such source'}); rebuild with npm run data`);
  return path;
}

beforeAll(() => {
  summary.spdep = requireSpdep();
  data = dataDir();
  manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as DataManifest;
  mkdirSync(out, { recursive: true });
  const lsoas = rows(join(data, 'tables/areas.csv')).filter((r) => r.level === 'lsoa21');
  const groups = ['code', ...COARSER].join(',') + '\n' + lsoas.map((r) => [r.code, ...COARSER.map((l) => r[`${l}_code`])].join(',')).join('\n') + '\n';
  writeFileSync(join(out, 'groups.csv'), groups);
  runRscript(join(import.meta.dirname, 'contiguity-parity.R'), [out, builtFrom(manifest, 'lsoa21Boundaries'), builtFrom(manifest, 'lsoa11Boundaries'), join(out, 'groups.csv')]);
}, 1_800_000);

afterAll(() => {
  if (existsSync(OUTPUT)) writeFileSync(join(OUTPUT, 'contiguity-parity-summary.json'), JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 2));
});

describe('contiguity weights match spdep poly2nb on the same boundaries', () => {
  for (const level of LEVELS) {
    it(`${level}: queen pairs are identical`, () => {
      const ours = galPairs(level, 'queen');
      const spdep = new Set(rows(join(out, `${level}-queen.csv`)).map((r) => `${r.a},${r.b}`));
      const onlyOurs = [...ours].filter((p) => !spdep.has(p));
      const onlySpdep = [...spdep].filter((p) => !ours.has(p));
      summary[`${level} queen`] = { ours: ours.size, spdep: spdep.size, onlyOurs: onlyOurs.length, onlySpdep: onlySpdep.length };
      expect(ours.size).toBeGreaterThan(0);
      expect(onlyOurs).toEqual([]);
      expect(onlySpdep).toEqual([]);
    });

    it(`${level}: rook pairs are identical but for poly2nb's double-counted ring starts, each checked`, () => {
      const ours = galPairs(level, 'rook');
      const spdep = rows(join(out, `${level}-rook.csv`));
      const keyed = new Map(spdep.map((r) => [`${r.a},${r.b}`, r]));
      const onlyOurs = [...ours].filter((p) => !keyed.has(p));
      const onlySpdep = spdep.filter((r) => !ours.has(`${r.a},${r.b}`));
      summary[`${level} rook`] = { ours: ours.size, spdep: spdep.length, onlyOurs: onlyOurs.length, onlySpdep: onlySpdep.map((r) => `${r.a}-${r.b} (${r.distinct} point, counted ${r.counted}×)`) };
      expect(ours.size).toBeGreaterThan(0);
      expect(onlyOurs).toEqual([]);
      for (const r of onlySpdep) {
        expect({ pair: `${r.a},${r.b}`, distinct: Number(r.distinct), countedTwice: Number(r.counted) >= 2 }).toEqual({ pair: `${r.a},${r.b}`, distinct: 1, countedTwice: true });
      }
      // And every pair sharing two distinct points in R's own count is a rook pair here.
      expect(spdep.filter((r) => Number(r.distinct) >= 2 && !ours.has(`${r.a},${r.b}`))).toEqual([]);
    });
  }
});
