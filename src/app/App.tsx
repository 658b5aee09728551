/** Start-up: load the data (with progress), then show the atlas; or say how to get data, or what failed. */
import { useEffect, useState } from 'react';
import { openBrowserDb } from '../data/db/duckdb-browser';
import { loadAtlas, type AtlasData, type BootProgress } from '../data/load-atlas';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { LoadingScreen } from '../ui/LoadingScreen';
import { AtlasView } from './AtlasView';
import { GeometryStore } from './geometry-store';
import { viewStore } from './view-store';
import type { DataManifest } from '../data/manifest';
import { setRootState } from './root-state';
import { downloadProjectFile } from './your-data/save-project';
import { userDataEngine } from './your-data/use-your-data-feature';

type Boot = { status: 'loading'; progress: BootProgress } | { status: 'ready'; data: AtlasData } | { status: 'empty' } | { status: 'error'; message: string };

/** Data files live next to index.html, so the site works from any sub-path. */
const DATA_BASE = new URL('data/', document.baseURI).toString();

/** Started once per page (React's development double-mount must not start two databases). */
let started: { promise: Promise<AtlasData | null>; listeners: Set<(p: BootProgress) => void> } | null = null;
let geometry: GeometryStore | null = null;
function startOnce(onProgress: (p: BootProgress) => void) {
  if (!started) {
    const listeners = new Set<(p: BootProgress) => void>();
    const prefetch = (m: DataManifest) => {
      geometry = new GeometryStore(m, DATA_BASE);
      // Shapes for the first map and the local-authority outlines download while DuckDB starts.
      void geometry.load(viewStore.get().level).catch(() => undefined);
      void geometry.load('lad24').catch(() => undefined);
    };
    started = { listeners, promise: loadAtlas(DATA_BASE, openBrowserDb, (p) => listeners.forEach((l) => l(p)), prefetch) };
  }
  started.listeners.add(onProgress);
  return started.promise;
}

export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'loading', progress: { stage: 'manifest', label: 'Starting', fraction: null } });
  useEffect(() => {
    startOnce((progress) => setBoot({ status: 'loading', progress })).then(
      (data) => setBoot(data ? { status: 'ready', data } : { status: 'empty' }),
      (e: Error) => setBoot({ status: 'error', message: e.message }),
    );
  }, []);
  useEffect(() => {
    if (boot.status === 'empty') setRootState('empty');
    if (boot.status === 'error') setRootState('error');
  }, [boot.status]);

  if (boot.status === 'loading') return <LoadingScreen step={boot.progress} />;
  if (boot.status === 'empty') return <EmptyState />;
  if (boot.status === 'error') return <FatalError message={boot.message} />;
  const data = boot.data;
  return (
    <ErrorBoundary label="The atlas" region="atlas" onError={() => setRootState('error')}
      fallback={(error, retry) => <AtlasFailed error={error} retry={retry} save={() => downloadProjectFile(userDataEngine(data, geometry!))} hasOwnData={!userDataEngine(data, geometry!).store.isEmpty()} />}>
      <AtlasView data={data} geometry={geometry!} />
    </ErrorBoundary>
  );
}

/**
 * The atlas as a whole failed to render. The data a user added lives outside the view (see
 * userDataEngine), so "Try again" brings it back; a reload would not, so it is offered only with a
 * project file to keep the data, or when there is none.
 */
function AtlasFailed(p: { error: Error; retry(): void; save(): Promise<void>; hasOwnData: boolean }) {
  const [saving, setSaving] = useState<{ state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; message: string }>({ state: 'idle' });
  const save = () => {
    setSaving({ state: 'saving' });
    p.save().then(() => setSaving({ state: 'saved' }), (e: unknown) => setSaving({ state: 'failed', message: `The project file could not be saved (${e instanceof Error ? e.message : String(e)}).` }));
  };
  return (
    <main className="empty-state" role="alert" data-testid="atlas-failed">
      <h1>Something went wrong in the atlas</h1>
      <p>{p.error.message}</p>
      <p><button type="button" onClick={() => { setRootState('loading'); p.retry(); }}>Try again</button></p>
      {p.hasOwnData ? (
        <>
          <p>The data you added from your own files is still here. If trying again does not help, save a project file first: reloading the page clears that data, and opening the project file under "Your data" brings it back.</p>
          <p>
            <button type="button" onClick={save} disabled={saving.state === 'saving'}>Save a project file</button>{' '}
            {saving.state === 'saved' ? 'Saved: now you can reload the page.' : saving.state === 'saving' ? 'Saving…' : saving.state === 'failed' ? saving.message : ''}
          </p>
        </>
      ) : (
        <p>If trying again does not help, reload the page: you have not added data of your own, so nothing is lost.</p>
      )}
    </main>
  );
}

function FatalError({ message }: { message: string }) {
  return (
    <main className="empty-state" role="alert">
      <h1>Hotspot Atlas could not start</h1>
      <p>{message}</p>
      <p>Reload the page to try again. If this keeps happening, the data files may be incomplete: rebuild them with <code>npm run data</code>, or check that your browser supports WebAssembly and Web Workers.</p>
    </main>
  );
}
