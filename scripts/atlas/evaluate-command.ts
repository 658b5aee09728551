/**
 * `npm run -s atlas -- evaluate …`: the app's Evaluate tab as a command, for analysts and for
 * reproducibility (same files, settings and seed → the same JSON). The numbers come from the same
 * core (src/analysis/evaluation) and the JSON from the same writer (src/export/evaluation-files) as
 * the app's "estimates" export. See scripts/evaluate/cli-options.ts for the options.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { BASELINE_COVARIATE, runEvaluation, type Covariate } from '../../src/analysis/evaluation/run-evaluation';
import { decimalsFor, periodNoun } from '../../src/analysis/evaluation/effect-sentence';
import { resolveWindows } from '../../src/analysis/evaluation/windows';
import type { ComparisonSpec } from '../../src/analysis/evaluation/comparison-groups';
import { estimatesJson, headline, resultSentence } from '../../src/export/evaluation-files';
import type { EvaluationDescription } from '../../src/export/evaluation-method';
import { LEVELS } from '../../src/geo/levels';
import { loadAtlasLevel, type AtlasLevelData } from '../evaluate/atlas-covariates';
import { HELP, parseEvaluateOptions, type EvaluateCliOptions } from '../evaluate/cli-options';
import { readPanelFile, readTreatedFile } from '../evaluate/read-panel-csv';
import { UsageError, type CliIo, type Command } from './command';

const ATLAS_NAMES = new Set(['imd', 'smoking', 'population']);

async function evaluate(o: EvaluateCliOptions, io: CliIo): Promise<void> {
  // Files are named in messages and in the JSON as given; they are read from the caller's folder.
  const at = (path: string) => resolve(io.cwd, path);
  const file = readPanelFile(at(o.data), {
    id: o.id, period: o.period, value: o.value, denominator: o.denominator, per: o.per,
    extra: (header) => o.match.filter((m) => header.includes(m) && ![o.id, o.period].includes(m)),
  });
  const { panel } = file;
  for (const m of o.match) {
    if (m === BASELINE_COVARIATE || file.extra.has(m) || (o.level && ATLAS_NAMES.has(m))) continue;
    throw new Error(`--match ${m}: not a column of ${o.data}${o.level ? '' : ' (imd, smoking and population need --level)'}; use "baseline", a numeric column of the data${o.level ? ', imd, smoking or population' : ''}`);
  }
  const windows = resolveWindows(panel.periods, { baseline: o.baseline, followup: o.followup });
  const nA = panel.areas.length;
  const nP = panel.periods.length;
  const covariates: Covariate[] = [];
  for (const [name, cells] of file.extra) {
    const values = new Float64Array(nA);
    for (let a = 0; a < nA; a++) {
      let s = 0;
      let n = 0;
      for (const p of windows.pre) {
        if (!Number.isFinite(cells[a * nP + p])) continue;
        s += cells[a * nP + p];
        n++;
      }
      values[a] = n ? s / n : NaN;
    }
    covariates.push({ id: name, label: `${name} (baseline mean)`, values });
  }

  let atlas: AtlasLevelData | null = null;
  let population: Float64Array | null = null;
  let exact: Int32Array | null = null;
  if (o.level) {
    atlas = await loadAtlasLevel(o.level);
    const at = new Map(atlas.codes.map((c, i) => [c, i]));
    const idx = panel.areas.map((c) => at.get(c) ?? -1);
    const missing = panel.areas.filter((_, a) => idx[a] < 0);
    if (missing.length === nA) throw new Error(`none of the codes in ${o.data} is a ${LEVELS[atlas.level].label} code (e.g. ${panel.areas[0]}); check --level`);
    if (missing.length) io.err(`note: ${missing.length} code${missing.length === 1 ? ' is' : 's are'} not ${LEVELS[atlas.level].label} areas and have no atlas covariates or residents (e.g. ${missing.slice(0, 5).join(', ')})`);
    const align = (v: Float64Array) => Float64Array.from(idx, (i) => (i < 0 ? NaN : v[i]));
    population = align(atlas.population);
    for (const [name, c] of atlas.covariates) {
      if (o.match.includes(name) && !file.extra.has(name)) covariates.push({ id: name, label: c.label, values: align(c.values) });
    }
    if (o.exact) {
      const regions = atlas.regions.get(o.exact);
      if (!regions) throw new Error(`--exact ${o.exact}: ${LEVELS[atlas.level].label} areas do not lie within a single ${o.exact} region`);
      const ids = new Map<string, number>();
      exact = Int32Array.from(idx, (i) => {
        const r = i < 0 ? null : regions[i];
        if (r === null) return -1;
        if (!ids.has(r)) ids.set(r, ids.size);
        return ids.get(r)!;
      });
    }
  }

  const treated = readTreatedFile(at(o.treated), new Set(panel.areas));
  if (treated.header !== null) io.err(`note: the first row of ${o.treated} ("${treated.header}") is not an area in the data and was read as a header`);
  const comparison: ComparisonSpec = o.match.length
    ? { method: 'nearest', matchOn: o.match, exact, distance: o.distance, ratio: o.ratio, replace: o.replace, caliper: o.caliper }
    : { method: 'all' };
  const label = o.label ?? o.value;
  const result = runEvaluation({
    panel, treatedCodes: treated.codes, windows: { baseline: o.baseline, followup: o.followup }, comparison, covariates, population,
    populationWeights: o.populationWeights, bootstrap: o.bootstrap ? { replicates: o.bootstrap, seed: o.seed } : null,
    chosenOnOutcome: o.chosenOnOutcome, outcomeLabel: label,
  });
  const h = headline(result, 'cluster');
  const noun = atlas ? LEVELS[atlas.level].noun : 'area';
  const desc: EvaluationDescription = {
    title: `Evaluation of ${label}`,
    levelLabel: atlas ? LEVELS[atlas.level].label : `areas coded in ${o.data}`,
    outcome: {
      label, kind: o.denominator ? 'rate' : 'value', unit: o.denominator ? `per ${o.per.toLocaleString('en-GB')} ${o.denominator}` : '',
      decimals: decimalsFor(h.lower, h.upper), period: o.denominator ? periodNoun(panel.periods) : null, areaNoun: [noun, `${noun}s`],
      source: `${o.data}, column ${o.value}${o.denominator ? ` over ${o.denominator}` : ''}`,
      fromCounts: o.denominator ? `${o.value} / ${o.denominator} × ${o.per.toLocaleString('en-GB')}` : null,
    },
    intervention: `${treated.codes.length} area code${treated.codes.length === 1 ? '' : 's'} in ${o.treated}`,
    comparison: {
      method: comparison.method === 'nearest' ? 'nearest' : 'all',
      covariates: o.match.map((m) => (m === BASELINE_COVARIATE ? `${label} (baseline mean)` : covariates.find((c) => c.id === m)?.label ?? m)),
      exact: o.exact, distance: o.distance, ratio: o.ratio, replace: o.replace, caliper: o.caliper,
    },
    interval: 'cluster', populationWeights: o.populationWeights, generatedAt: null, appVersion: version, shareUrl: null,
  };
  writeFileSync(at(o.out), estimatesJson(desc, result, panel));
  io.out(resultSentence(desc, result));
  io.out(`estimate ${h.estimate.toPrecision(4)} (95 % CI ${h.lower.toPrecision(4)} to ${h.upper.toPrecision(4)}), ${result.counts.treated} intervention and ${result.counts.comparison} comparison areas`);
  if (result.bootstrap) io.out(`bootstrap (${result.bootstrap.replicates} replicates, seed ${result.bootstrap.seed}): ${result.bootstrap.lower.toPrecision(4)} to ${result.bootstrap.upper.toPrecision(4)}`);
  for (const w of result.warnings) io.err(`warning: ${w.text}`);
  io.out(`wrote ${o.out}`);
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'difference-in-differences evaluation of a programme (intervention vs matched comparison areas)',
  // The atlas dispatcher prints `usage` for --help: the full text.
  usage: HELP,
  async run(args, io) {
    if (!args.length) {
      io.err(HELP);
      return 1;
    }
    let opts: EvaluateCliOptions;
    try {
      opts = parseEvaluateOptions(args);
    } catch (e) {
      // An option error, named by the parser: the dispatcher prints it with the --help pointer.
      throw new UsageError((e as Error).message);
    }
    try {
      await evaluate(opts, io);
      return 0;
    } catch (e) {
      // A problem in the files (named with line and column by the readers), not a crash: no stack.
      io.err(`atlas evaluate failed: ${(e as Error).message}`);
      return 1;
    }
  },
};
