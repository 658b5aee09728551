/**
 * Files being read or waiting for the user: progress with a cancel button, or the message of a file
 * that could not be read (kept until dismissed). Names and messages are plain text.
 */
export type FileQueueItem =
  | { key: string; name: string; state: 'busy'; label: string; fraction: number | null; onCancel?(): void }
  | { key: string; name: string; state: 'waiting'; label: string; actions: { label: string; onClick(): void }[] }
  | { key: string; name: string; state: 'error'; message: string; onDismiss(): void };

export function FileQueue({ items }: { items: FileQueueItem[] }) {
  if (!items.length) return null;
  return (
    <ul className="file-queue" aria-label="Files being loaded" data-testid="file-queue">
      {items.map((it) => (
        <li key={it.key} className={`file-queue-item file-queue-${it.state}`}>
          {it.state === 'busy' && (
            <>
              <span className="file-queue-name">{it.name}</span>
              <span className="file-queue-label" role="status">{it.label}</span>
              <progress max={1} value={it.fraction ?? undefined} aria-label={`${it.name}: ${it.label}`} />
              {it.onCancel && <button type="button" onClick={it.onCancel}>Cancel<span className="visually-hidden"> {it.name}</span></button>}
            </>
          )}
          {it.state === 'waiting' && (
            <>
              <span className="file-queue-name">{it.name}</span>
              <span className="file-queue-label">{it.label}</span>
              <span className="button-row">
                {it.actions.map((a) => <button key={a.label} type="button" onClick={a.onClick}>{a.label}<span className="visually-hidden"> {it.name}</span></button>)}
              </span>
            </>
          )}
          {it.state === 'error' && (
            <div className="file-queue-error" role="alert">
              <p>{it.message}</p>
              <button type="button" onClick={it.onDismiss}>Dismiss<span className="visually-hidden"> the message about {it.name}</span></button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
