/** The control panel: search, level, measure, focus, legend, map style, and the data/settings dialogs. */
import { useMemo, useState } from 'react';
import { CLASS_METHODS, type ClassMethod } from '../analysis/classify/breaks';
import { allIndicators, isAvailable } from '../data/catalogue';
import { IMD2019_MISSING_SCORES } from '../data/catalogue/imd-indicators';
import { dimensionValues, type Indicator } from '../data/catalogue/types';
import type { DataManifest } from '../data/manifest';
import { LEVELS, LEVEL_IDS, type LevelId } from '../geo/levels';
import { defaultClassification } from '../map/classify-values';
import { PALETTES } from '../map/palettes';
import type { Classification, ViewState } from '../state/view-state';
import { AboutData } from '../ui/AboutData';
import { BasemapSettings } from '../ui/BasemapSettings';
import { Dialog } from '../ui/Dialog';
import { Legend, type LegendModel } from '../ui/Legend';
import type { Notice } from '../ui/Notices';
import { SearchBox, type SearchResult } from '../ui/SearchBox';
import { Select } from '../ui/Select';
import { aboutModel } from './about-model';

export interface SidebarProps {
  state: ViewState;
  indicator: Indicator;
  focusOptions: { level: 'icb24' | 'lad24'; code: string; name: string }[];
  onLevel(l: LevelId): void;
  onIndicator(id: string): void;
  onDims(d: Record<string, string>): void;
  onPalette(p: string): void;
  onClassification(c: Classification | null): void;
  onFocus(f: { level: 'icb24' | 'lad24'; code: string } | null): void;
  search(q: string): Promise<SearchResult[]>;
  onPickSearch(r: SearchResult): void;
  legend: LegendModel | null;
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
  const groups = useMemo(() => [...new Set(allIndicators().map((i) => i.group))], []);
  const inGroup = allIndicators().filter((i) => i.group === p.indicator.group);
  const cls = p.state.classification ?? defaultClassification(p.indicator);
  const setCls = (patch: Partial<Classification>) => p.onClassification({ ...cls, ...patch });
  const dims = dimensionValues(p.indicator, p.state.dims);

  const copyLink = async () => {
    const url = p.shareUrl();
    try {
      await navigator.clipboard.writeText(url);
      p.notify('info', 'Share link copied. Anyone opening it sees this map.');
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
        options={LEVEL_IDS.map((l) => ({ value: l, label: LEVELS[l].label }))} onChange={(v) => p.onLevel(v as LevelId)} />
      <Select label="Dataset" value={p.indicator.group} testId="group-select"
        options={groups.map((g) => ({ value: g, label: g }))}
        onChange={(g) => {
          const candidates = allIndicators().filter((i) => i.group === g);
          const here = candidates.find((i) => isAvailable(i, p.state.level)) ?? candidates[0];
          if (here) p.onIndicator(here.id);
        }}
        hint={p.indicator.group === 'IMD 2019' ? IMD2019_MISSING_SCORES : undefined} />
      <Select label="Measure" value={p.indicator.id} testId="measure-select"
        options={inGroup.map((i) => ({ value: i.id, label: isAvailable(i, p.state.level) ? i.short : `${i.short} (other level)` }))}
        onChange={p.onIndicator} hint={p.indicator.definition} />
      {(p.indicator.dimensions ?? []).map((d) => (
        <Select key={d.key} label={d.label} value={dims[d.key]} testId={`dim-${d.key}`}
          options={d.values.map((v) => ({ value: v.value, label: v.label }))} onChange={(v) => p.onDims({ [d.key]: v })} />
      ))}
      <Select label="Focus" value={p.state.focus ? `${p.state.focus.level}:${p.state.focus.code}` : ''} testId="focus-select"
        options={[
          { value: '', label: 'All of England', group: 'England' },
          ...p.focusOptions.map((o) => ({ value: `${o.level}:${o.code}`, label: o.name, group: o.level === 'icb24' ? 'Integrated Care Boards' : 'Local authorities' })),
        ]}
        onChange={(v) => {
          if (!v) return p.onFocus(null);
          const [level, code] = v.split(':');
          p.onFocus({ level: level as 'icb24' | 'lad24', code });
        }}
        hint="Restricts the map and its colour scale to one ICB or local authority." />

      {p.legend && <Legend model={p.legend} />}

      <details className="style-controls">
        <summary>Colours and classes</summary>
        <Select label="Palette (colour-blind safe)" value={p.state.palette} testId="palette-select"
          options={PALETTES.map((x) => ({ value: x.id, label: x.label }))} onChange={p.onPalette} />
        <Select label="Classification" value={cls.method} testId="method-select"
          options={CLASS_METHODS.map((m) => ({ value: m.id, label: m.label, disabled: (m.id === 'categorical' && p.indicator.kind !== 'decile') || (m.id === 'decile' && p.indicator.kind !== 'rank') }))}
          onChange={(v) => setCls({ method: v as ClassMethod, classes: v === 'decile' || v === 'categorical' ? 10 : cls.method === 'decile' || cls.method === 'categorical' ? 5 : cls.classes })} />
        {cls.method !== 'decile' && cls.method !== 'categorical' && cls.method !== 'custom' && (
          <Select label="Number of classes" value={String(cls.classes)} testId="classes-select"
            options={[3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ value: String(n), label: String(n) }))} onChange={(v) => setCls({ classes: Number(v) })} />
        )}
        {cls.method === 'custom' && <CustomBreaks value={cls.custom ?? []} onChange={(custom) => setCls({ custom })} />}
        <Select label="Class breaks from" value={cls.scope} testId="scope-select"
          options={[{ value: 'focus', label: 'The focus region (or England)' }, { value: 'england', label: 'All of England (fixed)' }]}
          onChange={(v) => setCls({ scope: v as Classification['scope'] })} />
        <button type="button" onClick={() => p.onClassification(null)}>Reset to default</button>
      </details>

      <div className="button-row">
        <button type="button" onClick={p.onToggleTable} aria-pressed={p.showTable} data-testid="toggle-table">{p.showTable ? 'Hide table' : 'Show as table'}</button>
        <button type="button" onClick={copyLink} data-testid="copy-link">Copy share link</button>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => setDialog('about')} data-testid="open-about">About the data</button>
        <button type="button" onClick={() => setDialog('basemap')}>Map settings</button>
      </div>
      <Dialog title="About the data" open={dialog === 'about'} onClose={() => setDialog(null)} testId="about-dialog">
        <AboutData model={aboutModel(p.manifest)} />
      </Dialog>
      <Dialog title="Map settings" open={dialog === 'basemap'} onClose={() => setDialog(null)} testId="basemap-dialog">
        <BasemapSettings url={p.basemapUrl} onSave={(u) => { p.onBasemapUrl(u); setDialog(null); }} />
      </Dialog>
    </nav>
  );
}

function CustomBreaks({ value, onChange }: { value: number[]; onChange(v: number[]): void }) {
  const [text, setText] = useState(value.join(', '));
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor="custom-breaks">Thresholds (comma-separated)</label>
      <input id="custom-breaks" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error ? true : undefined}
        onBlur={() => {
          const parts = text.split(/[,;\s]+/).filter(Boolean).map(Number);
          if (parts.some((x) => !Number.isFinite(x))) return setError('Use numbers separated by commas, e.g. 10, 20, 30');
          setError(null);
          onChange(parts);
        }} />
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
