/**
 * Keeps a render error inside one part of the screen (a tab, a dialog, the area details, the map):
 * that part says what failed and offers "Try again", and everything else — the map, the other
 * tabs, the data a user loaded — carries on. A reload is never the first advice, because it would
 * throw away data added from the user's own files unless a project file keeps it.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

declare global {
  interface Window {
    /**
     * Test hook: the e2e tests set this to a region's name to make that region fail on its next
     * render, proving a crash stays contained. Nothing in the app sets it.
     */
    __atlasCrashTest?: string;
  }
}

export interface ErrorBoundaryProps {
  /** The part, as a sentence subject: "The Hotspots tab". */
  label: string;
  /** A stable name for the part (also the test hook's name and the alert's test id). */
  region: string;
  /** What to show; a function is called inside the boundary, so errors in building it are caught too. */
  children: ReactNode | (() => ReactNode);
  /** Replaces the default advice after a failure. */
  advice?: ReactNode;
  /** Replaces the whole message (for the atlas as a whole, where "the rest" is not there). */
  fallback?: (error: Error, retry: () => void) => ReactNode;
  onError?: (error: Error) => void;
  /** Class of the message's box, so it takes the place of what failed (e.g. "detail-panel"). */
  className?: string;
}

const KEEP_DATA_ADVICE = 'If it fails again, reloading the page may help, but it clears data you added under "Your data": save a project file there first, and open it again after the reload.';

function CrashProbe({ region, children }: { region: string; children: ErrorBoundaryProps['children'] }) {
  if (typeof window !== 'undefined' && window.__atlasCrashTest === region) throw new Error(`test crash in ${region}`);
  return <>{typeof children === 'function' ? children() : children}</>;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.label} failed:`, error, info.componentStack);
    this.props.onError?.(error instanceof Error ? error : new Error(String(error)));
  }

  private retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return <CrashProbe region={this.props.region}>{this.props.children}</CrashProbe>;
    if (this.props.fallback) return this.props.fallback(error, this.retry);
    return (
      <div className={`region-error ${this.props.className ?? ''}`} role="alert" data-testid={`error-${this.props.region}`}>
        <p><strong>{this.props.label} stopped working</strong> ({error.message}).</p>
        <p>The rest of the atlas, and any data you loaded, are not affected. {this.props.advice ?? KEEP_DATA_ADVICE}</p>
        <button type="button" onClick={this.retry} data-testid={`retry-${this.props.region}`}>Try again</button>
      </div>
    );
  }
}
