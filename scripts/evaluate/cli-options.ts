/** `atlas evaluate` options: parsed and checked here, each error naming the option. */
import { EXACT_REGIONS, MAX_CALIPER, MAX_RATIO, MAX_REPLICATES } from '../../src/state/evaluate-spec';
import { parseFlags } from '../atlas/flags';

export interface EvaluateCliOptions {
  data: string;
  id: string;
  period: string;
  value: string;
  denominator: string | null;
  /** Rates from counts are per this many of the denominator. */
  per: number;
  treated: string;
  baseline: [string, string];
  followup: [string, string];
  /** Matching covariates: columns of --data (their baseline means), or imd / smoking / population with --level. */
  match: string[];
  level: string | null;
  seed: number;
  bootstrap: number;
  caliper: number | null;
  ratio: number;
  replace: boolean;
  distance: 'scaled-euclidean' | 'mahalanobis';
  exact: string | null;
  populationWeights: boolean;
  chosenOnOutcome: boolean;
  label: string | null;
  out: string;
}

const USAGE = 'evaluate --data FILE.csv --id COL --period COL --value COL [--denominator COL] --treated FILE.csv --baseline P1:P2 --followup P3:P4 [--match COL,COL…] [--level ID] [--seed N] --out FILE.json';

export const HELP = `npm run -s atlas -- ${USAGE}

Difference-in-differences evaluation of a programme run in some areas, as in the app's Evaluate tab:
did the intervention areas change more than comparable areas between a baseline and a follow-up?
Writes JSON: the estimate and its 95 % interval (clustered by area, and a seeded cluster bootstrap),
the change in each group, per-period effects relative to the last baseline period, the pre-trend
test, matched pairs and weights, the balance table, warnings, the method and its limits.

  --data FILE.csv      long table: one row per area and period
  --id COL             area code column; --period COL  period column (e.g. 2023 Q1, 2023-24, Apr 2023)
  --value COL          the outcome (a rate), or the count of events when --denominator is given
  --denominator COL    the population at risk: the outcome becomes value / denominator × --per
  --per N              1, 100, 1000, 10000 (default) or 100000
  --treated FILE.csv   intervention areas: codes in the first column (a header row is allowed)
  --baseline P1:P2     first and last baseline period (inclusive); --followup P3:P4 likewise
  --match COL,COL…     match each intervention area to its nearest untreated areas on these
                       covariates: "baseline" (the outcome's baseline mean), any numeric column of
                       --data (its baseline mean per area), and with --level: imd (IMD 2025 score),
                       smoking (adult smokers %, APS) and population (Census 2021 residents), read
                       from the atlas's built tables (public/data; set HOTSPOT_DATA_DIR to use others).
                       Without --match every untreated area in the data is a comparison area.
  --level ID           the atlas level of the codes (lsoa21, ward24, lad24, sicbl24, icb24, cal19):
                       also gives numbers of residents and allows --exact and --population-weights
  --caliper SD         with --match: largest difference on each covariate, in its standard
                       deviations (default 0.5; "none" for no caliper)
  --ratio K            comparison areas per intervention area, 1 to ${MAX_RATIO} (default 1)
  --replace            match with replacement (default without)
  --distance D         scaled-euclidean (default) or mahalanobis
  --exact REGION       with --level: match only within the same ${EXACT_REGIONS.filter((r) => r !== 'none').join(', ')}
  --population-weights weight areas by their residents (with --level)
  --chosen-on-outcome  say that the intervention areas were picked using this outcome
  --bootstrap N        cluster bootstrap replicates, 0 or 99 to ${MAX_REPLICATES} (default 999)
  --seed N             bootstrap seed, 0 to 4294967295 (default 1); same seed, same file
  --label TEXT         the outcome's name in the sentence (default: the --value column)
  --out FILE.json      output
`;

const VALUE_FLAGS = ['--data', '--id', '--period', '--value', '--denominator', '--per', '--treated', '--baseline', '--followup', '--match', '--level', '--seed',
  '--bootstrap', '--caliper', '--ratio', '--distance', '--exact', '--label', '--out'];
