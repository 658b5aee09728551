/** ARIA tabs: arrow keys move between tabs, each tab controls one panel; a panel that fails stays a panel (ErrorBoundary). */
import { useId, useRef, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';

export interface TabItem {
  id: string;
  label: string;
  panel: ReactNode;
}

export function Tabs({ tabs, active, onChange, label }: { tabs: TabItem[]; active: string; onChange(id: string): void; label: string }) {
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  const move = (delta: number) => {
    const i = tabs.findIndex((t) => t.id === current.id);
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    onChange(next.id);
    refs.current.get(next.id)?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list"
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight') { move(1); e.preventDefault(); }
          if (e.key === 'ArrowLeft') { move(-1); e.preventDefault(); }
        }}>
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`${base}-tab-${t.id}`} aria-selected={t.id === current.id} aria-controls={`${base}-panel-${t.id}`}
            tabIndex={t.id === current.id ? 0 : -1} ref={(el) => { if (el) refs.current.set(t.id, el); }} onClick={() => onChange(t.id)} data-testid={`tab-${t.id}`}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel-${current.id}`} aria-labelledby={`${base}-tab-${current.id}`} className="tab-panel">
        <ErrorBoundary key={current.id} label={`The ${current.label} tab`} region={`tab-${current.id}`}>{current.panel}</ErrorBoundary>
      </div>
    </div>
  );
}
