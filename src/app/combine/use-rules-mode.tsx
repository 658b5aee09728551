/** The overlap rule as a map mode: conditions met per area (0…k), "all met" outlined, counts. */
import { useMemo } from 'react';
import { UNKNOWN } from '../../analysis/combine/rule-conditions';
import { LEVELS } from '../../geo/levels';
import { meshLayer } from '../../map/outline-layers';
import type { TableModel } from '../../ui/AreaTable';
import { formatCount } from '../../ui/format';
import { Legend, type LegendModel } from '../../ui/Legend';
import { allMetWords, metCountWords } from '../../ui/met-words';
import { RuleCountTable, type RuleCountModel } from '../../ui/RuleCountTable';
import type { AtlasContext, TooltipLine } from '../atlas-context';
import type { LevelAreas } from '../../data/level-data';
import { areaRings } from './area-rings';
import { ALL_MET_OUTLINE, css, paint, ruleColours } from './combine-colours';
import { fastCount } from './table-format';
import { specHash, type CombineMode } from './use-composite-mode';
import { useRules, type RuleModel } from './use-rules';
import { useGroupResidents, type GroupCount } from './group-residents';
import { useVariationWarning } from './use-variation-warning';
import { useLazy, useSettled } from './use-settled';

const RULES_MODE = 'rules';

const metWord = (v: number) => (v === UNKNOWN ? 'no value' : v ? 'met' : 'not met');

function rulesLegend(m: RuleModel): LegendModel {
  const k = m.conditions.length;
  const colours = ruleColours(k);
  return {
    title: 'Overlap rule: conditions met',
    items: Array.from({ length: k + 1 }, (_, j) => k - j).map((c) => ({
      colour: css(colours[c]), label: c === k ? `${allMetWords(k)} (outlined)` : metCountWords(c, k), count: m.tally.byCount[c].areas,
    })),
    // The shared legend says "Darkest:"; the blues darken with each condition met and "all met" is orange.
    worseLabel: `more conditions met (blue); ${allMetWords(k).toLowerCase()} in orange, outlined when zoomed in on small areas`,
    noData: m.tally.incomplete.areas,
    classification: 'Areas in view by how many conditions they meet.',
    method: m.problem ?? `Rule: ${m.conditions.map((c, j) => `(${j + 1}) ${c.label}`).join('; ')}.`,
    notes: m.notes,
  };
}

function countModel(m: RuleModel, scopeLabel: string, groups: GroupCount[]): RuleCountModel {
  const k = m.conditions.length;
  const total = m.tally.scope.residents;
  const share = (r: number) => (total > 0 ? r / total : 0);
  const all = m.tally.byCount[k];
  const allMask = (1 << k) - 1;
  const inCell = (mask: number) => groups.map((g) => g.byMask.get(mask) ?? 0);
  return {
    conditions: m.conditions.map((c) => c.label),
    rows: m.tally.combos.map((c) => ({ key: c.mask.toString(2).padStart(k, '0'), met: m.conditions.map((_, j) => (c.mask & (1 << j)) !== 0), areas: c.areas, residents: c.residents, share: share(c.residents), groups: inCell(c.mask) })),
    incomplete: m.tally.incomplete,
    scopeLabel,
    allMet: { areas: all.areas, residents: all.residents, share: share(all.residents), groups: inCell(allMask) },
    groups: groups.map((g) => g.label),
    incompleteGroups: groups.map((g) => g.incomplete),
  };
}

function rulesTable(areas: LevelAreas, m: RuleModel, mask: Uint8Array | null): TableModel {
  const k = m.conditions.length;
  const rows: TableModel['rows'] = [];
  for (let i = 0; i < areas.codes.length; i++) {
    if (mask && !mask[i]) continue;
    const met = m.tally.met[i];
    rows.push({
      id: areas.codes[i],
      cells: [areas.names[i], areas.codes[i], met === UNKNOWN ? 'no value for some condition' : `${met} of ${k}`, ...m.conditions.map((c) => metWord(c.met[i])), fastCount(areas.population[i])],
      sort: [NaN, NaN, met === UNKNOWN ? NaN : met, ...m.conditions.map((c) => (c.met[i] === UNKNOWN ? NaN : c.met[i])), areas.population[i]],
    });
  }
  return {
    caption: `Overlap rule by ${LEVELS[areas.level].label}`,
    columns: [
      { key: 'name', label: 'Area', numeric: false },
      { key: 'code', label: 'Code', numeric: false },
      { key: 'met', label: 'Conditions met', numeric: true },
      ...m.conditions.map((c, j) => ({ key: `c${j}`, label: `(${j + 1}) ${c.label}`, numeric: true })),
      { key: 'pop', label: 'Residents', numeric: true },
    ],
    rows,
  };
}

