/**
 * Defining groups of ethnic groups ("Black, Asian, Mixed and Other ethnic groups"): tick ONS groups,
 * name the group, add it; it is then a choice of the "Your group" measures wherever a measure is
 * picked. Ticking a high-level group takes all of its detailed groups (they are shown ticked and
 * locked), so nobody is counted twice.
 */
import { useId, useState } from 'react';

export interface EthnicGroupOption {
  key: string;
  label: string;
  /** The high-level group a detailed group belongs to; null for a high-level group. */
  broad: string | null;
}

export interface EthnicGroupsEditorProps {
  options: EthnicGroupOption[];
  groups: { id: string; label: string; members: string }[];
  max: number;
  /** Adds a group; returns why it could not be added, or null. */
  onAdd(label: string, members: string[]): string | null;
  onRemove(id: string): void;
  /** A ready-made group offered as one click (label shown on the button), or null when it exists. */
  quick: { label: string; members: string[] } | null;
}

export function EthnicGroupsEditor(p: EthnicGroupsEditorProps) {
  const id = useId();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const broad = p.options.filter((o) => !o.broad);
  const toggle = (key: string) => setTicked((t) => {
    const n = new Set(t);
    if (n.has(key)) n.delete(key);
    else n.add(key);
    return n;
  });
  const add = (label: string, members: string[]) => {
    const why = p.onAdd(label, members);
    setError(why);
    if (!why) {
      setTicked(new Set());
      setName('');
    }
  };
  const full = p.groups.length >= p.max;
  return (
    <details className="ethnic-groups" data-testid="ethnic-groups">
      <summary>Groups of ethnic groups ({p.groups.length})</summary>
      <p className="hint">Put Census groups together, then pick the group as "Your group" in any measure: the map, the composite index, overlap rules, bivariate maps, hotspots and shortlist columns. Groups travel in the share link.</p>
      {p.groups.length > 0 && (
        <ul className="ethnic-group-list">
          {p.groups.map((g) => (
            <li key={g.id}>
              <span><strong>{g.label}</strong> <span className="hint">({g.members})</span></span>
              <button type="button" onClick={() => p.onRemove(g.id)} aria-label={`Remove the group ${g.label}`}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      {p.quick && !full && (
        <button type="button" onClick={() => add(p.quick!.label, p.quick!.members)} data-testid="ethnic-group-quick">Add "{p.quick.label}"</button>
      )}
      <fieldset className="hotspot-fieldset" disabled={full}>
        <legend>New group{full ? ` (at most ${p.max})` : ''}</legend>
        {broad.map((b) => (
          <div key={b.key} className="ethnic-group-block">
            <div className="checkbox-field">
              <input type="checkbox" id={`${id}-${b.key}`} checked={ticked.has(b.key)} onChange={() => toggle(b.key)} />
              <label htmlFor={`${id}-${b.key}`}><strong>{b.label}</strong> (all)</label>
            </div>
            {p.options.filter((o) => o.broad === b.key).map((o) => (
              <div key={o.key} className="checkbox-field ethnic-group-detail">
                <input type="checkbox" id={`${id}-${o.key}`} checked={ticked.has(o.key) || ticked.has(b.key)} disabled={ticked.has(b.key)} onChange={() => toggle(o.key)} />
                <label htmlFor={`${id}-${o.key}`}>{o.label}</label>
              </div>
            ))}
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-name`}>Name of the group (optional)</label>
          <input id={`${id}-name`} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder="e.g. Black, Asian, Mixed and Other ethnic groups" />
        </div>
        <button type="button" onClick={() => add(name, [...ticked])} data-testid="ethnic-group-add">Add group</button>
        {error && <p className="field-error" role="alert">{error}</p>}
      </fieldset>
    </details>
  );
}
