/**
 * The map's key, on the map itself: what the map shows (with a way back to the single measure), the
 * legend with its counts, and the switch to the map as a table. It scrolls by itself and can be
 * folded to a button, so on a small screen the map stays visible; it is never below the fold.
 */
import { useId, useState, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';

interface MapKeyProps {
  legend: ReactNode;
  /** What the map shows when it is not the Map tab's single measure. */
  banner: { label: string; onExit(): void } | null;
  showTable: boolean;
  onToggleTable(): void;
  /** Keys of what features draw on top (GP practices). */
  extra?: ReactNode;
}

export function MapKey(p: MapKeyProps) {
  const [open, setOpen] = useState(true);
  const id = useId();
  return (
    <aside className={`map-key${open ? '' : ' map-key-folded'}`} aria-label="Map key" data-testid="map-key">
      <div className="map-key-bar">
        <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={id} data-testid="map-key-fold">{open ? 'Hide key' : 'Show key'}</button>
        <button type="button" onClick={p.onToggleTable} aria-pressed={p.showTable} data-testid="toggle-table">{p.showTable ? 'Hide table' : 'Show as table'}</button>
      </div>
      <div id={id} className="map-key-body" hidden={!open}>
        {p.banner && (
          <div className="mode-banner" role="status">
            <span>Map shows: {p.banner.label}</span>
            <button type="button" onClick={p.banner.onExit}>Back to single measure</button>
          </div>
        )}
        <ErrorBoundary label="The legend" region="legend">{p.legend}</ErrorBoundary>
        {p.extra}
      </div>
    </aside>
  );
}
