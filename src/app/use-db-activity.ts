/**
 * What the database is doing while something waits for it ("Loading data tables (areas: 1.2 of
 * 3.4 MB)"), shown only once a wait has lasted `delayMs`: short waits stay silent.
 */
import { useEffect, useState } from 'react';
import type { AtlasDb } from '../data/db/atlas-db';

export function useDbActivity(db: AtlasDb, delayMs = 300): string | null {
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    let since: ReturnType<typeof setTimeout> | undefined;
    let latest: string | null = null;
    const off = db.onActivity((a) => {
      latest = a.label;
      if (!a.label) {
        clearTimeout(since);
        since = undefined;
        setLabel(null);
      } else if (since === undefined) {
        since = setTimeout(() => setLabel(latest), delayMs);
      } else setLabel((shown) => (shown ? a.label : shown));
    });
    return () => {
      off();
      clearTimeout(since);
    };
  }, [db, delayMs]);
  return label;
}
