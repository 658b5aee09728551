/**
 * Start-up: read the manifest, then show the atlas at once (the first map's shapes and values
 * arrive while it mounts, see boot.ts); or say how to get data, or what failed.
 */
import { Component, useEffect, useState, type ReactNode } from 'react';
import { EmptyState } from '../ui/EmptyState';
import { LoadingScreen } from '../ui/LoadingScreen';
import { AtlasView } from './AtlasView';
import { boot, type Booted } from './boot';
import { setRootState } from './root-state';
import { UpdatePrompt } from './UpdatePrompt';

type Boot = { status: 'loading' } | { status: 'ready'; booted: Booted } | { status: 'empty' } | { status: 'error'; message: string };

/** Started once per page (React's development double-mount must not boot twice). */
let started: Promise<Booted | null> | null = null;

export function App() {
  const [state, setState] = useState<Boot>({ status: 'loading' });
  useEffect(() => {
    (started ??= boot()).then(
      (booted) => setState(booted ? { status: 'ready', booted } : { status: 'empty' }),
      (e: Error) => setState({ status: 'error', message: e.message }),
    );
  }, []);
  useEffect(() => {
    if (state.status === 'empty') setRootState('empty');
    if (state.status === 'error') setRootState('error');
  }, [state.status]);

  return (
    <>
      <UpdatePrompt />
      {state.status === 'loading' ? <LoadingScreen step={{ label: 'Reading the data manifest', fraction: null }} />
        : state.status === 'empty' ? <EmptyState />
        : state.status === 'error' ? <FatalError message={state.message} />
        : (
          <ErrorBoundary>
            <AtlasView data={state.booted.data} geometry={state.booted.shapes} />
          </ErrorBoundary>
        )}
    </>
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
