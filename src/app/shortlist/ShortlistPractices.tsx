/**
 * The shortlist's "Practices and PCNs" section: practices and Primary Care Networks the planner added
 * (from the pull partners), apart from the areas because they are not areas. Each is named from the
 * practice data with its ODS code, and can be removed; they go into the share link and every export.
 */
import { useEffect, useState } from 'react';
import type { ShortlistPracticeRow } from '../../export/shortlist-practices';
import type { ShortlistPractice } from '../../state/shortlist-practices';
import type { AtlasContext } from '../atlas-context';
import { loadShortlistPracticeRows } from './shortlist-practice-rows';

export function ShortlistPractices({ ctx, list }: { ctx: AtlasContext; list: readonly ShortlistPractice[] }) {
  const [rows, setRows] = useState<ShortlistPracticeRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(list);
  useEffect(() => {
    let live = true;
    loadShortlistPracticeRows(ctx.data.queries, JSON.parse(key) as ShortlistPractice[]).then(
      (r) => live && setRows(r),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [ctx.data.queries, key]);
  if (!list.length) return null;
  // Rows by kind and code: while a changed list is being named again, the old names still match.
  const named = new Map((rows ?? []).map((r) => [`${r.kind}:${r.kind === 'pcn' ? r.pcnCode : r.practiceCode}`, r]));
  const remove = (p: ShortlistPractice) => ctx.update((s) => ({ shortlistPractices: s.shortlistPractices.filter((o) => o.kind !== p.kind || o.code !== p.code) }));
  return (
    <section className="shortlist-practices" aria-labelledby="shortlist-practices-h" data-testid="shortlist-practices">
      <h3 id="shortlist-practices-h">Practices and PCNs ({list.length})</h3>
      <p className="hint">Added from the pull partners. Not areas: they are listed apart, kept in the share link, and exported with their ODS codes (a separate file in the CSV download, a sheet in Excel, points at the practice sites in GeoJSON).</p>
      {error && <p role="alert">The practices could not be named ({error}). Reload the page and try again.</p>}
      <ul>
        {list.map((p) => {
          const r = named.get(`${p.kind}:${p.code}`);
          const label = !r ? p.code : r.kind === 'pcn' ? `${r.name} (PCN ${p.code}${r.practices !== null ? `, ${r.practices} practices` : ''})` : `${r.name} (${p.code}${r.pcnName ? `; ${r.pcnName}` : ''})`;
          return (
            <li key={`${p.kind}-${p.code}`}>
              {label}{' '}
              <button type="button" onClick={() => remove(p)} aria-label={`Remove ${label} from the shortlist`}>Remove</button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
