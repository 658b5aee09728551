/**
 * The "Combine" tab: choose one of the three views (composite index, overlap rules, bivariate map)
 * and its settings. Every control writes the view state and switches the map to that view.
 */
import { useId, useState } from 'react';
import { findIndicator, isAvailable } from '../../data/catalogue';
import { defaultRiskDirection } from '../../data/catalogue/direction';
import { CORE20_EDITION_NOTE, TARGETING_NOTE } from '../../data/catalogue/targeting';
import { LEVELS } from '../../geo/levels';
import {
  BIVARIATE_SCHEMES, COMBINE_CLASS_METHODS, MAX_COMPOSITE_INPUTS, MAX_RULE_CONDITIONS, MAX_WEIGHT, NORMALISATIONS,
  type BivariateSpec, type CombineClassification, type CombineSpec, type CompositeSpec, type RuleSpec, type RuleTest,
} from '../../state/combine-spec';
import type { ViewState } from '../../state/view-state';
import { BivariateControls } from '../../ui/BivariateControls';
import { CombineClassControls } from '../../ui/CombineClassControls';
import { CompositeControls } from '../../ui/CompositeControls';
import { formatNumber } from '../../ui/format';
import { RuleBuilder } from '../../ui/RuleBuilder';
import { VariationWarning, type VariationWarningModel } from '../../ui/VariationWarning';
import type { AtlasContext } from '../atlas-context';
import { useHotspotClasses } from '../hotspots/hotspot-classes';
import { BIVARIATE_SCHEME_INFO } from './combine-colours';
import { NORMALISATION_LABELS } from './composite-text';
import { defaultTest, dimControls, measureOptions, shortLabel, testOptions } from './measure-options';
import { ethnicityPreset, ethnicityPresetLabel, ETHNICITY_PRESET_HINT, ETHNICITY_PRESET_ID } from './ethnicity-presets';
import { presetRule, RULE_PRESETS, type RulePresetId } from './rule-presets';
import { useBreaksRegion } from './use-class-breaks';
import { HelpTip } from '../../ui/help/HelpTip';

export const COMBINE_VIEWS = [
  { id: 'composite', label: 'Composite risk index', hint: 'Several indicators weighted into one score per area.' },
  { id: 'rules', label: 'Overlap rules', hint: 'Where chosen conditions coincide, with counts of areas and residents.' },
  { id: 'bivariate', label: 'Bivariate map', hint: 'Two indicators at once in a 3 × 3 colour grid.' },
] as const;
export type CombineView = (typeof COMBINE_VIEWS)[number]['id'];

const METHOD_LABELS: Record<CombineClassification['method'], string> = {
  quantile: 'Quantiles (equal counts)', ckmeans: 'Natural breaks (ckmeans)', equal: 'Equal intervals', custom: 'Custom thresholds',
};

function unavailableNote(id: string, level: ViewState['level']): string | null {
  const ind = findIndicator(id);
  if (!ind || isAvailable(ind, level)) return null;
  return `Not available for ${LEVELS[level].label}: left out here. ${ind.unavailable?.[level] ?? ''}`.trim();
}

/** `warning`: the active composite or rule's inputs that do not vary in the focus region. */
export function CombinePanel({ ctx, warning }: { ctx: AtlasContext; warning: VariationWarningModel | null }) {
  const { state } = ctx;
  const ours = COMBINE_VIEWS.some((v) => v.id === state.mode);
  const [picked, setPicked] = useState<CombineView>(ours ? (state.mode as CombineView) : 'composite');
  const view = ours ? (state.mode as CombineView) : picked;
  const name = useId();
  const set = (v: CombineView, patch: (c: CombineSpec) => Partial<CombineSpec>) => {
    setPicked(v);
    ctx.update((s) => ({ combine: { ...s.combine, ...patch(s.combine) }, mode: v }));
  };
  return (
    <div className="combine-panel">
      <fieldset className="combine-views">
        <legend>Combine indicators</legend>
        {COMBINE_VIEWS.map((v) => (
          <div key={v.id} className="combine-view-choice">
            <input type="radio" id={`${name}-${v.id}`} name={name} value={v.id} checked={view === v.id}
              onChange={() => set(v.id, () => ({}))} data-testid={`combine-view-${v.id}`} aria-describedby={`${name}-${v.id}-hint`} />
            <label htmlFor={`${name}-${v.id}`}>{v.label}</label>
            <span id={`${name}-${v.id}-hint`} className="hint">{v.hint}</span>
          </div>
        ))}
        {!ours && (
          <div className="combine-not-shown" role="status">
            <p className="hint">The settings below are for the {COMBINE_VIEWS.find((v) => v.id === view)!.label.toLowerCase()}; the map still shows {state.mode === 'indicator' ? 'the Map tab\'s measure' : 'another view'}.</p>
            <button type="button" className="primary-button" onClick={() => set(view, () => ({}))} data-testid="combine-show">Show the {COMBINE_VIEWS.find((v) => v.id === view)!.label.toLowerCase()} on the map</button>
          </div>
        )}
      </fieldset>
      {ours && <HelpTip topic={view} />}
      {ours && view !== 'bivariate' && warning && <VariationWarning model={warning} testId="combine-variation" />}
      {view === 'composite' && <CompositePanel ctx={ctx} onChange={(f) => set('composite', (c) => ({ composite: f(c.composite) }))} />}
      {view === 'rules' && <RulesPanel ctx={ctx} onChange={(f) => set('rules', (c) => ({ rules: f(c.rules) }))} />}
      {view === 'bivariate' && <BivariatePanel ctx={ctx} onChange={(f) => set('bivariate', (c) => ({ bivariate: f(c.bivariate) }))} />}
    </div>
  );
}

