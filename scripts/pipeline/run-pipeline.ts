/**
 * The data pipeline: raw source files in, the files the app serves out (TopoJSON per level, CSV tables
 * for DuckDB, manifest.json). Inputs come from a raw-data directory or, with `download`, from the
 * publishers' own releases. The geography is built first; then each step in steps.ts adds its tables.
 * Everything is written to a staging folder and swapped in only when the build and its checks pass
 * (output-folder.ts), so a failed build leaves the previous data as it was.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataManifest, ManifestSource } from '../../src/data/manifest';
import { LEVELS, type LevelId } from '../../src/geo/levels';
import { AREA_COLUMNS, areaCells } from './area-row';
import { cal19Sources } from './cal19-assignment';
import type { InputResolver, PipelineContext } from './context';
import { JoinReport } from './join-report';
import { buildInto, filesUnder, MARKER } from './output-folder';
import { OutputWriter, sha256 } from './output-writer';
import { readImd2019 } from './read-sources';
import { writeServedFiles } from './served-files';
import { SOURCES, type SourceId } from './sources';
import { buildStack2011 } from './stack-2011';
import { buildStack2021 } from './stack-2021';
import { STEPS } from './steps';

export type { InputResolver } from './context';

export interface PipelineOptions {
  inputs: InputResolver;
  outDir: string;
  log?: (line: string) => void;
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
  return buildInto(opts.outDir, (staging) => build(opts, staging, log), { check: checkOutputs, log });
}

async function build(opts: PipelineOptions, outDir: string, log: (line: string) => void): Promise<DataManifest> {
  const t0 = performance.now();
  const sourcesUsed: ManifestSource[] = [];
  const source = async (id: SourceId) => {
    const { path, origin } = await opts.inputs.resolve(id);
    const buf = await readFile(path).catch(() => {
      throw new Error(`source file for "${SOURCES[id].title}" not found at ${path}`);
    });
    if (!sourcesUsed.some((s) => s.id === id)) {
      const { rawPath: _raw, ...meta } = SOURCES[id];
      sourcesUsed.push({ ...meta, origin, bytes: buf.length, sha256: sha256(buf) });
    }
    return path;
  };
  const ctx: PipelineContext = {
    source, report: new JoinReport(), out: new OutputWriter(outDir), log, areas: [], topologies: {}, contiguity: {}, tables: {}, sourcesUsed,
  };

  log('building the 2021 stack (LSOA 2021, ward 2024, LAD 2024, Sub-ICB 2024, ICB 2024, Cancer Alliance 2022 and 2019)');
  const s21 = await buildStack2021({
    boundaries: await source('lsoa21Boundaries'), wardLookup: await source('lsoa21Ward24Lad24'),
    icbLookup: await source('lsoa21Icb24'), population: await source('census2021Population'), cal19: await cal19Sources(source),
    cal22Mapping: await source('cal22Mapping'),
  }, ctx.report);
  log('building the 2011 stack (LSOA 2011)');
  const s11 = await buildStack2011({
    boundaries: await source('lsoa11Boundaries'), population: await source('imd2019Population'),
    ladChanges: await source('ladCodeChanges'), icbLookup: await source('lsoa11Icb22'),
  }, await readImd2019(await source('imd2019')), ctx.report);
  // LSOA 2011 areas reach the 2022 alliances through their ICB (every ICB lies wholly in one), so an alliance focus works there too.
  const calOfIcb = new Map(s21.areas.filter((a) => a.level === 'icb24').map((a) => [a.code, a.cal22_code ?? null]));
  for (const a of s11.areas) a.cal22_code = a.icb24_code ? calOfIcb.get(a.icb24_code) ?? null : null;
  ctx.areas = [...s21.areas, ...s11.areas];
  ctx.topologies = { ...s21.topologies, ...s11.topologies };
  ctx.contiguity = { ...s21.contiguity, ...s11.contiguity };

  const levels: DataManifest['levels'] = {};
  for (const [level, topo] of Object.entries(ctx.topologies) as [LevelId, object][]) {
    const features = ctx.areas.filter((a) => a.level === level).length;
    const geometry = await ctx.out.write(`geo/${level}.topo.json`, JSON.stringify(topo), { kind: 'geometry', rows: features, level, hashed: true });
    levels[level] = { geometry, object: level, features };
  }
  ctx.tables.areas = await ctx.out.writeCsv('tables/areas.csv', AREA_COLUMNS, ctx.areas.map(areaCells));

  for (const step of STEPS) {
    log(step.name);
    await step.run(ctx);
  }
  log('compact files for the app (shapes, table packs, first-map views)');
  const views = await writeServedFiles(ctx, levels);
  log('join report:');
  ctx.report.print(log);
  ctx.report.assertClean();

  const manifest: DataManifest = {
    schema: 1,
    generatedAt: new Date().toISOString(),
    generator: 'hotspot-atlas data pipeline',
    mode: opts.inputs.mode,
    sources: sourcesUsed,
    outputs: ctx.out.outputs,
    files: ctx.out.files,
    levels,
    tables: ctx.tables,
    views,
    joinReport: ctx.report.lines,
  };
  await ctx.out.write('manifest.json', JSON.stringify(manifest, null, 2), { kind: 'table', rows: 1 });
  log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${Object.entries(levels).map(([l, v]) => `${LEVELS[l as LevelId].label} ${v!.features}`).join(', ')}`);
  return manifest;
}

/** The last check before the swap: every file the manifest lists is there with its checksum, and nothing else is. */
async function checkOutputs(dir: string, manifest: DataManifest): Promise<void> {
  for (const o of manifest.outputs) {
    const buf = await readFile(join(dir, o.path));
    if (sha256(buf) !== o.sha256) throw new Error(`output check: ${o.path} does not match its manifest checksum`);
  }
  const listed = new Set([MARKER, 'manifest.json', ...manifest.outputs.map((o) => o.path)]);
  const extra = (await filesUnder(dir)).filter((p) => !listed.has(p));
  if (extra.length) throw new Error(`output check: files not in the manifest: ${extra.join(', ')}`);
}
