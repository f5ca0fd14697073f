/**
 * Loading data for a view. Every request carries an AbortSignal: when what is asked for changes
 * (another plan, another period) or the view goes away, the request in flight is aborted and its
 * answer, should it still come, is dropped — an older answer never overwrites a newer one.
 */
import { useCallback, useEffect, useState } from 'react';

export type Load<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

export interface Loaded<T> {
  load: Load<T>;
  /** Asks again. `quiet`: keep showing what is there until the new answer comes (polling). */
  reload(options?: { quiet?: boolean }): void;
}

/**
 * Runs `fetcher` now and whenever `key` changes; `fetcher` undefined: nothing to load (yet).
 * `key` names what is asked for (e.g. "plan|period"), so that only a change of it asks again.
 */
export function useLoad<T>(fetcher: ((signal: AbortSignal) => Promise<T>) | undefined, key: string): Loaded<T> {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [round, setRound] = useState({ n: 0, quiet: false });

  useEffect(() => {
    if (!fetcher) return;
    const controller = new AbortController();
    if (!round.quiet) setLoad({ state: 'loading' });
    fetcher(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setLoad({ state: 'ready', value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'error', error });
      },
    );
    return () => controller.abort();
    // `fetcher` changes with every render; `key` says when what it asks for has changed.
  }, [key, round]);

  const reload = useCallback((options: { quiet?: boolean } = {}) => {
    setRound((r) => ({ n: r.n + 1, quiet: options.quiet ?? false }));
  }, []);
  return { load, reload };
}
