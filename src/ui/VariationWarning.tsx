/**
 * The warning a composite or rule shows when some of its inputs have one value for every area of the
 * region, with a button to compute it where every input varies. Beside the legend and in the panel.
 */
export interface VariationWarningModel {
  text: string;
  action: { label: string; onClick(): void } | null;
}

export function VariationWarning({ model, testId }: { model: VariationWarningModel; testId: string }) {
  return (
    <div className="variation-warning" role="note" data-testid={testId}>
      <p><strong>Inputs that do not vary here. </strong>{model.text}</p>
      {model.action && (
        <button type="button" onClick={model.action.onClick} data-testid={`${testId}-action`}>{model.action.label}</button>
      )}
    </div>
  );
}
