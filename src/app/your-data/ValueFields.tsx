/**
 * The mapping dialog's fields for one value column: label, unit, direction, and for a rate its
 * denominator column, how it is shown (%, per 1,000 …), what kind of rate it is (which decides its
 * interval) and whether small numbers are hidden. Column names are the user's text: shown as React
 * text only.
 */
import type { Polarity, RatioCi } from '../../data/catalogue/types';
import { DIRECTION_CHOICES } from '../../data/import/mapping-defaults';
import { RATE_MULTIPLIERS, UNIT_LABELS, type RatioSpec, type UnitChoice } from '../../data/import/user-dataset';
import { Select } from '../../ui/Select';
import { TextField } from './TextField';
import type { ValueChoice } from './user-data-engine';

const UNITS = Object.keys(UNIT_LABELS) as UnitChoice[];

const KINDS: { value: RatioCi; label: string }[] = [
  { value: 'proportion', label: 'A share of a list, e.g. screening coverage = screened ÷ eligible (Wilson interval)' },
  { value: 'poisson', label: 'Events in a population, e.g. urgent suspected cancer referrals per 1,000 patients (Byar interval)' },
];

const SMALL = [
  { value: '0', label: 'Show every rate; mark those from fewer than 10 events as imprecise' },
  { value: '10', label: 'Hide rates from fewer than 10 events (as OHID publishes rates)' },
  { value: '5', label: 'Hide rates from fewer than 5 events' },
];

const per = (m: number) => (m === 100 ? 'Percentage (× 100)' : `Per ${m.toLocaleString('en-GB')}`);

export interface ValueFieldsProps {
  value: ValueChoice;
  /** Position in the list (test ids). */
  k: number;
  /** Numeric columns that can be this rate's denominator. */
  denominators: string[];
  onChange(patch: Partial<ValueChoice>): void;
}

export function ValueFields({ value: r, k, denominators, onChange }: ValueFieldsProps) {
  const ratio = r.ratio;
  const setRatio = (patch: Partial<RatioSpec>) => ratio && onChange({ ratio: { ...ratio, ...patch } });
  return (
    <div className="yd-value-fields">
      <TextField label="Label" value={r.label} onChange={(label) => onChange({ label })} testId={`yd-value-label-${k}`} />
      <Select label="Unit" value={r.unit} testId={`yd-value-unit-${k}`}
        options={UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u], disabled: u === 'ratio' && !denominators.length }))}
        onChange={(u) => onChange({ unit: u as UnitChoice })} />
      {ratio && (
        <>
          <Select label={`Denominator: what "${r.column}" is counted in`} value={ratio.denominator} testId={`yd-value-denominator-${k}`}
            options={denominators.map((c) => ({ value: c, label: c }))} onChange={(denominator) => setRatio({ denominator })}
            hint="Both columns are added up wherever rows or areas are combined, and the rate recomputed." />
          <Select label="Kind of rate" value={ratio.ci} testId={`yd-value-kind-${k}`} options={KINDS} onChange={(ci) => setRatio({ ci: ci as RatioCi })} />
          <Select label="Shown as" value={String(ratio.multiplier)} testId={`yd-value-per-${k}`}
            options={RATE_MULTIPLIERS.map((m) => ({ value: String(m), label: per(m) }))} onChange={(m) => setRatio({ multiplier: Number(m) })} />
          {ratio.multiplier !== 100 && (
            <TextField label="Counted per" value={r.unitText} onChange={(unitText) => onChange({ unitText })} hint="What the denominator counts, e.g. “patients” (per 1,000 patients)." />
          )}
          <Select label="Small numbers" value={String(ratio.suppressBelow)} testId={`yd-value-small-${k}`} options={SMALL}
            onChange={(v) => setRatio({ suppressBelow: Number(v) })} />
        </>
      )}
      {(r.unit === 'rate' || r.unit === 'number') && (
        <TextField label="Unit text" value={r.unitText} onChange={(unitText) => onChange({ unitText })} hint="e.g. “per 1,000 patients”" />
      )}
      <Select label="Direction" value={r.polarity} testId={`yd-value-direction-${k}`} options={DIRECTION_CHOICES}
        onChange={(v) => onChange({ polarity: v as Polarity })}
        hint={r.polarity === 'neutral' ? 'Neutral until you choose: the map shows low to high and never calls an area better or worse.' : undefined} />
    </div>
  );
}
