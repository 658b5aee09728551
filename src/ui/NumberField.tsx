/**
 * A labelled number input that commits on Enter or when focus leaves, not on every keystroke, so a
 * half-typed value never starts work. Invalid input shows why, next to the field, and is not committed.
 */
import { useEffect, useId, useState } from 'react';

export interface NumberFieldProps {
  label: string;
  /** null: empty (the field's placeholder says what empty means). */
  value: number | null;
  onCommit(v: number | null): void;
  /** Returns a message when the number is not acceptable. */
  check(v: number): string | null;
  allowEmpty?: boolean;
  placeholder?: string;
  hint?: string;
  testId?: string;
  step?: string;
}

export function NumberField(p: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(p.value === null ? '' : String(p.value));
  const [error, setError] = useState<string | null>(null);
  // A new value from outside (a share link, a reset) replaces what is typed.
  useEffect(() => setText(p.value === null ? '' : String(p.value)), [p.value]);
  const commit = () => {
    const t = text.trim().replace(/,/g, '');
    if (t === '' && p.allowEmpty) {
      setError(null);
      if (p.value !== null) p.onCommit(null);
      return;
    }
    const v = Number(t);
    const problem = t === '' || !Number.isFinite(v) ? 'Enter a number.' : p.check(v);
    setError(problem);
    if (!problem && v !== p.value) p.onCommit(v);
  };
  const describedBy = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      <input id={id} type="text" inputMode="decimal" value={text} placeholder={p.placeholder} data-testid={p.testId}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy}
        onChange={(e) => setText(e.target.value)} onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
      {p.hint && <p id={`${id}-hint`} className="hint">{p.hint}</p>}
      {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
    </div>
  );
}
