import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInto, inspectOutputFolder, MARKER } from './output-folder';

let root: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hotspot-out-'));
  out = join(root, 'data');
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function put(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** Every file under dir with its text, to show a folder is exactly as it was. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = await readFile(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

const writes = (files: Record<string, string>) => (dir: string) => put(dir, files);
const earlier = { [MARKER]: 'old marker', 'manifest.json': '{"old": true}', 'geo/a.topo.json': 'old geometry' };

describe('buildInto', () => {
  it('builds into a new folder and marks it as the pipeline output', async () => {
    await buildInto(out, writes({ 'manifest.json': '{}' }));
    expect(Object.keys(await snapshot(out)).sort()).toEqual([MARKER, 'manifest.json']);
    expect(await readdir(root)).toEqual(['data']);
  });

  it('writes into an empty folder', async () => {
    await mkdir(out);
    await buildInto(out, writes({ 'x.csv': 'a' }));
    expect((await snapshot(out))['x.csv']).toBe('a');
  });

  it('replaces an earlier output whole once the build and check pass, leaving no staging folder', async () => {
    await put(out, earlier);
    await buildInto(out, writes({ 'manifest.json': '{"new": true}' }), { check: async () => {} });
    expect(await snapshot(out)).toEqual({ [MARKER]: expect.stringContaining('npm run data'), 'manifest.json': '{"new": true}' });
    expect(await readdir(root)).toEqual(['data']);
  });

  it('leaves an earlier output untouched when a step fails, or when the final check fails', async () => {
    await put(out, earlier);
    const failing = async (dir: string) => {
      await put(dir, { 'manifest.json': 'half-built' });
      throw new Error('step 3 failed');
    };
    await expect(buildInto(out, failing)).rejects.toThrow('step 3 failed');
    expect(await snapshot(out)).toEqual(earlier);
    await expect(buildInto(out, writes({ 'manifest.json': 'new' }), { check: async () => { throw new Error('checksum mismatch'); } })).rejects.toThrow('checksum mismatch');
    expect(await snapshot(out)).toEqual(earlier);
    expect(await readdir(root)).toEqual(['data']);
  });

  it('refuses a folder that holds anything else (e.g. the repository: npm run data -- --out .)', async () => {
    await put(out, { 'package.json': '{}', 'src/main.ts': 'code' });
    const before = await snapshot(out);
    await expect(buildInto(out, writes({ 'manifest.json': '{}' }))).rejects.toThrow(/refusing to write to .*data: it is not empty and is not an earlier output of this pipeline \(no \.hotspot-atlas-output file/);
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(root)).toEqual(['data']);
  });

  it('refuses a file given as the output folder', async () => {
    await writeFile(out, 'not a folder');
    await expect(inspectOutputFolder(out)).rejects.toThrow(/it is a file, not a folder/);
  });

  it('accepts an output from before the marker (a pipeline manifest listing every file), but not one with files it did not write', async () => {
    const manifest = JSON.stringify({ generator: 'hotspot-atlas data pipeline', outputs: [{ path: 'geo/a.topo.json' }] });
    await put(out, { 'manifest.json': manifest, 'geo/a.topo.json': 'old' });
    expect(await inspectOutputFolder(out)).toBe('earlier-output');
    await put(out, { 'notes/my-analysis.xlsx': 'mine' });
    await expect(inspectOutputFolder(out)).rejects.toThrow(/refusing to replace .*: it holds 1 file\(s\) the pipeline did not write \(notes\/my-analysis\.xlsx\)/);
  });

  it('restores the previous output if an earlier run stopped between the two renames of the swap', async () => {
    const previous = join(root, '.data.previous-99999999-abc');
    await put(previous, earlier);
    await put(join(root, '.data.staging-99999999-abc'), { [MARKER]: 'x', 'half.csv': '' });
    expect(await inspectOutputFolder(out)).toBe('missing');
    await expect(buildInto(out, async () => { throw new Error('offline'); })).rejects.toThrow('offline');
    expect(await snapshot(out)).toEqual(earlier);
    expect(existsSync(previous)).toBe(false);
    expect(await readdir(root)).toEqual(['data']);
  });

  it('leaves the staging folder of a run that is still going alone', async () => {
    const other = join(root, `.data.staging-${process.ppid}-abc`);
    await put(other, { [MARKER]: 'x', 'half.csv': '' });
    await buildInto(out, writes({ 'manifest.json': '{}' }));
    expect(existsSync(other)).toBe(true);
  });
});
