/** The side panel: search, level and focus (shared by every view), the tabs, the legend, and dialogs. */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DataManifest } from '../data/manifest';
import { LEVELS, levelIds, type FocusLevel, type LevelId } from '../geo/levels';
import type { ViewState } from '../state/view-state';
import { AboutData } from '../ui/AboutData';
import { BasemapSettings } from '../ui/BasemapSettings';
import { Dialog } from '../ui/Dialog';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import type { Notice } from '../ui/Notices';
import { SearchBox, type SearchResult } from '../ui/SearchBox';
import { Select } from '../ui/Select';
import { Tabs, type TabItem } from '../ui/Tabs';
import { aboutModel } from './about-model';

const FOCUS_GROUPS: Record<FocusLevel, string> = { icb24: 'Integrated Care Boards', lad24: 'Local authorities', cal22: 'Cancer Alliances (2022 mapping)' };

export interface SidebarProps {
  state: ViewState;
  focusOptions: { level: FocusLevel; code: string; name: string }[];
  onLevel(l: LevelId): void;
  onFocus(f: { level: FocusLevel; code: string } | null): void;
  search(q: string): Promise<SearchResult[]>;
  onPickSearch(r: SearchResult): void;
  tabs: TabItem[];
  /** Tab of the feature whose mode colours the map: opened when that mode comes on (e.g. from a link). */
  modeTab: string | null;
  /** What the map shows when it is not the single measure of the Map tab (with a way back). */
  modeBanner: { label: string; onExit(): void } | null;
  legend: ReactNode;
  showTable: boolean;
  onToggleTable(): void;
  basemapUrl: string | null;
  onBasemapUrl(url: string | null): void;
  manifest: DataManifest;
  shareUrl(): string;
  notify(kind: Notice['kind'], text: string): void;
}

export function Sidebar(p: SidebarProps) {
  const [dialog, setDialog] = useState<'about' | 'basemap' | null>(null);
  const [tab, setTab] = useState(p.modeTab ?? p.tabs[0]?.id ?? 'map');
  const about = useMemo(() => aboutModel(p.manifest), [p.manifest]);
  useEffect(() => {
    if (p.modeTab) setTab(p.modeTab);
  }, [p.modeTab]);

  const copyLink = async () => {
    const url = p.shareUrl();
    try {
      await navigator.clipboard.writeText(url);
      p.notify('info', 'Share link copied. Anyone opening it sees this map, but not data you loaded from your own files: a link cannot carry it (save a project file under "Your data" instead).');
    } catch {
      window.prompt('Copy this share link:', url);
    }
  };

  return (
    <nav className="sidebar" aria-label="Map controls">
      <header className="sidebar-header">
        <h1>Hotspot Atlas</h1>
        <p className="hint">Deprivation, smoking and cancer by area in England. Your data stays in this browser.</p>
      </header>
      <SearchBox search={p.search} onPick={p.onPickSearch} />
      <Select label="Areas" value={p.state.level} testId="level-select"
        options={levelIds().map((l) => ({ value: l, label: LEVELS[l].label }))} onChange={(v) => p.onLevel(v as LevelId)} />
      <Select label="Focus" value={p.state.focus ? `${p.state.focus.level}:${p.state.focus.code}` : ''} testId="focus-select"
        options={[
          { value: '', label: 'All of England', group: 'England' },
          ...p.focusOptions.map((o) => ({ value: `${o.level}:${o.code}`, label: o.name, group: FOCUS_GROUPS[o.level] })),
        ]}
        onChange={(v) => {
          if (!v) return p.onFocus(null);
          const [level, code] = v.split(':');
          p.onFocus({ level: level as FocusLevel, code });
        }}
        hint="Restricts the map and its colour scale to one ICB, local authority or Cancer Alliance (2022 mapping)." />

      <Tabs tabs={p.tabs} active={tab} onChange={setTab} label="Views" />

      {p.modeBanner && (
        <div className="mode-banner" role="status">
          <span>Map shows: {p.modeBanner.label}</span>
          <button type="button" onClick={p.modeBanner.onExit}>Back to single measure</button>
        </div>
      )}
      <ErrorBoundary label="The legend" region="legend">{p.legend}</ErrorBoundary>

      <div className="button-row">
        <button type="button" onClick={p.onToggleTable} aria-pressed={p.showTable} data-testid="toggle-table">{p.showTable ? 'Hide table' : 'Show as table'}</button>
        <button type="button" onClick={() => void copyLink()} data-testid="copy-link" aria-describedby="share-private-note">Copy share link</button>
      </div>
      <p className="hint" id="share-private-note">A share link carries the map settings, never data loaded from your own files.</p>
      <div className="button-row">
        <button type="button" onClick={() => setDialog('about')} data-testid="open-about">About the data</button>
        <button type="button" onClick={() => setDialog('basemap')}>Map settings</button>
      </div>
      <Dialog title="About the data" open={dialog === 'about'} onClose={() => setDialog(null)} testId="about-dialog">
        <AboutData model={about} />
      </Dialog>
      <Dialog title="Map settings" open={dialog === 'basemap'} onClose={() => setDialog(null)} testId="basemap-dialog">
        <BasemapSettings url={p.basemapUrl} onSave={(u) => { p.onBasemapUrl(u); setDialog(null); }} />
      </Dialog>
    </nav>
  );
}
