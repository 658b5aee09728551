/**
 * Start-up: read the manifest, then show the atlas at once (the first map's shapes and values
 * arrive while it mounts, see boot.ts); or say how to get data, or what failed.
 */
import { useEffect, useState } from 'react';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { LoadingScreen } from '../ui/LoadingScreen';
import { AtlasView } from './AtlasView';
import { boot, type Booted } from './boot';
import { setRootState } from './root-state';
import { UpdatePrompt } from './UpdatePrompt';
import { downloadProjectFile } from './your-data/save-project';
import { userDataEngine } from './your-data/use-your-data-feature';

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
      <Screen state={state} />
    </>
  );
}

function Screen({ state }: { state: Boot }) {
  if (state.status === 'loading') return <LoadingScreen step={{ label: 'Reading the data manifest', fraction: null }} />;
  if (state.status === 'empty') return <EmptyState />;
  if (state.status === 'error') return <FatalError message={state.message} />;
  const { data, shapes } = state.booted;
  return (
    <ErrorBoundary label="The atlas" region="atlas" onError={() => setRootState('error')}
      fallback={(error, retry) => <AtlasFailed error={error} retry={retry} save={() => downloadProjectFile(userDataEngine(data, shapes))} hasOwnData={!userDataEngine(data, shapes).store.isEmpty()} />}>
      <AtlasView data={data} geometry={shapes} />
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