function ClassControls({ ctx, cls, fixed, testId, onChange }: { ctx: AtlasContext; cls: CombineClassification; fixed: boolean; testId: string; onChange(c: CombineClassification): void }) {
  const region = useBreaksRegion(ctx, cls.breaksFrom);
  return (
    <CombineClassControls method={cls.method} methods={COMBINE_CLASS_METHODS.map((m) => ({ value: m, label: fixed && m === 'quantile' ? 'Terciles (equal counts)' : METHOD_LABELS[m] }))}
      classes={fixed ? null : cls.classes} custom={cls.custom} breaksFrom={region.label} stale={region.stale} source={region.source} hasFocus={!!ctx.state.focus} focusLabel={ctx.focusLabel} testId={testId}
      onMethod={(m) => onChange({ ...cls, method: m as CombineClassification['method'] })} onClasses={(classes) => onChange({ ...cls, classes })}
      onCustom={(custom) => onChange({ ...cls, custom })} onSource={(src) => onChange({ ...cls, breaksFrom: src === 'focus' ? 'focus' : null })} />
  );
}

function CompositePanel({ ctx, onChange }: { ctx: AtlasContext; onChange(f: (c: CompositeSpec) => CompositeSpec): void }) {
  const spec = ctx.state.combine.composite;
  const level = ctx.state.level;
  // A context measure without a chosen direction is left out, like one not available here.
  const leftOut = (i: CompositeSpec['inputs'][number]) => unavailableNote(i.indicator, level)
    ?? (i.direction === 'unset' ? 'Left out until you choose whether higher or lower values mean more risk: this is a context measure, with no worse end.' : null);
  const total = spec.inputs.reduce((s, i) => s + (leftOut(i) ? 0 : i.weight), 0);
  const options = measureOptions(level, spec.inputs.map((i) => i.indicator));
  return (
    <section aria-label="Composite risk index settings">
      <CompositeControls
        inputs={spec.inputs.map((i) => {
          const note = leftOut(i);
          return {
            indicator: i.indicator, label: shortLabel(i.indicator), dims: dimControls(i), direction: i.direction, weight: i.weight, note,
            share: note ? 'left out' : total > 0 ? `${formatNumber((100 * i.weight) / total, 0)} % of the index` : 'no weight',
          };
        })}
        measures={options} maxInputs={MAX_COMPOSITE_INPUTS} maxWeight={MAX_WEIGHT}
        normalisation={spec.normalisation} normalisations={NORMALISATIONS.map((n) => ({ value: n, label: NORMALISATION_LABELS[n] }))}
        reference={spec.reference} focusLabel={ctx.focusLabel} hint={TARGETING_NOTE}
        onInput={(k, patch) => onChange((c) => ({
          ...c,
          inputs: c.inputs.map((x, j) => {
            if (j !== k) return x;
            if (patch.indicator && patch.indicator !== x.indicator) {
              const ind = findIndicator(patch.indicator);
              return { ...x, indicator: patch.indicator, dims: {}, direction: defaultRiskDirection(ind) };
            }
            return { ...x, ...patch, dims: patch.dims ? { ...x.dims, ...patch.dims } : x.dims };
          }),
        }))}
        onAdd={() => onChange((c) => {
          const used = new Set(c.inputs.map((i) => i.indicator));
          const next = options.find((o) => !used.has(o.value) && !o.disabled) ?? options[0];
          const ind = findIndicator(next.value);
          return { ...c, inputs: [...c.inputs, { indicator: next.value, dims: {}, direction: defaultRiskDirection(ind), weight: 1 }] };
        })}
        onRemove={(k) => onChange((c) => ({ ...c, inputs: c.inputs.filter((_, j) => j !== k) }))}
        onNormalisation={(n) => onChange((c) => ({ ...c, normalisation: n as CompositeSpec['normalisation'] }))}
        onReference={(r) => onChange((c) => ({ ...c, reference: r as CompositeSpec['reference'] }))}
      />
      <details className="style-controls" open>
        <summary>Classes</summary>
        <ClassControls ctx={ctx} cls={spec.classification} fixed={false} testId="composite-class" onChange={(classification) => onChange((c) => ({ ...c, classification }))} />
      </details>
    </section>
  );
}

/** The flag is present only when set, so a rule without it reads the same before and after a share link. */
function withHotspot(r: RuleSpec, on: boolean): RuleSpec {
  const { inHotspot, ...rest } = r;
  return on ? { ...rest, inHotspot: true } : rest;
}

