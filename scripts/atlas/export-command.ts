/**
 * `atlas export`: the values of one or more measures for every area of a level (optionally inside a
 * focus region) as a CSV, computed by the app's own SQL (indicatorSql through loadIndicatorValues)
 * on the app's own tables, so a map can be reproduced in R, Python or a spreadsheet.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { methodText } from '../../src/data/catalogue/method-text';
import { focusMask, focusParentIcb, type Focus } from '../../src/data/focus-mask';
import { loadIndicatorValues, loadLevelAreas, type IndicatorValues, type LevelAreas } from '../../src/data/level-data';
import type { QueryRunner } from '../../src/data/query-runner';
import { indicatorSql } from '../../src/data/sql/indicator-sql';
import { LEVELS, type LevelId } from '../../src/geo/levels';
import { toCsv, type Cell } from '../../src/lib/csv-write';
import { DEFAULT_DATA_DIR, openAtlasData, readDataManifest, tablesUsed } from './atlas-data';
import { UsageError, writeCsvOut, type Command, type CliIo } from './command';
import { parseFlags } from './flags';
import { levelArg } from './level-arg';
import { isPracticeLevel } from '../../src/data/catalogue/practice-measures';
import { parsePracticeMeasures, runPracticeExport } from './practice-export';
import { MEASURE_SYNTAX, parseMeasureList, type MeasureSpec } from './measure-spec';

const USAGE = `npm run -s atlas -- export --level ID --measures ${MEASURE_SYNTAX} [--focus CODE] --out FILE.csv

Writes one row per area of the level: code,name and one column per measure, in the order given.
Values are computed exactly as the app computes them (same catalogue, same SQL, same tables) and
written unrounded (the app shows them rounded); an empty cell means no value (not published, or
suppressed because it rests on fewer than 10 cases). Notes on each measure (how it is made at this
level, e.g. "every ward shows its local authority's value") go to standard error.

Options:
  --level ID       geography level (ids: npm run -s atlas -- levels); practice and pcn give one row
                   per GP practice or PCN with each QOF measure's value, Wilson 95 % limits,
                   numerator and denominator (PCN = sums over its practices)
  --measures LIST  measure ids separated by commas (ids: npm run -s atlas -- measures --level ID);
                   the option may also be repeated. A measure's choices follow its id as
                   :KEY=VALUE pairs; choices not given take the app's default, e.g.
                     --measures imd2025.imd.score,smoking.aps.current:period=2019
                     --measures cancer.incidence.dsr:period=2015-2019:site=C33-C34
                   No quoting is needed. The column is named as the measure was given.
  --focus CODE     only the areas inside this ICB (E54…) or local authority (E06/E07/E08/E09…),
                   as the app's focus region selects them
  --out FILE       the CSV to write ("-" writes it to standard output)
  --data DIR       built data folder (default: public/data, or $HOTSPOT_DATA_DIR); a copied
                   dist/data works too
  --bom            start the file with a UTF-8 byte order mark (for Excel)

CSV: comma-separated, fields quoted where needed (RFC 4180, CRLF line ends). As in the app's
exports, a text cell that a spreadsheet would run as a formula (starting with = + - @) gets a
leading apostrophe; no area name in the built data starts that way, and numbers are never altered.

Examples:
  npm run -s atlas -- export --level ward24 --measures imd2025.imd.score,smoking.aps.current --focus E08000025 --out birmingham-wards.csv
  npm run -s atlas -- export --level lsoa21 --measures imd2025.imd.decile,cancer.incidence.dsr:site=C33-C34 --out lsoa.csv
`;

const FLAGS = { values: ['--level', '--measures', '--focus', '--out', '--data'], repeatable: ['--measures'], switches: ['--bom'] };

/** Resolves a focus code the way the app's focus picker offers them: ICBs and local authorities. */
function resolveFocus(code: string, icbs: LevelAreas, las: LevelAreas): { focus: Focus; name: string } {
  const la = las.indexOf.get(code);
  if (la !== undefined) return { focus: { level: 'lad24', code }, name: las.names[la] };
  const icb = icbs.indexOf.get(code);
  if (icb !== undefined) return { focus: { level: 'icb24', code }, name: icbs.names[icb] };
  throw new UsageError(`--focus: "${code}" is not a 2024 ICB (E54…) or local authority (E06, E07, E08, E09…) code in this data`);
}

