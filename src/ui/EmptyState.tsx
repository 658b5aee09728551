/** Shown when no data has been built: the app still starts and says how to get data. */
import type { ReactNode } from 'react';

export function EmptyState({ children }: { children?: ReactNode }) {
  return (
    <main className="empty-state">
      <h1>Hotspot Atlas</h1>
      <p><strong>No map data is available yet.</strong> The atlas needs its data files (boundaries, deprivation, population), which are built from open data and are not part of the code.</p>
      <h2>To build the data</h2>
      <ol>
        <li>With the raw open-data folder: <code>npm run data -- --raw PATH/TO/raw</code></li>
        <li>With internet access: <code>npm run data -- --download</code> (fetches the official MHCLG and ONS releases)</li>
        <li>Then reload this page (or run <code>npm run build</code> again for a static site).</li>
      </ol>
      {children}
    </main>
  );
}
