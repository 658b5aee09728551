/**
 * The overlap-rule builder: one condition per measure (a test such as "in the worst two deciles
 * nationally" or "significantly worse than England"), "inside the focus region", "in a hot spot" and
 * presets.
 */
import { useEffect, useId, useState } from 'react';
import { MeasurePicker, type DimensionControl } from './MeasurePicker';
import { Select, type SelectOption } from './Select';

export interface RuleTestView {
  kind: string;
  deciles?: number;
  value?: number;
}

export interface RuleConditionView {
  indicator: string;
  label: string;
  dims: DimensionControl[];
  test: RuleTestView;
  /** Tests that make sense for this measure (others disabled, with why). */
  tests: SelectOption[];
  note: string | null;
}

export interface RuleBuilderProps {
  conditions: RuleConditionView[];
  measures: SelectOption[];
  maxConditions: number;
  inFocus: boolean;
  /** The focus region's name; null when the whole of England is in view. */
  focusLabel: string | null;
  presets: { id: string; label: string }[];
  /** What the presets test and why (Core20 edition, the cancer measure). */
  presetHint?: string;
  onCondition(index: number, patch: { indicator?: string; dims?: Record<string, string>; test?: RuleTestView }): void;
  onAdd(): void;
  onRemove(index: number): void;
  onInFocus(v: boolean): void;
  /** "In a hot spot": whether it is required, and which hotspot run it would use (or why none). */
  inHotspot: boolean;
  hotspotNote: string;
  onInHotspot(v: boolean): void;
  onPreset(id: string): void;
}

export function RuleBuilder(p: RuleBuilderProps) {
  const focusId = useId();
  const hotspotId = useId();
  return (
    <div className="rule-builder">
      <div className="button-row" role="group" aria-label="Preset rules">
        {p.presets.map((x) => <button key={x.id} type="button" onClick={() => p.onPreset(x.id)} data-testid={`rule-preset-${x.id}`}>{x.label}</button>)}
      </div>
      {p.presetHint && <p className="hint" data-testid="rule-preset-hint">{p.presetHint}</p>}
      {p.conditions.map((c, i) => (
        <fieldset key={i} className="rule-condition" data-testid={`rule-condition-${i}`}>
          <legend>Condition {i + 1}: {c.label}</legend>
          <MeasurePicker label="Measure" value={c.indicator} options={p.measures} dims={c.dims} note={c.note}
            onMeasure={(indicator) => p.onCondition(i, { indicator })} onDims={(dims) => p.onCondition(i, { dims })} testId={`rule-measure-${i}`} />
          <Select label="Test" value={c.test.kind} options={c.tests} testId={`rule-test-${i}`}
            onChange={(kind) => p.onCondition(i, { test: kind === 'worst-deciles' ? { kind, deciles: 2 } : kind === 'at-least' || kind === 'at-most' ? { kind, value: c.test.value ?? 0 } : { kind } })} />
          {c.test.kind === 'worst-deciles' && (
            <Select label="Worst deciles nationally (1 = worst 10 %)" value={String(c.test.deciles ?? 2)} testId={`rule-deciles-${i}`}
              options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => ({ value: String(d), label: `1–${d} (worst ${d * 10} %)` }))}
              onChange={(v) => p.onCondition(i, { test: { kind: 'worst-deciles', deciles: Number(v) } })} />
          )}
          {(c.test.kind === 'at-least' || c.test.kind === 'at-most') && (
            <Threshold value={c.test.value ?? 0} onChange={(value) => p.onCondition(i, { test: { kind: c.test.kind, value } })} testId={`rule-value-${i}`} />
          )}
          <button type="button" onClick={() => p.onRemove(i)} aria-label={`Remove condition ${i + 1}`}>Remove</button>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" onClick={p.onAdd} disabled={p.conditions.length >= p.maxConditions} data-testid="rule-add">Add a condition</button>
      </div>
      {/* The counts and the map already cover only the focus region, so "inside it" is stated, not offered as a
          condition that would change nothing; a rule that has it (an older link) can drop it. */}
      <p className="hint rule-scope" data-testid="rule-scope">
        {p.focusLabel
          ? <>Counted for <strong>{p.focusLabel}</strong> only (the focus above): the map and the counts leave out areas outside it. Choose "All of England" as the focus to count England.</>
          : <>Counted across all of England. Choose a focus above to count one ICB, local authority or Cancer Alliance.</>}
      </p>
      {p.inFocus && (
        <div className="field checkbox-field">
          <input id={focusId} type="checkbox" checked onChange={(e) => p.onInFocus(e.target.checked)} data-testid="rule-in-focus" aria-describedby={`${focusId}-hint`} />
          <label htmlFor={focusId}>List "inside {p.focusLabel ?? 'the focus region'}" as a condition</label>
          <p id={`${focusId}-hint`} className="hint">Adds nothing to the counts (they are already limited to the focus); untick to drop it from the rule.</p>
        </div>
      )}
      <div className="field checkbox-field">
        <input id={hotspotId} type="checkbox" checked={p.inHotspot} onChange={(e) => p.onInHotspot(e.target.checked)} data-testid="rule-in-hotspot"
          aria-describedby={`${hotspotId}-hint`} />
        <label htmlFor={hotspotId}>Also require: in a hot spot</label>
        <p id={`${hotspotId}-hint`} className="hint" data-testid="rule-hotspot-note">{p.hotspotNote}</p>
      </div>
    </div>
  );
}

function Threshold({ value, onChange, testId }: { value: number; onChange(v: number): void; testId: string }) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const v = Number(text);
    if (text.trim() !== '' && Number.isFinite(v)) onChange(v);
    else setText(String(value));
  };
  return (
    <div className="field">
      <label htmlFor={id}>Threshold</label>
      <input id={id} type="number" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} data-testid={testId} />
    </div>
  );
}
