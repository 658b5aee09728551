/** The legend: class colours with their value ranges and counts, which end is worse, and the method. */
import { VariationWarning, type VariationWarningModel } from './VariationWarning';

export interface LegendItem {
  colour: string;
  label: string;
  count: number;
}

/** A national ambition marked among the classes (the 75 % early-stage ambition). */
export interface LegendTarget {
  text: string;
  /** How many classes (in display order) come before the mark. */
  position: number;
}

export interface LegendModel {
  title: string;
  target?: LegendTarget | null;
  /** Items ordered from the worse end to the better end. */
  items: LegendItem[];
  worseLabel: string;
  noData: number;
  /** Areas whose value is withheld (fewer than 10 cases); never drawn as zero. */
  suppressed?: number;
  classification: string;
  method: string;
  notes: string[];
  /** Inputs of a composite or rule that do not vary in the region (shown above the method). */
  warning?: VariationWarningModel | null;
  /** Switches the breaks between the focus region and England (shown beside the classification). */
  breaksAction?: { label: string; run(): void } | null;
}

export function Legend({ model }: { model: LegendModel }) {
  return (
    <section className="legend" aria-labelledby="legend-title" data-testid="legend">
      <h2 id="legend-title">{model.title}</h2>
      <p className="legend-direction">Darkest: {model.worseLabel}</p>
      <ul className="legend-items">
        {model.items.flatMap((it, i) => [
          ...(model.target && model.target.position === i ? [<TargetMark key="target" text={model.target.text} />] : []),
          <li key={i}>
            <span className="swatch" style={{ background: it.colour }} aria-hidden="true" />
            <span className="legend-label">{it.label}</span>
            <span className="legend-count">{it.count.toLocaleString('en-GB')}</span>
          </li>,
        ])}
        {model.target && model.target.position >= model.items.length && <TargetMark text={model.target.text} />}
        {(model.suppressed ?? 0) > 0 && (
          <li>
            <span className="swatch swatch-nodata" aria-hidden="true" />
            <span className="legend-label">Suppressed: fewer than 10 cases</span>
            <span className="legend-count">{model.suppressed!.toLocaleString('en-GB')}</span>
          </li>
        )}
        {model.noData > 0 && (
          <li>
            <span className="swatch swatch-nodata" aria-hidden="true" />
            <span className="legend-label">No data</span>
            <span className="legend-count">{model.noData.toLocaleString('en-GB')}</span>
          </li>
        )}
      </ul>
      {model.warning && <VariationWarning model={model.warning} testId="legend-variation" />}
      <p className="hint" data-testid="legend-classification">{model.classification}</p>
      {model.breaksAction && <button type="button" className="link-button" onClick={model.breaksAction.run} data-testid="legend-breaks-action">{model.breaksAction.label}</button>}
      <p className="hint" data-testid="legend-method">{model.method}</p>
      {model.notes.map((n) => (
        <p key={n} className="hint legend-note">{n}</p>
      ))}
    </section>
  );
}

function TargetMark({ text }: { text: string }) {
  return (
    <li className="legend-target" data-testid="legend-target">
      <span className="target-swatch" aria-hidden="true" />
      <span className="legend-label">{text}</span>
    </li>
  );
}
