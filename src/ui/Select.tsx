/** A labelled native select: keyboard- and screen-reader-friendly by construction. */
import { useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
  group?: string;
}

export function Select(props: { label: string; value: string; options: SelectOption[]; onChange(v: string): void; hint?: string; testId?: string }) {
  const id = useId();
  const groups = [...new Set(props.options.map((o) => o.group ?? ''))];
  const render = (o: SelectOption) => (
    <option key={o.value} value={o.value} disabled={o.disabled}>
      {o.label}
    </option>
  );
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId} aria-describedby={props.hint ? `${id}-hint` : undefined}>
        {groups.length > 1
          ? groups.map((g) => (
              <optgroup key={g} label={g}>
                {props.options.filter((o) => (o.group ?? '') === g).map(render)}
              </optgroup>
            ))
          : props.options.map(render)}
      </select>
      {props.hint && <p id={`${id}-hint`} className="hint">{props.hint}</p>}
    </div>
  );
}
