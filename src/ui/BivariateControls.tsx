/** The bivariate map's two measures, each with its classification, the colour scheme and a swap. */
import type { ReactNode } from 'react';
import { MeasurePicker, type DimensionControl } from './MeasurePicker';
import { Select, type SelectOption } from './Select';

export interface BivariateAxisView {
  indicator: string;
  dims: DimensionControl[];
  note: string | null;
  classes: ReactNode;
}

export interface BivariateControlsProps {
  x: BivariateAxisView;
  y: BivariateAxisView;
  measures: SelectOption[];
  scheme: string;
  schemes: SelectOption[];
  onMeasure(axis: 'x' | 'y', id: string): void;
  onDims(axis: 'x' | 'y', d: Record<string, string>): void;
  onScheme(s: string): void;
  onSwap(): void;
}

export function BivariateControls(p: BivariateControlsProps) {
  const axis = (a: 'x' | 'y', v: BivariateAxisView, title: string) => (
    <fieldset className="bivariate-axis" data-testid={`bivariate-${a}`}>
      <legend>{title}</legend>
      <MeasurePicker label="Measure" value={v.indicator} options={p.measures} dims={v.dims} note={v.note}
        onMeasure={(id) => p.onMeasure(a, id)} onDims={(d) => p.onDims(a, d)} testId={`bivariate-measure-${a}`} />
      {v.classes}
    </fieldset>
  );
  return (
    <div className="bivariate-controls">
      {axis('x', p.x, 'Columns (first measure)')}
      {axis('y', p.y, 'Rows (second measure)')}
      <div className="button-row">
        <button type="button" onClick={p.onSwap} data-testid="bivariate-swap">Swap rows and columns</button>
      </div>
      <Select label="Colour scheme (colour-blind aware)" value={p.scheme} options={p.schemes} onChange={p.onScheme} testId="bivariate-scheme" />
    </div>
  );
}
