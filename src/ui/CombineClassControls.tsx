/**
 * Classification of a combine view: method, number of classes, custom thresholds, and which areas
 * the breaks come from: by default the focus region on screen, with all of England one click away
 * (and back). A region kept from an older link can be switched to the focus on screen.
 */
import { useEffect, useId, useState } from 'react';
import { Select } from './Select';
import { HelpTip } from './help/HelpTip';

export interface CombineClassControlsProps {
  method: string;
  methods: { value: string; label: string }[];
  /** null: fixed number of classes (the bivariate map's three). */
  classes: number | null;
  custom: number[] | null;
  /** Where the breaks come from, e.g. "all of England". */
  breaksFrom: string;
  /** The breaks do not come from the focus on screen. */
  stale: boolean;
  /** Where the breaks come from (see useBreaksRegion). */
  source: 'focus' | 'england' | 'region';
  /** A focus region is chosen (otherwise the focus on screen is all of England). */
  hasFocus: boolean;
  focusLabel: string;
  onSource(s: 'focus' | 'england'): void;
  onMethod(m: string): void;
  onClasses(k: number): void;
  onCustom(t: number[]): void;
  testId: string;
}

export function CombineClassControls(p: CombineClassControlsProps) {
  return (
    <div className="combine-classes">
      <Select label="Classes by" value={p.method} options={p.methods} onChange={p.onMethod} testId={`${p.testId}-method`} />
      <HelpTip topic="classification" />
      {p.classes !== null && p.method !== 'custom' && (
        <Select label="Number of classes" value={String(p.classes)} testId={`${p.testId}-classes`}
          options={[3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: String(n), label: String(n) }))} onChange={(v) => p.onClasses(Number(v))} />
      )}
      {p.method === 'custom' && <Thresholds value={p.custom ?? []} count={p.classes === null ? 2 : null} onChange={p.onCustom} testId={`${p.testId}-custom`} />}
      <p className="hint" data-testid={`${p.testId}-from`}>
        {p.method === 'custom' ? 'Your thresholds apply everywhere.' : `Breaks from ${p.breaksFrom}${p.source === 'focus' ? (p.hasFocus ? ' (they follow the focus).' : '; with a focus, they follow it.') : ' (fixed when you change the focus).'}`}
      </p>
      {p.method !== 'custom' && p.source === 'focus' && p.hasFocus && (
        <button type="button" onClick={() => p.onSource('england')} data-testid={`${p.testId}-england`}>Use national (England) breaks</button>
      )}
      {p.method !== 'custom' && p.source !== 'focus' && (p.hasFocus || p.stale) && (
        <button type="button" onClick={() => p.onSource('focus')} data-testid={`${p.testId}-recompute`}>Use breaks for {p.focusLabel}</button>
      )}
    </div>
  );
}

function Thresholds({ value, count, onChange, testId }: { value: number[]; count: number | null; onChange(v: number[]): void; testId: string }) {
  const id = useId();
  const [text, setText] = useState(value.join(', '));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value.join(', ')), [value.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps -- resets the text when the numbers change, not when the parent rebuilds the same array
  const commit = () => {
    const parts = text.split(/[,;\s]+/).filter(Boolean).map(Number);
    if (parts.some((x) => !Number.isFinite(x))) return setError('Use numbers separated by commas, e.g. 10, 20');
    if (count !== null && parts.length !== count) return setError(`Give exactly ${count} thresholds (three classes).`);
    setError(null);
    onChange(parts);
  };
  return (
    <div className="field">
      <label htmlFor={id}>Thresholds (comma-separated)</label>
      <input id={id} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined} data-testid={testId} />
      {error && <p id={`${id}-err`} className="field-error" role="alert">{error}</p>}
    </div>
  );
}
