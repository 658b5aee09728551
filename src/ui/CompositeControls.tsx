/**
 * Inputs of the composite risk index: per indicator its measure, which end means more risk and its
 * weight (a slider and a number box, both keyboard-operable), then the normalisation and reference.
 */
import { useId } from 'react';
import { MeasurePicker, type DimensionControl } from './MeasurePicker';
import { Select, type SelectOption } from './Select';

export interface CompositeInputView {
  indicator: string;
  label: string;
  dims: DimensionControl[];
  /** `unset`: a context measure whose direction the user has not chosen yet (it is left out until then). */
  direction: 'higher' | 'lower' | 'unset';
  weight: number;
  /** Weight as a share of all weights, in words ("33 %"). */
  share: string;
  note: string | null;
}

export interface CompositeInputPatch {
  indicator?: string;
  dims?: Record<string, string>;
  direction?: 'higher' | 'lower';
  weight?: number;
}

const DIRECTIONS = [{ value: 'higher', label: 'Higher' }, { value: 'lower', label: 'Lower' }];

export interface CompositeControlsProps {
  inputs: CompositeInputView[];
  measures: SelectOption[];
  maxInputs: number;
  maxWeight: number;
  normalisation: string;
  normalisations: SelectOption[];
  reference: string;
  focusLabel: string;
  /** Why the default inputs are what they are (e.g. lung cancer, 2015–2019). */
  hint?: string;
  onInput(index: number, patch: CompositeInputPatch): void;
  onAdd(): void;
  onRemove(index: number): void;
  onNormalisation(n: string): void;
  onReference(r: string): void;
}

export function CompositeControls(p: CompositeControlsProps) {
  return (
    <div className="composite-controls">
      {p.inputs.map((input, i) => (
        <InputRow key={i} index={i} input={input} {...p} />
      ))}
      {p.hint && <p className="hint" data-testid="composite-hint">{p.hint}</p>}
      <div className="button-row">
        <button type="button" onClick={p.onAdd} disabled={p.inputs.length >= p.maxInputs} data-testid="composite-add">Add an indicator</button>
      </div>
      <Select label="Put indicators on one scale by" value={p.normalisation} options={p.normalisations} onChange={p.onNormalisation} testId="composite-normalisation" />
      <Select label="Relative to" value={p.reference} testId="composite-reference" onChange={p.onReference}
        options={[{ value: 'england', label: 'All of England' }, { value: 'focus', label: `The focus region (${p.focusLabel})` }]} />
    </div>
  );
}

function InputRow({ index, input, ...p }: { index: number; input: CompositeInputView } & CompositeControlsProps) {
  const id = useId();
  const set = (patch: CompositeInputPatch) => p.onInput(index, patch);
  return (
    <fieldset className="composite-input" data-testid={`composite-input-${index}`}>
      <legend>Indicator {index + 1}: {input.label} <span className="hint">({input.share})</span></legend>
      <MeasurePicker label="Measure" value={input.indicator} options={p.measures} dims={input.dims} note={input.note}
        onMeasure={(indicator) => set({ indicator })} onDims={(dims) => set({ dims })} testId={`composite-measure-${index}`} />
      <Select label="More risk where the value is" value={input.direction} testId={`composite-direction-${index}`}
        options={input.direction === 'unset' ? [{ value: 'unset', label: 'Choose (a context measure: no default)', disabled: true }, ...DIRECTIONS] : DIRECTIONS}
        onChange={(v) => set({ direction: v as 'higher' | 'lower' })} />
      <div className="field weight-field">
        <label htmlFor={`${id}-w`}>Weight</label>
        <div className="weight-inputs">
          <input id={`${id}-w`} type="range" min={0} max={p.maxWeight} step={0.5} value={input.weight}
            onChange={(e) => set({ weight: Number(e.target.value) })} data-testid={`composite-weight-${index}`} aria-valuetext={`${input.weight} (${input.share} of the index)`} />
          <input type="number" min={0} max={p.maxWeight} step={0.5} value={input.weight} aria-label={`Weight of ${input.label} (number)`}
            onChange={(e) => {
              const w = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(w)) set({ weight: Math.min(p.maxWeight, Math.max(0, w)) });
            }} data-testid={`composite-weight-number-${index}`} />
        </div>
      </div>
      <button type="button" onClick={() => p.onRemove(index)} disabled={p.inputs.length <= 2} aria-label={`Remove ${input.label}`}>Remove</button>
    </fieldset>
  );
}
