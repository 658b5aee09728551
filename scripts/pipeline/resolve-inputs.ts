/** Chooses where the pipeline's inputs come from: the raw-data directory or the official downloads. */
import type { CliOptions } from './cli-options';
import { rawDirExists } from './cli-options';
import { rawDirInputs, type InputResolver } from './run-pipeline';

export async function resolveInputs(opts: CliOptions, log: (s: string) => void): Promise<InputResolver> {
  if (opts.download) {
    const { downloadInputs } = await import('./download/download-inputs');
    return downloadInputs({ cacheDir: opts.cacheDir, sourceBase: opts.sourceBase, allowHttp: opts.allowHttp, rawDir: opts.rawDir, log });
  }
  if (!rawDirExists(opts.rawDir)) {
    throw new Error(`raw-data directory ${opts.rawDir} not found. Pass --raw DIR, set HOTSPOT_RAW_DIR, or use --download to fetch the official releases.`);
  }
  log(`reading raw data from ${opts.rawDir}`);
  return rawDirInputs(opts.rawDir);
}
