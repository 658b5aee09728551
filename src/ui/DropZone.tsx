/**
 * Where files are dropped or chosen. A real, labelled button opens the picker (the file input stays
 * in the page for keyboards and tests); dropping highlights the zone. Nothing is read here: the
 * files are handed to `onFiles`, which reads them in this browser.
 */
import { useId, useRef, useState, type ReactNode } from 'react';

export function DropZone(p: { label: string; hint: ReactNode; accept: string; onFiles(files: File[]): void; testId?: string; compact?: boolean }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  return (
    <div className={`drop-zone${over ? ' drop-zone-over' : ''}${p.compact ? ' drop-zone-compact' : ''}`} data-testid={p.testId}
      onDragEnter={(e) => {
        e.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        if (--depth.current <= 0) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const files = [...e.dataTransfer.files];
        if (files.length) p.onFiles(files);
      }}>
      <input ref={input} id={id} type="file" multiple accept={p.accept} className="visually-hidden" tabIndex={-1} aria-label={p.label}
        data-testid={p.testId ? `${p.testId}-input` : undefined}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) p.onFiles(files);
        }} />
      <p className="drop-zone-text">Drop files here, or</p>
      <button type="button" onClick={() => input.current?.click()} aria-describedby={`${id}-hint`}>{p.label}</button>
      <p id={`${id}-hint`} className="hint">{p.hint}</p>
    </div>
  );
}
