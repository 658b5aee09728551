/**
 * The measure list of `atlas export --measures`: ids separated by commas, each optionally followed
 * by its choices as `:KEY=VALUE` pairs, e.g.
 *
 *   imd2025.imd.score,cancer.incidence.dsr:period=2015-2019:site=C33-C34
 *
 * Colons and equals signs need no quoting in sh, bash, zsh, cmd or PowerShell, and no id or choice
 * value contains a comma, colon or equals sign (measure-spec.test.ts checks the catalogue), so the
 * list splits without ambiguity. Choices not given take the app's defaults (dimensionValues).
 */
import { findIndicator, isAvailable } from '../../src/data/catalogue';
import { dimensionValues, type Indicator } from '../../src/data/catalogue/types';
import { LEVELS, type LevelId } from '../../src/geo/levels';
import { UsageError } from './command';

export const MEASURE_SYNTAX = 'ID[:KEY=VALUE[:KEY=VALUE…]][,ID…]';

export interface MeasureSpec {
  /** The CSV column name: the id, plus the choices as given (in the catalogue's order). */
  column: string;
  indicator: Indicator;
  /** Every choice in effect (given ones, then the app's defaults). */
  dims: Record<string, string>;
}

const listed = (values: readonly string[], max = 8) => (values.length > max ? `${values.slice(0, max).join(', ')}, … (${values.length} in all)` : values.join(', '));

function parseOne(item: string, level: LevelId): MeasureSpec {
  const [id, ...pairs] = item.split(':');
  const ind = findIndicator(id);
  if (!ind) throw new UsageError(`--measures: unknown measure "${id}" (list them with: npm run -s atlas -- measures --level ${level})`);
  if (!isAvailable(ind, level)) {
    const why = ind.unavailable?.[level] ?? 'the catalogue has no rule for this level.';
    throw new UsageError(`--measures: ${id} is not available at level ${level} (${LEVELS[level].label}): ${why}`);
  }
  const dimensions = ind.dimensions ?? [];
  const chosen: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--measures: "${pair}" in "${item}" is not KEY=VALUE (syntax: ${MEASURE_SYNTAX})`);
    const [key, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
    const d = dimensions.find((x) => x.key === key);
    if (!d) {
      throw new UsageError(dimensions.length
        ? `--measures: ${id} has no choice "${key}"; its choices are ${dimensions.map((x) => x.key).join(', ')}`
        : `--measures: ${id} has no choices (got "${pair}")`);
    }
    if (key in chosen) throw new UsageError(`--measures: ${id}: choice "${key}" is given twice`);
    if (!d.values.some((v) => v.value === value)) {
      throw new UsageError(`--measures: ${id}: ${key} "${value}" is not one of ${listed(d.values.map((v) => v.value))} (all values: npm run -s atlas -- measures --choices)`);
    }
    chosen[key] = value;
  }
  const dims = dimensionValues(ind, chosen);
  // A value that only exists with another (breast → females) must not silently override a choice given.
  for (const [key, value] of Object.entries(chosen)) {
    if (dims[key] !== value) {
      const by = dimensions.find((d) => d.values.find((v) => v.value === dims[d.key])?.requires?.[key] === dims[key]);
      throw new UsageError(`--measures: ${id}: ${key}=${value} cannot be combined with ${by ? `${by.key}=${dims[by.key]}, which needs ${key}=${dims[key]}` : 'the other choices'}`);
    }
  }
  const given = dimensions.filter((d) => d.key in chosen).map((d) => `:${d.key}=${chosen[d.key]}`).join('');
  return { column: `${id}${given}`, indicator: ind, dims };
}

/** Parses every `--measures` value (the flag may be repeated), in the order given. */
export function parseMeasureList(values: readonly string[], level: LevelId): MeasureSpec[] {
  const items = values.flatMap((v) => v.split(','));
  if (!items.length) throw new UsageError(`--measures is required (syntax: ${MEASURE_SYNTAX})`);
  const out: MeasureSpec[] = [];
  for (const raw of items) {
    const item = raw.trim();
    if (!item) throw new UsageError(`--measures: empty entry in "${values.join(',')}" (syntax: ${MEASURE_SYNTAX})`);
    const spec = parseOne(item, level);
    if (out.some((o) => o.column === spec.column)) throw new UsageError(`--measures: ${spec.column} is listed twice`);
    out.push(spec);
  }
  return out;
}
