/** Find an area by name or code (ARIA combobox: arrows move, Enter picks, Escape closes). */
import { useEffect, useId, useRef, useState } from 'react';

export interface SearchResult {
  key: string;
  name: string;
  code: string;
  levelLabel: string;
}

export function SearchBox(props: { search(q: string): Promise<SearchResult[]>; onPick(r: SearchResult): void }) {
  const id = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) {
      setResults([]);
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- searches when the text changes; props.search is a new function on every render
  }, [q]);

  const pick = (r: SearchResult) => {
    props.onPick(r);
    setOpen(false);
    setQ(r.name);
  };

  return (
    <div className="field search">
      <label htmlFor={id}>Find an area</label>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `${id}-opt-${active}` : undefined}
        placeholder="Name or code, e.g. Salford or E01005131"
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { setOpen(true); setActive((a) => Math.min(a + 1, results.length - 1)); e.preventDefault(); }
          else if (e.key === 'ArrowUp') { setActive((a) => Math.max(a - 1, 0)); e.preventDefault(); }
          else if (e.key === 'Enter' && results[active]) { pick(results[active]); e.preventDefault(); }
          else if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        data-testid="search-input"
      />
      {open && q.trim().length >= 2 && (
        <ul id={`${id}-list`} role="listbox" className="search-results" aria-label="Matching areas">
          {results.length === 0 && <li className="search-empty" role="option" aria-selected={false} aria-disabled="true">No matching area</li>}
          {results.map((r, i) => (
            <li key={r.key} id={`${id}-opt-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}
              onMouseDown={(e) => { e.preventDefault(); pick(r); }}>
              <span className="search-name">{r.name}</span> <span className="search-meta">{r.code} · {r.levelLabel}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
