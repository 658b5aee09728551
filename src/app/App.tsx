/** Start-up: load the data (with progress), then show the atlas; or say how to get data, or what failed. */
import { Component, useEffect, useState, type ReactNode } from 'react';
import { openBrowserDb } from '../data/db/duckdb-browser';
import { loadAtlas, type AtlasData, type BootProgress } from '../data/load-atlas';
import { EmptyState } from '../ui/EmptyState';
import { LoadingScreen } from '../ui/LoadingScreen';
import { AtlasView } from './AtlasView';
import { startEthnicGroupSync } from './ethnic-groups/ethnic-group-sync';
import { GeometryStore } from './geometry-store';
import { viewStore } from './view-store';
import type { DataManifest } from '../data/manifest';
import { setRootState } from './root-state';

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
    const loaded = loadAtlas(DATA_BASE, openBrowserDb, (p) => listeners.forEach((l) => l(p)), prefetch);
    // The user's groups of ethnic groups (from a link or local storage) get their table before the atlas draws.
    started = {
      listeners,
      promise: loaded.then(async (d) => {
        if (d) await startEthnicGroupSync(d);
        return d;
      }),
    };
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
  return (
    <ErrorBoundary>
      <AtlasView data={boot.data} geometry={geometry!} />
    </ErrorBoundary>
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

class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch() {
    setRootState('error');
  }
  render() {
    return this.state.error ? <FatalError message={this.state.error.message} /> : this.props.children;
  }
}