const SWITCHES = ['--replace', '--population-weights', '--chosen-on-outcome'];

function window(flag: string, v: string): [string, string] {
  const parts = v.split(':');
  if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) throw new Error(`${flag} must be FIRST:LAST periods, e.g. "2022 Q1:2022 Q4" (got "${v}")`);
  return [parts[0].trim(), parts[1].trim()];
}

export function parseEvaluateOptions(argv: readonly string[]): EvaluateCliOptions {
  // The atlas command's one flag parser: the same errors (unknown, missing value, given twice) for every command.
  const flags = parseFlags(argv, { values: VALUE_FLAGS, switches: SWITCHES });
  const values = { get: (f: string) => flags.value(f), has: (f: string) => flags.value(f) !== undefined };
  const switches = { has: (f: string) => flags.has(f) };
  const need = (flag: string) => {
    const v = values.get(flag);
    if (v === undefined) throw new Error(`${flag} is required (see --help)`);
    return v;
  };
  const int = (flag: string, fallback: number, lo: number, hi: number) => {
    const raw = values.get(flag);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < lo || Number(raw) > hi) throw new Error(`${flag} must be a whole number from ${lo} to ${hi} (got "${raw}")`);
    return Number(raw);
  };
  const level = values.get('--level') ?? null;
  const caliperRaw = values.get('--caliper') ?? '0.5';
  const caliper = caliperRaw === 'none' ? null : Number(caliperRaw);
  if (caliper !== null && !(caliper > 0 && caliper <= MAX_CALIPER)) throw new Error(`--caliper must be a number of standard deviations above 0 and at most ${MAX_CALIPER}, or "none" (got "${caliperRaw}")`);
  const per = Number(values.get('--per') ?? 10_000);
  if (![1, 100, 1000, 10_000, 100_000].includes(per)) throw new Error(`--per must be 1, 100, 1000, 10000 or 100000 (got "${values.get('--per')}")`);
  const distance = values.get('--distance') ?? 'scaled-euclidean';
  if (distance !== 'scaled-euclidean' && distance !== 'mahalanobis') throw new Error(`--distance must be scaled-euclidean or mahalanobis (got "${distance}")`);
  const exact = values.get('--exact') ?? null;
  if (exact !== null && (!level || !(EXACT_REGIONS as readonly string[]).includes(exact) || exact === 'none')) {
    throw new Error(`--exact needs --level and one of ${EXACT_REGIONS.filter((r) => r !== 'none').join(', ')} (got "${exact}")`);
  }
  const bootstrap = int('--bootstrap', 999, 0, MAX_REPLICATES);
  if (bootstrap > 0 && bootstrap < 99) throw new Error(`--bootstrap must be 0 (none) or at least 99 replicates (got ${bootstrap})`);
  const match = values.has('--match') ? need('--match').split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (values.has('--match') && !match.length) throw new Error('--match needs at least one column');
  if (switches.has('--population-weights') && !level) throw new Error('--population-weights needs --level (residents come from the atlas)');
  if (!values.has('--match') && ['--caliper', '--ratio', '--distance', '--exact'].some((f) => values.has(f)) || (!values.has('--match') && switches.has('--replace'))) {
    throw new Error('--caliper, --ratio, --replace, --distance and --exact only apply with --match');
  }
  return {
    data: need('--data'), id: need('--id'), period: need('--period'), value: need('--value'), denominator: values.get('--denominator') ?? null, per,
    treated: need('--treated'), baseline: window('--baseline', need('--baseline')), followup: window('--followup', need('--followup')),
    match, level, seed: int('--seed', 1, 0, 4294967295), bootstrap, caliper, ratio: int('--ratio', 1, 1, MAX_RATIO),
    replace: switches.has('--replace'), distance, exact, populationWeights: switches.has('--population-weights'),
    chosenOnOutcome: switches.has('--chosen-on-outcome'), label: values.get('--label') ?? null, out: need('--out'),
  };
}
