/**
 * The pipeline's output folder is replaced whole, so it must never be a folder that holds anything
 * else (`npm run data -- --out .` would otherwise take the repository with it), and a failed build
 * must leave the previous good data in place. `buildInto` therefore:
 *
 * 1. refuses an output path unless it is missing, empty, or an earlier output of this pipeline (it
 *    holds the marker file, or, from before the marker, a manifest.json written by this pipeline)
 *    that holds nothing the pipeline did not write;
 * 2. builds into a staging folder next to it (same file system, so the swap is two renames);
 * 3. swaps the staging folder in only after the build and its checks have passed, keeping the old
 *    folder until the new one is in place. Anything that fails leaves the old output untouched.
 */
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

export const MARKER = '.hotspot-atlas-output';
const MARKER_TEXT = 'Written by the Hotspot Atlas data pipeline (npm run data). The next build replaces everything in this folder.\n';
const GENERATOR = 'hotspot-atlas data pipeline';

class OutputFolderError extends Error {}

/** Every file under dir, as paths relative to it with '/' separators. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isDirectory()) out.push(relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  }
  return out.sort();
}

/** What is at outDir now: nothing, an empty folder, or an earlier output (with the files it should hold). */
export async function inspectOutputFolder(outDir: string): Promise<'missing' | 'empty' | 'earlier-output'> {
  const stat = await lstat(outDir).catch(() => null);
  if (!stat) return 'missing';
  if (!stat.isDirectory()) throw new OutputFolderError(`refusing to write to ${outDir}: it is a file, not a folder. Choose another --out.`);
  const files = await filesUnder(outDir);
  if (files.length === 0) return 'empty';
  const manifest = await readFile(join(outDir, 'manifest.json'), 'utf8').then((t) => JSON.parse(t) as unknown, () => null);
  const written = manifest && typeof manifest === 'object' && (manifest as { generator?: unknown }).generator === GENERATOR
    ? ((manifest as { outputs?: { path?: unknown }[] }).outputs ?? []).map((o) => String(o.path))
    : null;
  if (!files.includes(MARKER) && !written) {
    throw new OutputFolderError(
      `refusing to write to ${outDir}: it is not empty and is not an earlier output of this pipeline (no ${MARKER} file or pipeline manifest.json in it). ` +
        'The pipeline replaces its whole output folder, so it writes only to a new or empty folder or one it wrote before. Choose another --out (the default is public/data).',
    );
  }
  const known = new Set([MARKER, 'manifest.json', ...(written ?? [])]);
  const foreign = written ? files.filter((f) => !known.has(f)) : [];
  if (foreign.length) {
    throw new OutputFolderError(
      `refusing to replace ${outDir}: it holds ${foreign.length} file(s) the pipeline did not write (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''}). ` +
        'Move them elsewhere first: the whole folder is replaced by the new build.',
    );
  }
  return 'earlier-output';
}

/** Sibling paths that belong to one output folder: `.data.staging-…` and `.data.previous-…` for `…/data`. */
const sibling = (outDir: string, kind: 'staging' | 'previous') => join(dirname(outDir), `.${basename(outDir)}.${kind}-${process.pid}-${Date.now().toString(36)}`);

/** Whether the run that named this sibling (….staging-PID-…) is still going: its folders are not leftovers. */
function stillRunning(name: string): boolean {
  const pid = Number(/\.(?:staging|previous)-(\d+)-/.exec(name)?.[1]);
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Leftovers of an interrupted run: restore a previous output that never got replaced, remove half-built staging folders. */
async function recover(outDir: string, log: (s: string) => void): Promise<void> {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  for (const name of await readdir(parent)) {
    const kind = name.startsWith(`.${basename(outDir)}.staging-`) ? 'staging' : name.startsWith(`.${basename(outDir)}.previous-`) ? 'previous' : null;
    const path = join(parent, name);
    if (!kind || !existsSync(join(path, MARKER)) || stillRunning(name)) continue;
    if (kind === 'previous' && !existsSync(outDir)) {
      log(`restoring ${outDir} from ${path} (an earlier run stopped during the swap)`);
      await rename(path, outDir);
    } else {
      await rm(path, { recursive: true, force: true });
    }
  }
}

/**
 * Runs `build` against a fresh staging folder, then `check` on what it wrote, and only then puts the
 * staging folder in place of outDir. On any failure the staging folder is removed and outDir is as it was.
 */
export async function buildInto<T>(outDir: string, build: (stagingDir: string) => Promise<T>, opts: { check?: (stagingDir: string, result: T) => Promise<void>; log?: (s: string) => void } = {}): Promise<T> {
  const log = opts.log ?? (() => {});
  await recover(outDir, log);
  const before = await inspectOutputFolder(outDir);
  const staging = sibling(outDir, 'staging');
  await mkdir(staging, { recursive: true });
  try {
    await writeFile(join(staging, MARKER), MARKER_TEXT);
    const result = await build(staging);
    await opts.check?.(staging, result);
    if (before === 'missing') {
      await rename(staging, outDir);
    } else {
      const previous = sibling(outDir, 'previous');
      await rename(outDir, previous);
      try {
        await rename(staging, outDir);
      } catch (e) {
        await rename(previous, outDir);
        throw e;
      }
      await rm(previous, { recursive: true, force: true });
    }
    return result;
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}
