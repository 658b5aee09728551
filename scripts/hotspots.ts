/**
 * `npm run hotspots`: the app's hotspot statistics as a command, for analysts and for
 * reproducibility (same data, weights and seed → the same file). See scripts/hotspots/cli-options.ts.
 */
import { computeHotspots } from '../src/analysis/stats/hotspots';
import { HELP, parseCliOptions } from './hotspots/cli-options';
import { loadWeights } from './hotspots/load-weights';
import { alignValues, readAreaValues } from './hotspots/read-data';
import { summaryLines, writeResults } from './hotspots/write-results';

export function runHotspotsCli(argv: string[], log: (line: string) => void = console.log): void {
  const opts = parseCliOptions(argv);
  const data = readAreaValues(opts.data, opts.id, opts.value2 ? [opts.value, opts.value2] : [opts.value]);
  const { weights, source, notes } = loadWeights(opts, [...data.byId.keys()]);
  const [x, y] = alignValues(data, weights.ids, opts.data, source);
  notes.forEach((n) => log(n));
  const result = computeHotspots({
    stat: opts.stat, x, y, weights, permutations: opts.permutations, seed: opts.seed, correction: opts.correction, alpha: opts.alpha,
  });
  writeResults(opts.out, result, opts.id);
  summaryLines(result).forEach((l) => log(l));
  log(`wrote ${opts.out}`);
}

if (process.argv[1] && /hotspots\.ts$/.test(process.argv[1])) {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.length === 0) process.stdout.write(HELP);
  else {
    try {
      runHotspotsCli(argv);
    } catch (e) {
      console.error(`npm run hotspots failed: ${(e as Error).message}`);
      process.exit(1);
    }
  }
}
