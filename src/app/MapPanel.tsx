/** The "Map" tab: one measure (dataset, measure, its options) and how it is coloured. */
import { useState } from 'react';
import { CLASS_METHODS, type ClassMethod } from '../analysis/classify/breaks';
import { allIndicators, isAvailable } from '../data/catalogue';
import { ETHNICITY_GROUP_TITLE } from '../data/catalogue/ethnicity-indicators';
import { IMD2019_MISSING_SCORES } from '../data/catalogue/imd-indicators';
import { dimensionValues, type Indicator } from '../data/catalogue/types';
import { defaultClassification } from '../map/classify-values';
import { PALETTES } from '../map/palettes';
import { HelpTip } from '../ui/help/HelpTip';
import type { Classification, ViewState } from '../state/view-state';
import { Select } from '../ui/Select';
import { EthnicGroupsSection } from './ethnic-groups/EthnicGroupsSection';

export interface MapPanelProps {
  state: ViewState;
  update(patch: Partial<ViewState>): void;
  indicator: Indicator;
  onIndicator(id: string): void;
  onDims(d: Record<string, string>): void;
  onPalette(p: string): void;
  onClassification(c: Classification | null): void;
}

export function MapPanel(p: MapPanelProps) {
  // not memoised: datasets the user loads add a group ("Your data") at run time
  const groups = [...new Set(allIndicators().map((i) => i.group))];
  // Measures available nowhere yet ("your group" before any group is defined) are not offered.
  const inGroup = allIndicators().filter((i) => i.group === p.indicator.group && (Object.keys(i.levels).length > 0 || i.id === p.indicator.id));
  const cls = p.state.classification ?? defaultClassification(p.indicator);
  const setCls = (patch: Partial<Classification>) => p.onClassification({ ...cls, ...patch });
  const dims = dimensionValues(p.indicator, p.state.dims);
  return (
    <div>
      <HelpTip topic="indicator" />
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
      {(p.indicator.dimensions ?? []).filter((d) => d.values.length > 0).map((d) => (
        <Select key={d.key} label={d.label} value={dims[d.key]} testId={`dim-${d.key}`}
          options={d.values.map((v) => ({ value: v.value, label: v.label }))} onChange={(v) => p.onDims({ [d.key]: v })} />
      ))}
      {p.indicator.group === ETHNICITY_GROUP_TITLE && <EthnicGroupsSection state={p.state} update={p.update} />}
      <div className="field practice-toggle">
        <input id="show-practices" type="checkbox" checked={p.state.practices.show} data-testid="show-practices"
          onChange={(e) => p.update({ practices: { ...p.state.practices, show: e.target.checked } })} />
        <label htmlFor="show-practices">Show GP practices (QOF 2022-23) on the map</label>
      </div>
      <details className="style-controls">
        <summary>Colours and classes</summary>
        <Select label="Palette (colour-blind safe)" value={p.state.palette} testId="palette-select"
          options={PALETTES.map((x) => ({ value: x.id, label: x.label }))} onChange={p.onPalette} />
        <Select label="Classification" value={cls.method} testId="method-select"
          options={CLASS_METHODS.map((m) => ({ value: m.id, label: m.label, disabled: (m.id === 'categorical' && p.indicator.kind !== 'decile') || (m.id === 'decile' && p.indicator.kind !== 'rank') }))}
          onChange={(v) => setCls({ method: v as ClassMethod, classes: v === 'decile' || v === 'categorical' ? 10 : cls.method === 'decile' || cls.method === 'categorical' ? 5 : cls.classes })} />
        <HelpTip topic="classification" />
        {cls.method !== 'decile' && cls.method !== 'categorical' && cls.method !== 'custom' && (
          <Select label="Number of classes" value={String(cls.classes)} testId="classes-select"
            options={[3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ value: String(n), label: String(n) }))} onChange={(v) => setCls({ classes: Number(v) })} />
        )}
        {cls.method === 'custom' && <CustomBreaks value={cls.custom ?? []} onChange={(custom) => setCls({ custom })} />}
        <Select label="Class breaks from" value={cls.scope} testId="scope-select"
          options={[{ value: 'focus', label: 'The focus region (or England)' }, { value: 'england', label: 'All of England (fixed)' }]}
          onChange={(v) => setCls({ scope: v as Classification['scope'] })} />
        <HelpTip topic="scope" />
        <button type="button" onClick={() => p.onClassification(null)}>Reset to default</button>
      </details>
    </div>
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
