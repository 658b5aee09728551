/**
 * Slow derived views (a 33,755-row table) follow a fast-changing value only once it has stopped
 * changing for `ms`, so dragging a weight recolours the map at once without rebuilding the table on
 * every step. `lazy` builds such a view only when someone reads it (the table is hidden by default).
 */
import { useEffect, useMemo, useState } from 'react';

export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, settled, ms]);
  // Until the first value arrives there is nothing stale to show.
  return settled ?? value;
}

export function useLazy<T>(build: () => T, deps: unknown[]): () => T {
  return useMemo(() => {
    let done = false;
    let v: T;
    return () => {
      if (!done) {
        v = build();
        done = true;
      }
      return v;
    };
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps -- callers pass build's dependencies, as with useMemo
}
