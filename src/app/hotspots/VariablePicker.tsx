/**
 * Picks the variable a hotspot statistic runs on: any catalogue indicator at this level (grouped by
 * dataset, with its options such as period or sex), or a variable another feature registered.
 */
import { allIndicators, findIndicator, isAvailable } from '../../data/catalogue';
import { dimensionValues } from '../../data/catalogue/types';
import type { LevelId } from '../../geo/levels';
import type { HotspotVariable } from '../../state/hotspot-spec';
import { Select } from '../../ui/Select';
import type { HotspotVariableSource } from './hotspot-variables';

export interface VariablePickerProps {
  label: string;
  value: HotspotVariable;
  level: LevelId;
  registered: HotspotVariableSource[];
  onChange(v: HotspotVariable): void;
  testId: string;
  hint?: string;
}

export function VariablePicker(p: VariablePickerProps) {
  const options = [
    ...p.registered.map((r) => ({ value: r.id, label: r.label, group: 'Derived' })),
    ...allIndicators().map((i) => ({ value: i.id, label: isAvailable(i, p.level) ? i.short : `${i.short} (other level)`, group: i.group, disabled: !isAvailable(i, p.level) })),
  ];
  const ind = findIndicator(p.value.id);
  const known = options.some((o) => o.value === p.value.id);
  const dims = ind ? dimensionValues(ind, p.value.dims) : {};
  return (
    <div className="variable-picker">
      <Select label={p.label} value={p.value.id} testId={p.testId} hint={p.hint ?? ind?.definition}
        options={known ? options : [{ value: p.value.id, label: `${p.value.id} (not loaded)`, group: 'Unavailable', disabled: true }, ...options]}
        onChange={(id) => p.onChange({ id, dims: {} })} />
      {(ind?.dimensions ?? []).map((d) => (
        <Select key={d.key} label={`${d.label} (${ind!.short})`} value={dims[d.key]} testId={`${p.testId}-${d.key}`}
          options={d.values.map((v) => ({ value: v.value, label: v.label }))}
          onChange={(v) => p.onChange({ id: p.value.id, dims: { ...p.value.dims, [d.key]: v } })} />
      ))}
    </div>
  );
}
