/**
 * Facts about a measure that depend on the options chosen: whether its values have confidence
 * intervals (APS smoking has them for 2019 only), and the caveats of the chosen period or site
 * (a period including 2020, all sites combined), and the sources behind it at a level. Read wherever
 * significance words, notes or provenance appear.
 */
import type { LevelId } from '../../geo/levels';
import { findIndicator } from '.';
import { dimensionValues, type Indicator } from './types';

/** True when the chosen options have 95 % intervals (published or computed), so "significantly" may be said. */
export function hasIntervals(ind: Indicator, dims: Record<string, string> = {}): boolean {
  if (!ind.columns.lower && !ind.ci) return false;
  const only = ind.intervalsOnly;
  if (!only) return true;
  return only.values.includes(dimensionValues(ind, dims)[only.dimension]);
}

/** Caveats attached to the chosen dimension values, in dimension order. */
export function choiceCaveats(ind: Indicator, dims: Record<string, string> = {}): string[] {
  const chosen = dimensionValues(ind, dims);
  return (ind.dimensions ?? []).flatMap((d) => d.values.find((v) => v.value === chosen[d.key])?.caveat ?? []);
}

/** The sources behind a measure at one level: MHCLG's summary files only where their values are shown. */
export function sourceIdsAt(ind: Indicator, level: LevelId): string[] {
  const { sourceIds, publishedSourceIds = [] } = ind.source;
  const rule = ind.levels[level];
  const usesPublished = rule?.kind === 'published' || (rule?.kind === 'rank-of' && findIndicator(rule.indicator)?.levels[level]?.kind === 'published');
  return usesPublished ? sourceIds : sourceIds.filter((id) => !publishedSourceIds.includes(id));
}
