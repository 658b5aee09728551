/**
 * The mapping dialog's choice of weight for values without a denominator (rates, percentages,
 * scores): wherever rows or areas combine they are averaged by it, and the method text says so.
 */
import type { WeightSpec } from '../../data/import/user-dataset';
import { Select } from '../../ui/Select';

const key = (w: WeightSpec) => (w.kind === 'column' ? `column:${w.column}` : w.kind);

export interface WeightFieldProps {
  weight: WeightSpec;
  practices: boolean;
  /** Numeric columns of the file that could weigh (not the key). */
  columns: string[];
  /** A list-size-like column, flagged in its option. */
  detected: string | null;
  onChange(w: WeightSpec): void;
}

export function WeightField({ weight, practices, columns, detected, onChange }: WeightFieldProps) {
  const options: { value: string; label: string; w: WeightSpec }[] = [
    practices
      ? { value: 'list-size', label: 'Registered patients of each practice (NHS QOF 2022-23 list sizes)', w: { kind: 'list-size' } }
      : { value: 'residents', label: 'Census 2021 residents of each area (former districts of a merged council by their own residents)', w: { kind: 'residents' } },
    ...columns.map((c): { value: string; label: string; w: WeightSpec } => ({ value: `column:${c}`, label: `Column “${c}” of your file${c === detected ? ' (looks like a list size)' : ''}`, w: { kind: 'column', column: c } })),
    { value: 'equal', label: 'No weights: every row counts once (the map says so)', w: { kind: 'equal' } },
  ];
  return (
    <fieldset className="yd-fieldset">
      <legend>Values without a denominator</legend>
      <Select label="Average them weighted by" value={key(weight)} testId="yd-weight" options={options}
        onChange={(v) => onChange(options.find((o) => o.value === v)!.w)}
        hint={`Used wherever rows or areas combine: ${practices ? 'practices in one LSOA, ' : 'former districts of a merged council, '}repeated rows, and larger areas. Counts are added up and rates with a denominator are recomputed from sums, so they need no weight.`} />
    </fieldset>
  );
}
