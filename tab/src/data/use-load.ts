/**
 * Loading data for a view. Every request carries an AbortSignal: when what is asked for changes
 * (another plan, another period) or the view goes away, the request in flight is aborted and its
 * answer, should it still come, is dropped — an older answer never overwrites a newer one.
 *
 * What came is kept with the key it was asked under, and the state is derived from it during
 * render: under a new key the view shows "loading" at once, never the old key's value for a render
 * or two. A quiet reload (polling, after an action) keeps the value shown; if it fails, the value
 * stays and the failure comes along beside it, for a message that does not take the view away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | {
      state: 'ready';
      value: T;
      /** A quiet reload failed: `value` is the last one that came, `error` why nothing newer did. */
      error?: unknown;
    };

export interface Loaded<T> {
  load: Load<T>;
  /** Asks again. `quiet`: keep showing what is there until the new answer comes (polling). */
  reload(options?: { quiet?: boolean }): void;
}

/** One asking: under which key, the how-manieth, and whether what is shown stays meanwhile. */
interface Request {
  key: string;
  n: number;
  quiet: boolean;
}

/** What one asking got: a value (boxed: T may itself be undefined), a failure, or a kept value and a failure. */
interface Settled<T> {
  key: string;
  n: number;
  got?: { value: T };
  error?: unknown;
}

/**
 * Runs `fetcher` now and whenever `key` changes; `fetcher` undefined: nothing to load (yet).
 * `key` names what is asked for (e.g. "plan|period"), so that only a change of it asks again.
 */
export function useLoad<T>(fetcher: ((signal: AbortSignal) => Promise<T>) | undefined, key: string): Loaded<T> {
  const [request, setRequest] = useState<Request>({ key, n: 0, quiet: false });
  const [settled, setSettled] = useState<Settled<T>>();
  const keyRef = useRef(key);
  keyRef.current = key;
  // A reload asked under another key does not carry over to this one.
  const current: Request = request.key === key ? request : { key, n: 0, quiet: false };

  useEffect(() => {
    if (!fetcher) return;
    const controller = new AbortController();
    const asked = current;
    fetcher(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setSettled({ key: asked.key, n: asked.n, got: { value } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled((before) =>
          asked.quiet && before?.key === asked.key && before.got
            ? { key: asked.key, n: asked.n, got: before.got, error }
            : { key: asked.key, n: asked.n, error },
        );
      },
    );
    return () => controller.abort();
    // `fetcher` changes with every render; `key` and the asking's number say when to ask again.
  }, [key, current.n]);

  const reload = useCallback((options: { quiet?: boolean } = {}) => {
    setRequest((r) => ({ key: keyRef.current, n: r.n + 1, quiet: options.quiet ?? false }));
  }, []);

  return { load: loadOf(settled, current), reload };
}

/** The state to show: loading under a new key or during a reload that is not quiet. */
function loadOf<T>(settled: Settled<T> | undefined, current: Request): Load<T> {
  if (!settled || settled.key !== current.key) return { state: 'loading' };
  if (settled.n < current.n && !current.quiet) return { state: 'loading' };
  if (!settled.got) return { state: 'error', error: settled.error };
  return settled.error === undefined
    ? { state: 'ready', value: settled.got.value }
    : { state: 'ready', value: settled.got.value, error: settled.error };
}
