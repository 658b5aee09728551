/**
 * Real England LSOA 2021 data for the parity tests and the bench: the topology and IMD 2025 tables
 * built by the data pipeline. Uses public/data when built; otherwise builds it from the raw data into
 * test/output/parity/data (git-ignored), so nothing derived is ever committed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Topology } from 'topojson-specification';
import { readGal } from '../../src/analysis/weights/gal';
import type { SpatialWeights } from '../../src/analysis/weights/spatial-weights';
import { servedPath, type DataManifest } from '../../src/data/manifest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUTPUT = join(ROOT, 'test/output/parity');

export interface EnglandLsoa {
  ids: string[];
  /** Binary queen contiguity as the pipeline wrote it (weights/lsoa21-queen.gal; the Isles of Scilly are an island). */
  queen: SpatialWeights;
  lon: Float64Array;
  lat: Float64Array;
  /** IMD 2025 columns by name, aligned with ids. */
  imd: (column: string) => Float64Array;
}

export function dataDir(): string {
  const pub = join(ROOT, 'public/data');
  if (existsSync(join(pub, 'manifest.json'))) return pub;
  const own = join(OUTPUT, 'data');
  if (!existsSync(join(own, 'manifest.json'))) {
    execFileSync('npx', ['tsx', 'scripts/build-data.ts', '--out', own], { cwd: ROOT, stdio: 'inherit' });
  }
  return own;
}

const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

export function loadEnglandLsoa(): EnglandLsoa {
  const dir = dataDir();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as DataManifest;
  const topo = JSON.parse(readFileSync(join(dir, manifest.levels.lsoa21!.geometry), 'utf8')) as Topology;
  const obj = topo.objects.lsoa21;
  if (obj.type !== 'GeometryCollection') throw new Error('lsoa21 topology has no geometry collection');
  const ids = obj.geometries.map((g) => String(g.id));
  const galPath = join(dir, servedPath(manifest, 'weights/lsoa21-queen.gal'));
  const queen = readGal(readFileSync(galPath, 'utf8'), { style: 'B', source: galPath });
  if (queen.ids.some((id, i) => id !== ids[i])) throw new Error(`${galPath}: areas are not in the topology's order`);
  const areas = new Map(csv(join(dir, 'tables/areas.csv')).filter((r) => r.level === 'lsoa21').map((r) => [r.code, r]));
  const point = (key: 'lon' | 'lat') => Float64Array.from(ids, (id) => Number(areas.get(id)?.[key] ?? NaN));
  const imdRows = new Map(csv(join(dir, 'tables/imd2025.csv')).map((r) => [r.code, r]));
  const imd = (column: string) =>
    Float64Array.from(ids, (id) => {
      const v = Number(imdRows.get(id)?.[column]);
      if (!Number.isFinite(v)) throw new Error(`imd2025.csv: no ${column} for ${id}`);
      return v;
    });
  return { ids, queen, lon: point('lon'), lat: point('lat'), imd };
}