function RulesPanel({ ctx, onChange }: { ctx: AtlasContext; onChange(f: (r: RuleSpec) => RuleSpec): void }) {
  const spec = ctx.state.combine.rules;
  const level = ctx.state.level;
  const hs = useHotspotClasses(level);
  return (
    <section aria-label="Overlap rule settings">
      <RuleBuilder
        conditions={spec.conditions.map((c) => ({
          indicator: c.indicator, label: shortLabel(c.indicator), dims: dimControls(c), test: c.test, tests: testOptions(c.indicator, c.dims), note: unavailableNote(c.indicator, level),
        }))}
        measures={measureOptions(level, spec.conditions.map((c) => c.indicator))} maxConditions={MAX_RULE_CONDITIONS}
        inFocus={spec.inFocus} focusLabel={ctx.state.focus ? ctx.focusLabel : null}
        presets={[...RULE_PRESETS.map((p) => ({ id: p.id, label: p.label })), { id: ETHNICITY_PRESET_ID, label: ethnicityPresetLabel(ctx.state.ethnicGroups) }]}
        presetHint={`${CORE20_EDITION_NOTE} "Smoking above England" compares each council's value with England's, with no claim of significance (most years have no intervals). "High lung cancer" is the highest fifth nationally of lung cancer incidence, 2015–2019, age-standardised. ${ETHNICITY_PRESET_HINT}`}
        onCondition={(k, patch) => onChange((r) => ({
          ...r,
          conditions: r.conditions.map((x, j) => {
            if (j !== k) return x;
            if (patch.indicator && patch.indicator !== x.indicator) return { indicator: patch.indicator, dims: {}, test: defaultTest(patch.indicator) };
            return { ...x, dims: patch.dims ? { ...x.dims, ...patch.dims } : x.dims, test: (patch.test as RuleTest | undefined) ?? x.test };
          }),
        }))}
        onAdd={() => onChange((r) => ({ ...r, conditions: [...r.conditions, { indicator: 'smoking.aps.current', dims: {}, test: { kind: 'worse-than-england' } }] }))}
        onRemove={(k) => onChange((r) => ({ ...r, conditions: r.conditions.filter((_, j) => j !== k) }))}
        onInFocus={(inFocus) => onChange((r) => ({ ...r, inFocus }))}
        inHotspot={!!spec.inHotspot}
        hotspotNote={hs ? `Uses the last Hotspots run here: ${hs.description}. Areas it could not test count as "no value".` : `No hotspot run at this level yet: run one in the Hotspots tab, then this condition applies.`}
        onInHotspot={(on) => onChange((r) => withHotspot(r, on))}
        onPreset={(id) => {
          if (id !== ETHNICITY_PRESET_ID) return onChange((r) => presetRule(id as RulePresetId, level, r.inFocus));
          const p = ethnicityPreset(level, spec.inFocus, ctx.state.ethnicGroups);
          ctx.update((s) => ({ ethnicGroups: p.groups, combine: { ...s.combine, rules: p.rule }, mode: 'rules' }));
          if (p.groups.length > ctx.state.ethnicGroups.length) ctx.notify('info', `Defined the group "${p.groups[p.groups.length - 1].label}" for this rule; it is listed under Map → Ethnic group → Groups of ethnic groups, and can be used in any measure.`);
        }}
      />
    </section>
  );
}

function BivariatePanel({ ctx, onChange }: { ctx: AtlasContext; onChange(f: (b: BivariateSpec) => BivariateSpec): void }) {
  const spec = ctx.state.combine.bivariate;
  const level = ctx.state.level;
  const axis = (a: 'x' | 'y') => ({
    indicator: spec[a].indicator, dims: dimControls(spec[a]), note: unavailableNote(spec[a].indicator, level),
    classes: <ClassControls ctx={ctx} cls={spec[a].classification} fixed testId={`bivariate-${a}-class`}
      onChange={(classification) => onChange((b) => ({ ...b, [a]: { ...b[a], classification } }))} />,
  });
  return (
    <section aria-label="Bivariate map settings">
      <BivariateControls x={axis('x')} y={axis('y')} measures={measureOptions(level, [spec.x.indicator, spec.y.indicator])}
        scheme={spec.scheme} schemes={BIVARIATE_SCHEMES.map((s) => ({ value: s, label: BIVARIATE_SCHEME_INFO[s].label }))}
        onMeasure={(a, id) => onChange((b) => ({ ...b, [a]: { ...b[a], indicator: id, dims: {}, classification: { ...b[a].classification, custom: null } } }))}
        onDims={(a, d) => onChange((b) => ({ ...b, [a]: { ...b[a], dims: { ...b[a].dims, ...d } } }))}
        onScheme={(scheme) => onChange((b) => ({ ...b, scheme: scheme as BivariateSpec['scheme'] }))}
        onSwap={() => onChange((b) => ({ ...b, x: b.y, y: b.x }))} />
    </section>
  );
}
