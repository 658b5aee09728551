/** A measure and its options (period, sex, site...) as labelled selects; used by every combine control. */
import { Select, type SelectOption } from './Select';

export interface DimensionControl {
  key: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

export interface MeasurePickerProps {
  label: string;
  value: string;
  options: SelectOption[];
  dims: DimensionControl[];
  onMeasure(id: string): void;
  onDims(d: Record<string, string>): void;
  /** e.g. why the measure cannot be used at this level. */
  note?: string | null;
  testId?: string;
}

export function MeasurePicker(p: MeasurePickerProps) {
  return (
    <>
      <Select label={p.label} value={p.value} options={p.options} onChange={p.onMeasure} testId={p.testId} hint={p.note ?? undefined} />
      {p.dims.length > 0 && (
        <div className="combine-dims">
          {p.dims.map((d) => (
            <Select key={d.key} label={d.label} value={d.value} options={d.options} onChange={(v) => p.onDims({ [d.key]: v })}
              testId={p.testId ? `${p.testId}-${d.key}` : undefined} />
          ))}
        </div>
      )}
    </>
  );
}