/** Outlines are drawn where they can be told apart: always for larger areas, zoomed in for small ones. */
const outlineFromZoom = (level: string) => (level === 'lsoa21' || level === 'lsoa11' ? 9 : level === 'ward24' ? 8 : 0);

export function useRulesMode(ctx: AtlasContext, active: boolean): CombineMode | null {
  const { state, frame, mask } = ctx;
  const spec = state.combine.rules;
  const { model, loading, error } = useRules(ctx, spec, active);
  const groups = useGroupResidents(ctx, spec, model, active);
  const colours = useMemo(() => (model ? paint(Int16Array.from(model.tally.met, (v) => (v === UNKNOWN ? -1 : v)), ruleColours(model.conditions.length)) : null), [model]);
  const showOutline = !!frame && state.viewport.zoom >= outlineFromZoom(frame.level);
  const overlays = useMemo(() => {
    if (!active || !model || !frame || !showOutline || model.problem) return undefined;
    const k = model.conditions.length;
    const lines = areaRings(frame.geometry.polygons, (i) => model.tally.met[i] === k && (!mask || mask[i] === 1));
    return [meshLayer(`rules-all-met-${frame.level}`, lines, ALL_MET_OUTLINE, 1.6)];
  }, [active, model, frame, showOutline, mask]);
  const latest = useMemo(() => (frame && model ? { areas: frame.areas, model, mask } : null), [frame, model, mask]);
  const settled = useSettled(latest, 250);
  const table = useLazy(() => (settled ? rulesTable(settled.areas, settled.model, settled.mask) : null), [settled]);
  const warning = useVariationWarning(ctx, model && !model.problem ? model.variation : null);
  if (!active) return null;
  const ready = !!(frame && model && colours);
  const viewKey = `${state.level}|${RULES_MODE}|${specHash(spec)}`;
  return {
    label: 'Overlap rule',
    viewKey,
    colourKey: `${viewKey}|${state.focus?.code ?? ''}|${model?.hotspotKey ?? ''}`,
    ready,
    colours,
    legend: ready ? (
      <>
        <Legend model={{ ...rulesLegend(model), warning }} />
        {!model.problem && <RuleCountTable model={countModel(model, ctx.focusLabel, groups)} />}
      </>
    ) : null,
    get table() {
      return table();
    },
    tooltip: (i): TooltipLine[] => (ready ? rulesTooltip(model, i) : []),
    detail: (i) => (ready && !model.problem ? <RuleDetail model={model} index={i} /> : null),
    busy: loading ? `Loading the rule's measures for ${LEVELS[state.level].label}` : null,
    error,
    overlays,
    warning,
  };
}

function rulesTooltip(m: RuleModel, i: number): TooltipLine[] {
  const met = m.tally.met[i];
  const k = m.conditions.length;
  return [
    { label: 'Conditions met', value: met === UNKNOWN ? 'no value for some condition' : `${formatCount(met)} of ${k}` },
    ...m.conditions.map((c, j) => ({ label: `(${j + 1}) ${c.label}`, value: metWord(c.met[i]) })),
  ];
}

function RuleDetail({ model, index }: { model: RuleModel; index: number }) {
  const met = model.tally.met[index];
  return (
    <section className="combine-detail" aria-label="Overlap rule for this area" data-testid="rule-detail">
      <h3>Overlap rule: {met === UNKNOWN ? 'no value for some condition' : `${met} of ${model.conditions.length} conditions met`}</h3>
      <ul className="rule-detail-list">
        {model.conditions.map((c, j) => (
          <li key={j}><span aria-hidden="true">{c.met[index] === 1 ? '✓' : c.met[index] === 0 ? '✗' : '?'}</span> {c.label}: <strong>{metWord(c.met[index])}</strong></li>
        ))}
      </ul>
    </section>
  );
}
