/** Runs an async function when its inputs change; stale results of superseded runs are dropped. */
import { useEffect, useState } from 'react';

export interface AsyncState<T> {
  value: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

export function useAsync<T>(fn: (() => Promise<T>) | null, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ value: undefined, error: undefined, loading: fn !== null });
  useEffect(() => {
    if (!fn) {
      setState({ value: undefined, error: undefined, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    fn().then(
      (value) => live && setState({ value, error: undefined, loading: false }),
      (error: Error) => live && setState((s) => ({ value: s.value, error, loading: false })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass fn's dependencies, as with useEffect
  }, deps);
  return state;
}
