/**
 * Builds the one input every export writer takes (src/export/types): the rows on screen plus their
 * provenance, i.e. the datasets behind the shown measures and the boundaries (from the data
 * manifest), the method in sentences, the parameters that reproduce the view, the date and the
 * share link. The writers never look at state; everything they need is in here.
 */
import { version } from '../../../package.json';
import { getIndicator } from '../../data/catalogue';
import { directionText } from '../../data/catalogue/direction';
import { sourceIdsAt } from '../../data/catalogue/measure-notes';
import { methodText } from '../../data/catalogue/method-text';
import type { Indicator } from '../../data/catalogue/types';
import type { DataManifest } from '../../data/manifest';
import { APP_NAME } from '../../export/provenance';
import type { DatasetRef, ExportColumn, Parameter, ShortlistExport, ShortlistRow, ShortlistTotals } from '../../export/types';
import { LEVELS, type LevelId } from '../../geo/levels';
import type { ShortlistColumn } from '../../state/shortlist-spec';
import type { ViewState } from '../../state/view-state';
import type { ReachProfile } from '../../data/reach-profile';
import type { AreaCriteria } from './criteria';
import { columnKey, columnLabel, criteriaColumns } from './shortlist-rows';

/** Boundary, lookup and population sources behind each stack of levels. */
const GEOGRAPHY_SOURCES: Record<'2021' | '2011', string[]> = {
  '2021': ['lsoa21Boundaries', 'lsoa21Ward24Lad24', 'lsoa21Icb24', 'census2021Population'],
  '2011': ['lsoa11Boundaries', 'lsoa11Lsoa21', 'lsoa11Icb22', 'imd2019Population'],
};

export function shortlistTitle(title: string, focusLabel: string): string {
  return title || `Shortlist – ${focusLabel === 'all of England' ? 'England' : focusLabel}`;
}

/** Sources of the "who it reaches" profile: ages, ethnic group, IMD 2025 (Core20), APS smoking, single-year ages for 55–74. */
const REACH_SOURCES = ['census2021Population', 'ethnicityTs021', 'imd2025', 'smokingApsLad', 'smokingApsLtla2019', 'smokingUtla2019', 'populationSingleYear', 'lsoa11CancerDataUnit', 'lsoa11Lsoa21'];

