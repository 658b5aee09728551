/**
 * Says when a composite index or an overlap rule cannot mean what it looks like: an input with one
 * value for every area of the region (ward smoking inside one council, lung incidence inside one
 * Sub-ICB location) adds the same to every area, so the ranking comes from the other inputs alone.
 * Judged from the values actually in the region, and explained from the catalogue (the level the
 * input is measured at). The same words go on screen (legend and panel) and into exports.
 */
import { valueSpread } from '../../analysis/combine/value-spread';
import { inheritedAt } from '../../data/catalogue/inherited';
import type { Indicator } from '../../data/catalogue/types';
import { finestVaryingLevel } from '../../data/finest-varying-level';
import { LEVELS, type LevelId } from '../../geo/levels';
import type { LoadedMeasure } from './combine-inputs';
import { plural } from './composite-text';
import { measureLabel } from './rules-text';

export interface VariationInput {
  /** e.g. "Adult smokers % (APS), 2019". */
  label: string;
  indicator: Indicator;
  values: Float64Array;
}

export interface VariationReport {
  /** Inputs with one value for every area of the region. */
  constant: string[];
  /** Inputs that tell the areas apart. */
  varying: string[];
  /** For inputs inherited from a coarser area but not constant: how few values they take. */
  inherited: string[];
  /** The warning for the screen and exports; null when every input varies. */
  statement: string | null;
  /** The finest level where no input is inherited, when there is one coarser than this. */
  suggestLevel: LevelId | null;
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const measuredFor = (ind: Indicator, level: LevelId) => {
  const from = inheritedAt(ind, level);
  return from ? ` (measured for the whole ${LEVELS[from].noun})` : '';
};

function statementFor(kind: 'composite' | 'rule', constant: string[], varying: string[], level: LevelId, region: string): string {
  const noun = LEVELS[level].noun;
  const nouns = plural(noun);
  const verb = constant.length === 1 ? 'has' : 'have';
  const where = `In ${region}, ${andList(constant)} ${verb} one value for every ${noun}`;
  if (!varying.length) {
    return kind === 'composite'
      ? `${where}: no input varies between ${nouns}, so every ${noun} gets the same index and it ranks nothing.`
      : `${where}: every ${noun} meets the same conditions, so the rule cannot tell ${nouns} apart.`;
  }
  const by = varying.length === 1 ? `${varying[0]} alone` : `${andList(varying)} only`;
  return kind === 'composite'
    ? `${where}, so ${constant.length === 1 ? 'it adds' : 'they add'} the same to every ${noun}: the index ranks ${nouns} by ${by}.`
    : `${where}: ${constant.length === 1 ? 'its condition is' : 'their conditions are'} met by every ${noun} or by none, so the rule picks ${nouns} by ${by}.`;
}

/**
 * `mask` is the focus region (null: England) and `region` its name. Inputs are those that take part
 * (a composite's inputs with a weight, a rule's judged conditions).
 */
export function variationReport(kind: 'composite' | 'rule', inputs: readonly VariationInput[], level: LevelId, mask: Uint8Array | null, region: string): VariationReport {
  const constant: string[] = [];
  const varying: string[] = [];
  const inherited: string[] = [];
  const where = mask ? region : 'England';
  for (const x of inputs) {
    const s = valueSpread(x.values, mask);
    if (s.constant) {
      constant.push(`${x.label}${measuredFor(x.indicator, level)}`);
      continue;
    }
    varying.push(x.label);
    const from = inheritedAt(x.indicator, level);
    if (from && s.present > 0) {
      inherited.push(`${x.label} is measured for the ${LEVELS[from].label}: it takes ${s.distinct} different value${s.distinct === 1 ? '' : 's'} across the ${s.present} ${plural(LEVELS[level].noun)} in ${where}, one per ${LEVELS[from].noun}.`);
    }
  }
  const statement = constant.length ? statementFor(kind, constant, varying, level, where) : null;
  const finest = statement ? finestVaryingLevel(inputs.map((x) => x.indicator), level) : null;
  return { constant, varying, inherited, statement, suggestLevel: finest && finest !== level ? finest : null };
}

/** The loaded measures that take part (`takes(slot)`), as variation inputs. */
export function variationInputs(measures: readonly LoadedMeasure[], takes: (slot: number) => boolean = () => true): VariationInput[] {
  return measures.flatMap((m, slot) => (m.values && takes(slot) ? [{ label: measureLabel(m.indicator, m.dims), indicator: m.indicator, values: m.values.value }] : []));
}
