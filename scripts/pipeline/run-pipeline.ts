/**
 * The data pipeline: raw source files in, the files the app serves out (TopoJSON per level, CSV tables
 * for DuckDB, manifest.json). Inputs come from a raw-data directory or, with `download`, from the
 * publishers' own releases.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IMD_DOMAINS, imdColumn } from '../../src/data/catalogue/imd-domains';
import type { DataManifest, ManifestSource } from '../../src/data/manifest';
import { LEVELS, type LevelId } from '../../src/geo/levels';
import { AREA_COLUMNS, areaCells, type AreaRow } from './area-row';
import { JoinReport } from './join-report';
import { OutputWriter, sha256 } from './output-writer';
import { readImd2019, readImd2025 } from './read-sources';
import { SOURCES, type SourceId } from './sources';
import { buildStack2011 } from './stack-2011';
import { buildStack2021 } from './stack-2021';

export interface PipelineOptions {
  /** Resolves each source to a local file (the raw-data directory, or a download cache). */
  inputs: InputResolver;
  outDir: string;
  log?: (line: string) => void;
}

export interface InputResolver {
  mode: DataManifest['mode'];
  /** Local path of the source's file, and where it came from (for the manifest). */
  resolve(id: SourceId): Promise<{ path: string; origin: string }>;
}

export function rawDirInputs(rawDir: string): InputResolver {
  return {
    mode: 'raw',
    async resolve(id) {
      const rel = SOURCES[id].rawPath;
      return { path: join(rawDir, rel), origin: `raw/${rel}` };
    },
  };
}

export async function runPipeline(opts: PipelineOptions): Promise<DataManifest> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const used: ManifestSource[] = [];
  const path = async (id: SourceId) => {
    const { path: p, origin } = await opts.inputs.resolve(id);
    const buf = await readFile(p).catch(() => {
      throw new Error(`source file for "${SOURCES[id].title}" not found at ${p}`);
    });
    const { rawPath: _raw, ...meta } = SOURCES[id];
    used.push({ ...meta, origin, bytes: buf.length, sha256: sha256(buf) });
    return p;
  };

  const report = new JoinReport();
  log('reading IMD 2025 and IMD 2019');
  const imd2025 = await readImd2025(await path('imd2025'));
  const imd2019 = await readImd2019(await path('imd2019'));

  log('building the 2021 stack (LSOA 2021, ward 2024, LAD 2024, ICB 2024)');
  const s21 = await buildStack2021({
    boundaries: await path('lsoa21Boundaries'), wardLookup: await path('lsoa21Ward24Lad24'),
    icbLookup: await path('lsoa21Icb24'), population: await path('census2021Population'),
  }, report);
  log('building the 2011 stack (LSOA 2011)');
  const s11 = await buildStack2011({
    boundaries: await path('lsoa11Boundaries'), population: await path('imd2019Population'),
    ladChanges: await path('ladCodeChanges'), icbLookup: await path('lsoa11Icb22'),
  }, imd2019, report);

  const lsoa21 = new Set(s21.areas.filter((a) => a.level === 'lsoa21').map((a) => a.code));
  report.check('IoD2025 LSOAs → LSOA 2021 boundaries', imd2025.map((r) => r.code), lsoa21);
  report.check('LSOA 2021 boundaries → IoD2025', lsoa21, new Set(imd2025.map((r) => r.code)));
  log('join report:');
  report.print(log);
  report.assertClean();

  await rm(opts.outDir, { recursive: true, force: true });
  const out = new OutputWriter(opts.outDir);
  const levels: DataManifest['levels'] = {};
  for (const [level, topo] of Object.entries({ ...s21.topologies, ...s11.topologies }) as [LevelId, object][]) {
    const geometry = `geo/${level}.topo.json`;
    const features = s21.areas.concat(s11.areas).filter((a) => a.level === level).length;
    await out.write(geometry, JSON.stringify(topo), { kind: 'geometry', rows: features, level });
    levels[level] = { geometry, object: level, features };
  }

  const areas: AreaRow[] = [...s21.areas, ...s11.areas];
  const tables: DataManifest['tables'] = {};
  tables.areas = await out.writeCsv('tables/areas.csv', AREA_COLUMNS, areas.map(areaCells));
  const cols25 = IMD_DOMAINS.flatMap((d) => (['score', 'rank', 'decile'] as const).map((p) => imdColumn(d.key, p)));
  tables.imd2025 = await out.writeCsv('tables/imd2025.csv', ['code', ...cols25], imd2025.map((r) => [r.code, ...cols25.map((c) => r[c])]), 'lsoa21');
  const cols19 = IMD_DOMAINS.flatMap((d) => (['rank', 'decile'] as const).map((p) => imdColumn(d.key, p)));
  tables.imd2019 = await out.writeCsv('tables/imd2019.csv', ['code', ...cols19], imd2019.map((r) => [r.code, ...cols19.map((c) => r[c] as number | null)]), 'lsoa11');

  const manifest: DataManifest = {
    schema: 1,
    generatedAt: new Date().toISOString(),
    generator: 'hotspot-atlas data pipeline',
    mode: opts.inputs.mode,
    sources: dedupe(used),
    outputs: out.outputs,
    levels,
    tables,
    joinReport: report.lines,
  };
  await out.write('manifest.json', JSON.stringify(manifest, null, 2), { kind: 'table', rows: 1 });
  log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${Object.keys(levels).map((l) => `${LEVELS[l as LevelId].label} ${levels[l as LevelId]!.features}`).join(', ')}`);
  return manifest;
}

function dedupe(sources: ManifestSource[]): ManifestSource[] {
  return [...new Map(sources.map((s) => [s.id, s])).values()];
}
