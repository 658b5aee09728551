/** Start-up progress: what is happening now and how far along it is. */
export interface LoadingStep {
  label: string;
  fraction: number | null;
}

export function LoadingScreen({ step }: { step: LoadingStep }) {
  return (
    <div className="loading-screen" role="status" aria-live="polite">
      <h1>Hotspot Atlas</h1>
      <p>{step.label}…</p>
      <progress max={1} value={step.fraction ?? undefined} aria-label={step.label} />
    </div>
  );
}

/** A small progress strip over the map while a level or measure loads. */
export function BusyStrip({ label }: { label: string | null }) {
  if (!label) return null;
  return (
    <div className="busy-strip" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
