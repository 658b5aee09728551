/** `npm run hotspots` options: parsed and checked here, each error naming the option. */
import { HOTSPOT_STATS, type HotspotStat } from '../../src/analysis/stats/hotspot-request';
import { CORRECTIONS, type Correction } from '../../src/analysis/stats/multiple-testing';
import type { WeightsStyle } from '../../src/analysis/weights/spatial-weights';

export type NeighbourRule = 'queen' | 'rook' | 'knn';

export interface HotspotCliOptions {
  data: string;
  id: string;
  value: string;
  value2?: string;
  boundaries?: string;
  /** Property of the GeoJSON features holding the area id (default: --id, then feature.id). */
  boundaryId?: string;
  weights?: string;
  stat: HotspotStat;
  neighbours: NeighbourRule;
  k: number;
  style: WeightsStyle;
  islands: 'keep' | 'knn';
  permutations: number;
  seed: number;
  correction: Correction;
  alpha: number;
  out: string;
}

export const HELP = `npm run hotspots -- --data FILE.csv --id COL --value COL [--value2 COL]
                      (--boundaries FILE.geojson | --weights FILE.gal|FILE.gwt) --out OUT.csv [options]

Local hotspot statistics with permutation inference, as in the app. One output row per area:
id, statistic, expected value, variance and z (analytical, where defined), mean/sd/z of the
permuted statistic, pseudo p-value, adjusted p-value, significant (0/1) and cluster class.

  --stat S            gistar (default), gi, lisa (local Moran's I), bilisa (value vs lag of value2)
  --value2 COL        second variable for bilisa (its spatial lag is compared with --value)
  --boundaries FILE   GeoJSON polygons (WGS84 lon/lat); neighbours are derived from shared borders
  --boundary-id PROP  feature property holding the area id (default: the --id name, then feature.id)
  --weights FILE      GeoDa GAL or GWT weights file (ids must match the --id column)
  --neighbours R      with --boundaries: queen (default), rook, or knn (k nearest area centres)
  --k N               neighbours for knn (default 6)
  --style W|B         row-standardised (default) or binary weights
  --islands keep|knn  areas with no neighbour: report them untested (default) or link each to its
                      nearest area
  --permutations N    99 to 99999 (default 999)
  --seed N            random seed, 0 to 4294967295 (default 1); same seed, same result
  --correction C      fdr (Benjamini-Hochberg, default), bonferroni or none
  --alpha A           significance level (default 0.05)
  --out FILE          output CSV
`;

const VALUE_FLAGS = ['--data', '--id', '--value', '--value2', '--boundaries', '--boundary-id', '--weights', '--stat', '--neighbours', '--k', '--style', '--islands', '--permutations', '--seed', '--correction', '--alpha', '--out'];

export function parseCliOptions(argv: readonly string[]): HotspotCliOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!VALUE_FLAGS.includes(flag)) throw new Error(`unknown option ${flag} (see --help)`);
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    if (values.has(flag)) throw new Error(`${flag} is given twice`);
    values.set(flag, v);
    i++;
  }
  const need = (flag: string) => {
    const v = values.get(flag);
    if (v === undefined) throw new Error(`${flag} is required (see --help)`);
    return v;
  };
  const oneOf = <T extends string>(flag: string, allowed: readonly T[], fallback: T): T => {
    const v = values.get(flag) ?? fallback;
    if (!allowed.includes(v as T)) throw new Error(`${flag} must be one of ${allowed.join(', ')} (got "${v}")`);
    return v as T;
  };
  const int = (flag: string, fallback: number) => {
    const raw = values.get(flag);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) throw new Error(`${flag} must be a whole number (got "${raw}")`);
    return Number(raw);
  };
  const stat = oneOf('--stat', HOTSPOT_STATS, 'gistar');
  const opts: HotspotCliOptions = {
    data: need('--data'), id: need('--id'), value: need('--value'), value2: values.get('--value2'), out: need('--out'),
    boundaries: values.get('--boundaries'), boundaryId: values.get('--boundary-id'), weights: values.get('--weights'),
    stat, neighbours: oneOf('--neighbours', ['queen', 'rook', 'knn'] as const, 'queen'), k: int('--k', 6),
    style: oneOf('--style', ['W', 'B'] as const, 'W'), islands: oneOf('--islands', ['keep', 'knn'] as const, 'keep'),
    permutations: int('--permutations', 999), seed: int('--seed', 1),
    correction: oneOf('--correction', CORRECTIONS, 'fdr'), alpha: Number(values.get('--alpha') ?? 0.05),
  };
  if (!opts.boundaries === !opts.weights) throw new Error('give exactly one of --boundaries FILE.geojson or --weights FILE.gal');
  if (opts.weights && values.has('--neighbours')) throw new Error('--neighbours only applies with --boundaries (a weights file already says who neighbours whom)');
  if (stat === 'bilisa' && !opts.value2) throw new Error('--stat bilisa needs --value2 (the variable whose spatial lag is compared with --value)');
  if (stat !== 'bilisa' && opts.value2) throw new Error('--value2 is only used by --stat bilisa');
  if (!(opts.alpha > 0 && opts.alpha < 1)) throw new Error(`--alpha must be a number between 0 and 1 (got "${values.get('--alpha')}")`);
  return opts;
}
