/** A labelled one-line text input for the mapping dialog (the user's text is a value, never markup). */
import { useId } from 'react';

export function TextField(p: { label: string; value: string; onChange(v: string): void; hint?: string; testId?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      <input id={id} type="text" value={p.value} maxLength={200} onChange={(e) => p.onChange(e.target.value)} data-testid={p.testId}
        aria-describedby={p.hint ? `${id}-hint` : undefined} />
      {p.hint && <p id={`${id}-hint`} className="hint">{p.hint}</p>}
    </div>
  );
}
