/**
 * A button that opens the file picker. The file is read in this browser only; the input itself is
 * visually hidden but stays a real, labelled control for keyboards and screen readers.
 */
import { useId, useRef } from 'react';

export function FilePickButton(p: { label: string; accept: string; onPick(file: File): void; testId?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <span className="file-pick">
      <input ref={input} id={id} type="file" accept={p.accept} className="visually-hidden" data-testid={p.testId} aria-label={p.label} tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) p.onPick(f);
          e.target.value = '';
        }} />
      <button type="button" onClick={() => input.current?.click()} aria-controls={id}>{p.label}</button>
    </span>
  );
}