function outPath(out: string | undefined, io: CliIo): string | null {
  if (out === undefined) throw new UsageError('--out is required (a CSV file path, or "-" for standard output)');
  if (out === '-') return null;
  const path = resolve(io.cwd, out);
  if (!existsSync(dirname(path)) || !statSync(dirname(path)).isDirectory()) throw new UsageError(`--out: folder ${dirname(path)} does not exist`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`--out: ${path} is a folder`);
  return path;
}

function measureNote(m: MeasureSpec, v: IndicatorValues, level: LevelId, mask: Uint8Array | null): string {
  let missing = 0;
  let suppressed = 0;
  for (let i = 0; i < v.value.length; i++) {
    if (mask && !mask[i]) continue;
    if (v.suppressed[i]) suppressed++;
    else if (!Number.isFinite(v.value[i])) missing++;
  }
  const dims = Object.entries(m.dims).map(([k, x]) => `${k}=${x}`).join(', ');
  const gaps = [missing && `${missing} without a value`, suppressed && `${suppressed} suppressed (fewer than 10 cases)`].filter(Boolean).join(', ');
  return `  ${m.column}: ${m.indicator.label}${m.indicator.unit ? ` (${m.indicator.unit})` : ''}${dims ? `; ${dims}` : ''}. ${methodText(m.indicator, level)}${gaps ? ` Empty cells: ${gaps}.` : ''}`;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const flags = parseFlags(args, FLAGS);
  const practiceLevel = flags.value('--level');
  if (isPracticeLevel(practiceLevel)) {
    if (flags.value('--focus') !== undefined) throw new UsageError('--focus is for area levels; practice and PCN exports cover England (filter on the sicbl24_code or icb24_code column)');
    const measures = parsePracticeMeasures(flags.all('--measures'));
    const out = outPath(flags.value('--out'), io);
    const dir = flags.value('--data') !== undefined ? resolve(io.cwd, flags.value('--data')!) : DEFAULT_DATA_DIR;
    return runPracticeExport(practiceLevel, measures, dir, out, flags.has('--bom'), io);
  }
  const level = levelArg(flags.value('--level'), true)!;
  const measures = parseMeasureList(flags.all('--measures'), level);
  const out = outPath(flags.value('--out'), io);
  const dir = flags.value('--data') !== undefined ? resolve(io.cwd, flags.value('--data')!) : DEFAULT_DATA_DIR;
  const manifest = readDataManifest(dir);
  if (!manifest.levels[level]) throw new UsageError(`--level: ${level} is not in the data folder ${dir}`);

  const sql = measures.map((m) => indicatorSql(m.indicator.id, level, m.dims));
  const q: QueryRunner = await openAtlasData(dir, manifest, tablesUsed(manifest, sql, '--data', dir));
  const areas = await loadLevelAreas(q, level);
  const code = flags.value('--focus');
  let focus: { focus: Focus; name: string } | null = null;
  let parentIcb: string | null = null;
  if (code !== undefined) {
    const las = await loadLevelAreas(q, 'lad24');
    focus = resolveFocus(code, await loadLevelAreas(q, 'icb24'), las);
    parentIcb = focusParentIcb(las, focus.focus);
  }
  const mask = focusMask(areas, focus?.focus ?? null, parentIcb);
  const inFocus = mask ? mask.reduce((s, x) => s + x, 0) : areas.codes.length;
  if (focus && inFocus === 0) {
    throw new UsageError(`--focus: no ${LEVELS[level].label} areas lie in ${focus.name} (${code}): ${LEVELS[level].label} areas are not assigned to a ${LEVELS[focus.focus.level].noun}; choose another level or focus`);
  }
  const values: IndicatorValues[] = [];
  for (const m of measures) values.push(await loadIndicatorValues(q, m.indicator.id, level, m.dims, areas));

  const rows: Cell[][] = [];
  for (let i = 0; i < areas.codes.length; i++) {
    if (mask && !mask[i]) continue;
    rows.push([areas.codes[i], areas.names[i], ...values.map((v) => (Number.isFinite(v.value[i]) ? v.value[i] : null))]);
  }
  const csv = toCsv(['code', 'name', ...measures.map((m) => m.column)], rows, { guardFormulas: true, bom: flags.has('--bom') });
  writeCsvOut(csv, out, io);

  const where = focus ? ` in ${focus.name} (${code})` : ' in England';
  io.err(`${rows.length} ${LEVELS[level].label} areas${where} × ${measures.length} measure${measures.length === 1 ? '' : 's'}${out ? ` → ${out}` : ''} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  measures.forEach((m, j) => io.err(measureNote(m, values[j], level, mask)));
  return 0;
}

export const exportCommand: Command = { name: 'export', summary: 'write measures for every area of a level to CSV', usage: USAGE, run };