function datasets(manifest: DataManifest, level: LevelId, indicators: readonly Indicator[], extra: readonly string[] = []): DatasetRef[] {
  const ids = new Set([...(GEOGRAPHY_SOURCES[LEVELS[level].stack] ?? []), ...extra]);
  if (level === 'cal19') ids.add('ccg19CancerAlliance');
  if (level === 'cal22') ids.add('cal22Mapping');
  for (const ind of indicators) for (const id of sourceIdsAt(ind, level)) ids.add(id);
  return manifest.sources
    .filter((s) => ids.has(s.id))
    .map((s) => ({ title: s.title, publisher: s.publisher, licence: s.licence, vintage: s.vintage, attribution: s.attribution, ...(/^https?:\/\//.test(s.origin) ? { url: s.origin } : {}) }));
}

export interface ExportContext {
  state: ViewState;
  manifest: DataManifest;
  level: LevelId;
  focusLabel: string;
  columns: readonly ShortlistColumn[];
  exportColumns: ExportColumn[];
  rows: ShortlistRow[];
  totals: ShortlistTotals;
  criteria: AreaCriteria | null;
  shareUrl: string;
  /** ISO date-time of the export (passed in so the writers stay pure). */
  now: string;
}

/** What the composite's and the rule's inputs need saying: inputs that do not vary, inherited values. */
function variationLines(criteria: AreaCriteria | null): string[] {
  const lines: string[] = [];
  for (const [what, v] of [['Composite risk index', criteria?.composite?.variation], ['Overlap rule', criteria?.rule?.variation]] as const) {
    if (!v) continue;
    if (v.statement) lines.push(`${what}: ${v.statement}${v.suggestLevel ? ` Every input varies at ${LEVELS[v.suggestLevel].label} level.` : ''}`);
    for (const n of v.inherited) lines.push(`${what}: ${n}`);
  }
  return lines;
}

/** How each composite or rule input is made at this level, once per measure not already listed. */
function inputMethods(inputs: ReturnType<typeof criteriaColumns>, columns: readonly ShortlistColumn[], level: LevelId): string[] {
  const said = new Set(columns.map((c) => c.id));
  const out: string[] = [];
  for (const c of [...inputs.composite, ...inputs.rule]) {
    if (c.column.part !== 'value' || said.has(c.indicator.id)) continue;
    said.add(c.indicator.id);
    out.push(`${c.indicator.label}: ${directionText(c.indicator)}. ${methodText(c.indicator, level)}`);
  }
  return out;
}

/** What the map showed when the list was exported: the single measure, or the view that replaced it. */
export function mapMeasure(state: Pick<ViewState, 'mode' | 'indicator' | 'dims' | 'combine' | 'hotspots'>, criteria: AreaCriteria | null): string {
  const label = (m: { indicator: string; dims: Record<string, string> }) => columnLabel({ id: m.indicator, dims: m.dims });
  switch (state.mode) {
    case 'indicator': return label(state);
    case 'composite': return `Composite risk index of ${state.combine.composite.inputs.map(label).join(', ')} (see Method)`;
    case 'rules': return `Overlap rule: ${criteria?.rule?.label ?? state.combine.rules.conditions.map(label).join(' and ')}`;
    case 'bivariate': return `Bivariate map: ${label(state.combine.bivariate.x)} (columns) by ${label(state.combine.bivariate.y)} (rows)`;
    case 'hotspots': return criteria?.hotspots ? `Hotspots: ${criteria.hotspots.description}` : 'Hotspots (see Method)';
    case 'evaluate': return 'Evaluation groups (programme and comparison areas)';
    default: return `${state.mode} view`;
  }
}

export function buildExportInput(x: ExportContext): ShortlistExport {
  const lv = LEVELS[x.level];
  // Each column's indicator: the list's own measures, and the inputs of the composite and rule.
  const inputs = criteriaColumns(x.criteria);
  const indicatorOf = new Map<string, Indicator>([
    ...x.columns.map((c) => [columnKey(c), getIndicator(c.id)] as const),
    ...[...inputs.composite, ...inputs.rule].map((c) => [c.column.id, c.indicator] as const),
  ]);
  const sets = datasets(x.manifest, x.level, [...indicatorOf.values()]);
  const method = [
    `Areas are ${lv.label} areas picked by the planner in ${APP_NAME}; the rank is the planner's order of priority, not a statistical ranking.`,
    ...x.columns.map((c) => `${columnLabel(c)}: ${directionText(getIndicator(c.id))}. ${methodText(getIndicator(c.id), x.level)}`),
    ...inputMethods(inputs, x.columns, x.level),
    'Residents: Census 2021 usual residents (LSOA 2011 areas: mid-2015 estimates from the IoD2019 denominators).',
  ];
  if (x.criteria?.rule) method.push(`Conditions met: the overlap-rule conditions each area meets (${x.criteria.rule.label}).`);
  if (x.criteria?.composite) method.push(x.criteria.composite.formula);
  method.push(...variationLines(x.criteria));
  if (x.criteria?.hotspots) method.push(`Hotspot class: ${x.criteria.hotspots.description}.`);
  const parameters: Parameter[] = [
    { key: 'Geography level', value: lv.label },
    { key: 'Focus region', value: x.state.focus ? `${x.focusLabel} (${x.state.focus.code})` : 'All of England' },
    { key: 'Map measure', value: mapMeasure(x.state, x.criteria) },
    ...(x.state.mode === 'indicator' ? [{ key: 'Map classification', value: x.state.classification ? `${x.state.classification.method}, ${x.state.classification.classes} classes, breaks from ${x.state.classification.scope === 'england' ? 'England' : 'the focus region'}` : 'the measure\'s default' }] : []),
  ];
  // Each measure names the first of its manifest sources (the publisher's dataset, not a lookup).
  const sourceOf = (id: string) => x.manifest.sources.find((m) => m.id === indicatorOf.get(id)?.source.sourceIds[0])?.title;
  const columns = x.exportColumns.map(({ source: _, ...ec }) => {
    const title = sourceOf(ec.id);
    return title ? { ...ec, source: title } : ec;
  });
  return {
    title: shortlistTitle(x.state.shortlist.title, x.focusLabel),
    level: { id: x.level, label: lv.label },
    columns,
    rows: x.rows,
    totals: x.totals,
    provenance: { datasets: sets, method, parameters, generatedAt: x.now, shareUrl: x.shareUrl, appVersion: version },
    conditionsColumn: !!x.criteria?.rule,
  };
}

/** The export with its "who it reaches" profile: the profile's sources join the datasets, its method the method. */
export function withReach(input: ShortlistExport, reach: ReachProfile, manifest: DataManifest): ShortlistExport {
  const method = [...input.provenance.method, ...reach.sections.map((s) => `Who it reaches, ${s.title.toLowerCase()}: ${s.note}`)];
  // The list's own sources (its measures and the composite's and rule's inputs), then the profile's.
  const sets = [...input.provenance.datasets];
  for (const d of datasets(manifest, input.level.id, [], REACH_SOURCES)) if (!sets.some((s) => s.title === d.title)) sets.push(d);
  return { ...input, reach, provenance: { ...input.provenance, datasets: sets, method }, briefProvenance: input.provenance };
}
