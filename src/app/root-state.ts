/**
 * The root element's `data-state` ("loading" | "ready" | "error") and `data-view` (level|measure|options
 * of the map on screen) let tests and automation know when the requested map is actually drawn.
 */
export type RootState = 'loading' | 'ready' | 'error' | 'empty';

export function setRootState(state: RootState, view?: string): void {
  const root = document.getElementById('root');
  if (!root) return;
  root.dataset.state = state;
  if (view !== undefined) root.dataset.view = view;
}
