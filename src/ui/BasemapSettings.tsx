/** Optional online basemap: a MapLibre style URL, kept in this browser only (never in share links). */
import { useId, useState } from 'react';

export function BasemapSettings({ url, onSave }: { url: string | null; onSave(url: string | null): void }) {
  const id = useId();
  const [draft, setDraft] = useState(url ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    const v = draft.trim();
    if (!v) return onSave(null);
    try {
      const u = new URL(v);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('bad protocol');
      setError(null);
      onSave(u.toString());
    } catch {
      setError('That is not a web address. Paste a MapLibre style URL starting with https://');
    }
  };
  return (
    <div className="basemap-settings">
      <p>By default the map uses no online service: a plain background with local-authority outlines and names from the atlas's own data. That works on locked-down networks.</p>
      <p>To show streets underneath, paste the address of a MapLibre style (for example from your organisation's tile server). Your browser will then fetch map tiles from that service; the atlas's data still stays in your browser.</p>
      <div className="field">
        <label htmlFor={id}>MapLibre style URL</label>
        <input id={id} type="url" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="https://…/style.json" aria-describedby={error ? `${id}-err` : undefined} aria-invalid={error ? true : undefined} />
        {error && <p id={`${id}-err`} className="field-error" role="alert">{error}</p>}
      </div>
      <div className="button-row">
        <button type="button" onClick={save}>Use this basemap</button>
        <button type="button" onClick={() => { setDraft(''); onSave(null); }}>Use the offline basemap</button>
      </div>
    </div>
  );
}
