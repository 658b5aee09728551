/**
 * Runs before `npm run dev` and `npm run build`: builds the data if it is not built yet, from the
 * raw-data directory when present, otherwise by downloading the official releases. If neither works
 * the app still starts, with an empty state that says how to build or load data.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCliOptions, rawDirExists } from './pipeline/cli-options';
import { resolveInputs } from './pipeline/resolve-inputs';
import { runPipeline } from './pipeline/run-pipeline';

async function main() {
  const opts = parseCliOptions([]);
  if (existsSync(join(opts.outDir, 'manifest.json'))) return;
  const download = !rawDirExists(opts.rawDir);
  console.log(download ? `no data built and no raw data at ${opts.rawDir}: downloading the official releases` : 'no data built yet: building it from the raw data');
  try {
    const inputs = await resolveInputs({ ...opts, download }, (l) => console.log(l));
    await runPipeline({ inputs, outDir: opts.outDir, log: (l) => console.log(l) });
  } catch (e) {
    console.warn(`could not build the data:\n  ${(e as Error).message.replace(/\n/g, '\n  ')}\nThe app will start without data: run "npm run data" (see README) or load files in the app.`);
  }
}

void main();
