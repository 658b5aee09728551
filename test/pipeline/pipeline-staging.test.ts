/**
 * The real pipeline never deletes what it may not replace: `npm run data -- --out .` is refused with
 * a message before any work, and a build whose late step fails (after the geography and the first
 * tables were written to staging) leaves the earlier output byte for byte as it was.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliOptions } from '../../scripts/pipeline/cli-options';
import { MARKER } from '../../scripts/pipeline/output-folder';
import { rawDirInputs, runPipeline } from '../../scripts/pipeline/run-pipeline';

const ROOT = resolve(import.meta.dirname, '../..');
const RAW = parseCliOptions([]).rawDir;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hotspot-staging-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('pipeline output folder', () => {
  it('npm run data -- --out . refuses the repository folder, with a message, and changes nothing', async () => {
    const before = (await readdir(ROOT)).sort();
    const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--out', '.', '--raw', RAW], { cwd: ROOT }).then(
      () => null,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(run?.code).toBe(1);
    expect(run?.stderr).toMatch(/npm run data failed: refusing to write to .*: it is not empty and is not an earlier output of this pipeline/);
    // Refused before reading or fetching anything.
    expect(run?.stdout).toBe('');
    expect((await readdir(ROOT)).sort()).toEqual(before);
  });

  it.skipIf(!existsSync(RAW))('a step that fails after others have written their files leaves the earlier output untouched', async () => {
    const out = join(tmp, 'data');
    const earlier = { [MARKER]: 'earlier', 'manifest.json': JSON.stringify({ generator: 'hotspot-atlas data pipeline', outputs: [{ path: 'geo/lsoa21.topo.json' }] }), 'geo/lsoa21.topo.json': '{"earlier": true}' };
    for (const [path, text] of Object.entries(earlier)) {
      await mkdir(join(out, path, '..'), { recursive: true });
      await writeFile(join(out, path), text);
    }
    const raw = rawDirInputs(RAW);
    const lines: string[] = [];
    // The reference-codes step (fourth of five) finds its Cancer Alliance 2020 codes missing.
    const inputs = { ...raw, resolve: async (id: Parameters<typeof raw.resolve>[0]) => (id === 'cal20Codes' ? { path: join(tmp, 'gone.csv'), origin: 'raw/gone.csv' } : raw.resolve(id)) };
    await expect(runPipeline({ inputs, outDir: out, log: (l) => lines.push(l) })).rejects.toThrow(/not found at .*gone\.csv/);
    expect(lines.some((l) => l.includes('building the 2011 stack'))).toBe(true);
    for (const [path, text] of Object.entries(earlier)) expect(await readFile(join(out, path), 'utf8')).toBe(text);
    expect((await readdir(out, { recursive: true })).sort()).toEqual(['.hotspot-atlas-output', 'geo', 'geo/lsoa21.topo.json', 'manifest.json']);
    expect(await readdir(tmp)).toEqual(['data']);
  }, 600_000);
});
