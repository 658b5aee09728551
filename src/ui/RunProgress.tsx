/** Progress of a long computation with a way to stop it (the map stays usable meanwhile). */
export interface RunProgressProps {
  label: string;
  /** 0..1, or null while the amount of work is not known yet. */
  fraction: number | null;
  onCancel(): void;
}

export function RunProgress({ label, fraction, onCancel }: RunProgressProps) {
  return (
    <div className="run-progress" role="status" aria-live="polite" data-testid="run-progress">
      <p>{label}{fraction !== null ? ` (${Math.round(fraction * 100)} %)` : ''}</p>
      <progress max={1} value={fraction ?? undefined} aria-label={label} />
      <button type="button" onClick={onCancel} data-testid="run-cancel">Cancel</button>
    </div>
  );
}
