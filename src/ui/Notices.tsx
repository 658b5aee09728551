/** Messages for the user: warnings (e.g. a damaged share link) and errors with what to do next. */
export interface Notice {
  id: string;
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: string): void }) {
  if (!notices.length) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" className="icon-button" onClick={() => onDismiss(n.id)} aria-label="Dismiss message">×</button>
        </div>
      ))}
    </div>
  );
}
