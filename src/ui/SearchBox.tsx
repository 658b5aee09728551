/**
 * Find an area by name or code. ARIA 1.2 combobox with a listbox popup: typing opens the list,
 * arrows move, Enter picks, Escape closes (a second Escape clears the text); picking closes it.
 * Each result names its level and parent ("Moss Side · ward in Manchester"), so places with the same
 * name can be told apart. After a pick, a line says what the map now shows, with the actions the
 * result offers (e.g. focus on it, clear the outline).
 */
import { useEffect, useId, useRef, useState } from 'react';

export interface SearchResult {
  key: string;
  name: string;
  code: string;
  levelLabel: string;
  /** The area's noun ("ward"), for "ward in Manchester". */
  noun: string;
  /** The containing area's name (a ward's authority, an authority's ICB), if any. */
  parentName: string | null;
  /** What can be done once this result is on the map. */
  actions?: { label: string; run(): void; /** Also clears the search (and its line). */ clears?: boolean }[];
}

function resultContext(r: SearchResult): string {
  return r.parentName ? `${r.noun} in ${r.parentName}` : r.levelLabel;
}

export function SearchBox(props: { search(q: string): Promise<SearchResult[]>; onPick(r: SearchResult): void }) {
  const id = useId();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState(0);
  const [results, setResults] = useState<SearchResult[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<SearchResult | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const query = q.trim();
    if (typed === 0) return;
    if (query.length < 2) {
      setResults([]);
      setOpen(false);
      return;
    }
    const mine = ++seq.current;
    const t = setTimeout(() => {
      props.search(query).then((r) => {
        if (mine !== seq.current) return;
        setResults(r);
        setActive(0);
        setOpen(true);
      }, () => undefined);
    }, 150);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- searches when the user types; props.search is a new function on every render
  }, [typed]);

  const pick = (r: SearchResult) => {
    seq.current++; // a search still running must not reopen the list
    setOpen(false);
    setQ(r.name);
    setPicked(r);
    props.onPick(r);
  };
  const searched = open && q.trim().length >= 2;
  const expanded = searched && results.length > 0;

  return (
    <div className="field search">
      <label htmlFor={id}>Find an area</label>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-describedby={`${id}-hint`}
        aria-activedescendant={expanded && results[active] ? `${id}-opt-${active}` : undefined}
        placeholder="e.g. Salford, Moss Side, Greater Manchester"
        value={q}
        autoComplete="off"
        onChange={(e) => { setQ(e.target.value); setTyped((n) => n + 1); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            if (!expanded && results.length) setOpen(true);
            else setActive((a) => Math.min(a + 1, results.length - 1));
            e.preventDefault();
          } else if (e.key === 'ArrowUp') { setActive((a) => Math.max(a - 1, 0)); e.preventDefault(); }
          else if (e.key === 'Home' && expanded) { setActive(0); e.preventDefault(); }
          else if (e.key === 'End' && expanded) { setActive(results.length - 1); e.preventDefault(); }
          else if (e.key === 'Enter' && expanded && results[active]) { pick(results[active]); e.preventDefault(); }
          else if (e.key === 'Escape') {
            if (expanded) setOpen(false);
            else { setQ(''); setResults([]); }
            seq.current++;
            e.preventDefault();
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        data-testid="search-input"
      />
      <span id={`${id}-hint`} className="visually-hidden">Local authorities, ICBs, Sub-ICB locations, Cancer Alliances and wards are listed first, then LSOAs. Arrow keys move through the list, Enter chooses, Escape closes.</span>
      <span className="visually-hidden" role="status" aria-live="polite">{searched ? (results.length ? `${results.length} places found` : 'No matching place') : ''}</span>
      <ul id={`${id}-list`} role="listbox" className="search-results" aria-label="Matching places" hidden={!expanded}>
        {expanded && results.map((r, i) => (
          <li key={r.key} id={`${id}-opt-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}
            onMouseDown={(e) => { e.preventDefault(); pick(r); }}>
            <span className="search-name">{r.name}</span>{' '}
            <span className="search-meta">{resultContext(r)} · {r.code}</span>
          </li>
        ))}
      </ul>
      {searched && results.length === 0 && <p className="search-empty">No matching place. Try part of the name, or a code such as E08000006.</p>}
      {picked && !searched && (
        <p className="search-picked" data-testid="search-picked">
          Showing <strong>{picked.name}</strong> ({resultContext(picked)}, {picked.levelLabel.replace(/ \(.*\)$/, '')})
          {picked.actions?.map((a) => <button key={a.label} type="button" className="link-button" onClick={() => { a.run(); if (a.clears) { setPicked(null); setQ(''); } }}>{a.label}</button>)}
        </p>
      )}
    </div>
  );
}
