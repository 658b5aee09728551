/**
 * Hotspot speed against R spdep, in the same run, on all 33,755 England LSOAs (2021) with queen
 * contiguity (row-standardised) and IMD 2025 scores, 999 permutations:
 *
 *   ours:  computeHotspots (local Moran / Gi*) in node, one thread, whole run (kernel, permutations,
 *          pseudo p, FDR, classes); the first run (cold) and the median of the next five (warm).
 *   spdep: localmoran_perm and localG_perm (include.self), serial, timed inside R with system.time,
 *          on the same weights read from the GAL file we write.
 *
 * `benchHotspots()` returns the times and spdep/ours ratios; `npm run bench -- hotspots`
 * prints them as JSON. Needs R with spdep (bash .ci/install-r.sh) and the built data (npm run data).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeHotspots } from '../../src/analysis/stats/hotspots';
import type { HotspotStat } from '../../src/analysis/stats/hotspot-request';
import { writeGal } from '../../src/analysis/weights/gal';
import { withStyle } from '../../src/analysis/weights/weights-transform';
import { loadEnglandLsoa, ROOT } from '../parity/england-data';
import { requireSpdep, runRscript } from '../parity/r-session';

const PERMUTATIONS = 999;
const SEED = 1;
const WARM_RUNS = 5;

const R_SCRIPT = `
suppressPackageStartupMessages(library(spdep))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; nsim <- as.integer(args[2]); seed <- as.integer(args[3])
vals <- read.csv(file.path(dir, "values.csv"), colClasses = c("character", "numeric"))
nb <- read.gal(file.path(dir, "queen.gal"), override.id = TRUE)
stopifnot(identical(attr(nb, "region.id"), vals$code))
lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
lws <- nb2listw(include.self(nb), style = "W", zero.policy = TRUE)
t1 <- system.time(localmoran_perm(vals$x, lw, nsim = nsim, zero.policy = TRUE, iseed = seed))[["elapsed"]]
t2 <- system.time(localG_perm(vals$x, lws, nsim = nsim, zero.policy = TRUE, iseed = seed))[["elapsed"]]
cat(sprintf('{"localmoran_perm": %.3f, "localG_perm": %.3f}', t1, t2))
`;

function timeOurs(stat: HotspotStat, x: Float64Array, weights: Parameters<typeof computeHotspots>[0]['weights']) {
  const once = () => {
    const t0 = performance.now();
    computeHotspots({ stat, x, weights, permutations: PERMUTATIONS, seed: SEED });
    return performance.now() - t0;
  };
  const coldMs = once();
  const warm = Array.from({ length: WARM_RUNS }, once).sort((a, b) => a - b);
  return { coldMs: round(coldMs), medianMs: round(warm[Math.floor(WARM_RUNS / 2)]), warmMs: warm.map(round) };
}

const round = (v: number) => Math.round(v * 10) / 10;

export async function benchHotspots(): Promise<Record<string, unknown>> {
  const spdepVersion = requireSpdep();
  const data = loadEnglandLsoa();
  const weights = withStyle(data.queen, 'W');
  const x = data.imd('imd_score');

  const lisa = timeOurs('lisa', x, weights);
  const gistar = timeOurs('gistar', x, weights);

  const dir = join(ROOT, 'test/output/hotspots-bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'queen.gal'), writeGal(data.queen, { shape: 'lsoa21', key: 'code' }));
  writeFileSync(join(dir, 'values.csv'), ['code,x', ...data.ids.map((id, i) => `${id},${x[i]}`)].join('\n') + '\n');
  writeFileSync(join(dir, 'bench.R'), R_SCRIPT);
  const r = JSON.parse(runRscript(join(dir, 'bench.R'), [dir, String(PERMUTATIONS), String(SEED)])) as { localmoran_perm: number; localG_perm: number };

  const oursTotal = lisa.medianMs + gistar.medianMs;
  const spdepTotal = (r.localmoran_perm + r.localG_perm) * 1000;
  const result = {
    areas: data.ids.length,
    permutations: PERMUTATIONS,
    weights: 'queen contiguity, row-standardised (GAL shared with R)',
    variable: 'IMD 2025 score',
    node: process.version,
    spdep: spdepVersion,
    ours: { lisa, gistar, totalMedianMs: round(oursTotal) },
    spdepSeconds: { localmoran_perm: r.localmoran_perm, localG_perm: r.localG_perm },
    speedup: {
      lisa: round(r.localmoran_perm * 1000 / lisa.medianMs),
      gistar: round(r.localG_perm * 1000 / gistar.medianMs),
      total: round(spdepTotal / oursTotal),
    },
  };
  writeFileSync(join(dir, 'result.json'), JSON.stringify(result, null, 2));
  return result;
}
