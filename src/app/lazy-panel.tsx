/**
 * Panels (and what only they use) load when first opened, so the first map's download stays small.
 * If a panel's code cannot be fetched (offline, or the site was updated since the page opened and
 * the old file is gone), the panel says so and offers a reload instead of breaking the atlas.
 */
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

class PanelBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice notice-error" role="alert">
        <p>This part of the atlas could not be loaded ({this.state.error.message}). If the atlas was updated since you opened it, or the network dropped, reload the page; the view is kept.</p>
        <button type="button" onClick={() => location.reload()}>Reload</button>
      </div>
    );
  }
}

export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  const Panel = (props: P) => (
    <PanelBoundary>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <Lazy {...props} />
      </Suspense>
    </PanelBoundary>
  );
  return Panel;
}
