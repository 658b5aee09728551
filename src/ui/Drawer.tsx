/**
 * The wide panel below the map, for tables too wide for the side panel (the map as a table, the
 * shortlist, a feature's lists). One item shows at a time; with several, a tab list switches between
 * them. Its top edge is a separator that resizes it by drag or by keyboard (arrow keys by 5 % of the
 * window, Page Up / Page Down by 20 %, Home / End to the smallest / largest), as the ARIA window
 * splitter pattern has it.
 */
import { useId, useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';

export interface DrawerItem {
  id: string;
  /** Tab label and panel name ("Map as a table", "Shortlist table"). */
  label: string;
  /** A function is called only while its item is shown (a table of 33,755 rows is not built for a closed drawer). */
  content: ReactNode | (() => ReactNode);
}

/** Height as a percentage of the window (the map keeps the rest). */
const DRAWER_MIN = 15;
const DRAWER_MAX = 75;

function clampDrawer(h: number): number {
  return Math.round(Math.min(DRAWER_MAX, Math.max(DRAWER_MIN, h)));
}

export function Drawer(p: { items: DrawerItem[]; active: string; onActive(id: string): void; onClose(): void; height: number; onHeight(h: number): void }) {
  const base = useId();
  const drag = useRef<{ y: number; h: number } | null>(null);
  const current = p.items.find((i) => i.id === p.active) ?? p.items[0];
  if (!current) return null;
  const key = (e: KeyboardEvent) => {
    const step = { ArrowUp: 5, ArrowDown: -5, PageUp: 20, PageDown: -20 }[e.key];
    if (step !== undefined) p.onHeight(clampDrawer(p.height + step));
    else if (e.key === 'Home') p.onHeight(DRAWER_MIN);
    else if (e.key === 'End') p.onHeight(DRAWER_MAX);
    else return;
    e.preventDefault();
  };
  const down = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { y: e.clientY, h: p.height };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    p.onHeight(clampDrawer(drag.current.h + (100 * (drag.current.y - e.clientY)) / window.innerHeight));
  };
  return (
    <section className="drawer" aria-labelledby={`${base}-title`} data-testid="drawer">
      <div className="drawer-resize" role="separator" tabIndex={0} aria-orientation="horizontal" aria-label="Resize the wide panel"
        aria-valuenow={p.height} aria-valuemin={DRAWER_MIN} aria-valuemax={DRAWER_MAX} aria-valuetext={`${p.height} % of the window`}
        onKeyDown={key} onPointerDown={down} onPointerMove={move} onPointerUp={() => (drag.current = null)} data-testid="drawer-resize" />
      <header className="drawer-header">
        <h2 id={`${base}-title`} className={p.items.length > 1 ? 'visually-hidden' : undefined}>{current.label}</h2>
        {p.items.length > 1 && (
          <div role="tablist" aria-label="Wide panel" className="drawer-tabs"
            onKeyDown={(e) => {
              const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!d) return;
              const i = p.items.findIndex((x) => x.id === current.id);
              const next = p.items[(i + d + p.items.length) % p.items.length];
              p.onActive(next.id);
              document.getElementById(`${base}-tab-${next.id}`)?.focus();
              e.preventDefault();
            }}>
            {p.items.map((it) => (
              <button key={it.id} type="button" role="tab" id={`${base}-tab-${it.id}`} aria-selected={it.id === current.id} aria-controls={`${base}-panel`}
                tabIndex={it.id === current.id ? 0 : -1} onClick={() => p.onActive(it.id)} data-testid={`drawer-tab-${it.id}`}>{it.label}</button>
            ))}
          </div>
        )}
        <button type="button" className="icon-button" onClick={p.onClose} aria-label={`Close the wide panel (${current.label})`} data-testid="drawer-close">×</button>
      </header>
      <div className="drawer-body" id={`${base}-panel`} {...(p.items.length > 1 ? { role: 'tabpanel', 'aria-labelledby': `${base}-tab-${current.id}` } : {})}>
        <ErrorBoundary key={current.id} label={`"${current.label}"`} region={`drawer-${current.id}`}>{current.content}</ErrorBoundary>
      </div>
    </section>
  );
}
