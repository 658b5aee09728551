/** `npm run data`: build the app's data from a raw-data directory or the official downloads. */
import { HELP, parseCliOptions } from './pipeline/cli-options';
import { inspectOutputFolder } from './pipeline/output-folder';
import { resolveInputs } from './pipeline/resolve-inputs';
import { runPipeline } from './pipeline/run-pipeline';

async function main() {
  if (process.argv.includes('--help')) {
    process.stdout.write(HELP);
    return;
  }
  const opts = parseCliOptions(process.argv.slice(2));
  // Before any download or build: a folder the pipeline may not replace is refused at once.
  await inspectOutputFolder(opts.outDir);
  const inputs = await resolveInputs(opts, (l) => console.log(l));
  await runPipeline({ inputs, outDir: opts.outDir, log: (l) => console.log(l) });
  console.log(`wrote ${opts.outDir}`);
}

main().catch((e: Error) => {
  console.error(`npm run data failed: ${e.message}`);
  process.exit(1);
});
