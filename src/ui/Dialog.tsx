/** A modal dialog on the native <dialog> element: focus is trapped and Escape closes it; an error inside stays inside. */
import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';

export function Dialog({ title, open, onClose, children, testId }: { title: string; open: boolean; onClose(): void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${testId ?? 'dialog'}-title`} onClose={onClose} data-testid={testId}>
      <header>
        <h2 id={`${testId ?? 'dialog'}-title`}>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close">×</button>
      </header>
      <div className="dialog-body">
        {open && <ErrorBoundary label={`"${title}"`} region={`dialog-${testId ?? 'dialog'}`}>{children}</ErrorBoundary>}
      </div>
    </dialog>
  );
}
