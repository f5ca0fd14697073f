/**
 * The tab's loading hook in a DOM (jsdom) with React itself: a new key shows "loading" at once,
 * never the old key's value; a quiet reload keeps the value meanwhile, and one that fails keeps
 * it too, with the failure beside it; an answer that comes after its key changed is dropped.
 */
import type { Load, Loaded } from '../../tab/src/data/use-load';

/** What this test uses of jsdom (its types are not installed; the tests compile without the DOM's). */
interface Dom {
  window: { document: { getElementById(id: string): unknown }; navigator: unknown };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => Dom };
const dom = new JSDOM('<!doctype html><div id="root"></div>');
for (const [name, value] of Object.entries({
  window: dom.window,
  document: dom.window.document,
  navigator: dom.window.navigator,
  IS_REACT_ACT_ENVIRONMENT: true,
})) {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

// Loaded after the DOM exists: react-dom looks for it when it starts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const React = require('react') as typeof import('react');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createRoot } = require('react-dom/client') as typeof import('react-dom/client');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useLoad } = require('../../tab/src/data/use-load') as typeof import('../../tab/src/data/use-load');

/** A request the test answers when it likes. */
interface Pending {
  key: string;
  signal: AbortSignal;
  resolve(value: string): void;
  reject(error: Error): void;
}

function harness() {
  const pending: Pending[] = [];
  const renders: Load<string>[] = [];
  let latest: Loaded<string> | undefined;
  function Probe({ id }: { id: string }) {
    latest = useLoad(
      (signal) =>
        new Promise<string>((resolve, reject) => {
          pending.push({ key: id, signal, resolve, reject });
        }),
      id,
    );
    renders.push(latest.load);
    return null;
  }
  const root = createRoot(dom.window.document.getElementById('root') as Parameters<typeof createRoot>[0]);
  const act = React.act;
  return {
    pending,
    renders,
    now: () => latest!.load,
    reload: (quiet: boolean) => act(() => latest!.reload({ quiet })),
    show: (id: string) => act(() => root.render(React.createElement(Probe, { id }))),
    answer: (i: number, value: string) => act(async () => pending[i]!.resolve(value)),
    fail: (i: number, message: string) => act(async () => pending[i]!.reject(new Error(message))),
    unmount: () => act(() => root.unmount()),
  };
}

describe('useLoad', () => {
  it('shows loading at once under a new key, never the old key’s value', async () => {
    const h = harness();
    await h.show('plan-a');
    await h.answer(0, 'A');
    expect(h.now()).toEqual({ state: 'ready', value: 'A' });
    const before = h.renders.length;
    await h.show('plan-b');
    // Every render since the key changed, the very first included, is "loading".
    expect(h.renders.slice(before).every((l) => l.state === 'loading')).toBe(true);
    expect(h.pending[1]?.key).toBe('plan-b');
    await h.answer(1, 'B');
    expect(h.now()).toEqual({ state: 'ready', value: 'B' });
    await h.unmount();
  });

  it('drops an answer that comes after its key changed', async () => {
    const h = harness();
    await h.show('plan-a');
    await h.show('plan-b');
    expect(h.pending[0]?.signal.aborted).toBe(true);
    await h.answer(1, 'B');
    await h.answer(0, 'A, late');
    expect(h.now()).toEqual({ state: 'ready', value: 'B' });
    await h.unmount();
  });

  it('keeps the value through a quiet reload, and through one that fails, with the failure beside it', async () => {
    const h = harness();
    await h.show('round');
    await h.answer(0, 'sending 1 of 6');
    await h.reload(true);
    expect(h.now()).toEqual({ state: 'ready', value: 'sending 1 of 6' });
    await h.fail(1, 'network');
    const after = h.now();
    expect(after.state).toBe('ready');
    expect(after.state === 'ready' && after.value).toBe('sending 1 of 6');
    expect(after.state === 'ready' && (after.error as Error).message).toBe('network');
    // The next quiet reload that succeeds clears the failure.
    await h.reload(true);
    await h.answer(2, 'sending 6 of 6');
    expect(h.now()).toEqual({ state: 'ready', value: 'sending 6 of 6' });
    await h.unmount();
  });

  it('shows loading during a reload that is not quiet, and the failure of one', async () => {
    const h = harness();
    await h.show('plan-a');
    await h.answer(0, 'A');
    await h.reload(false);
    expect(h.now()).toEqual({ state: 'loading' });
    await h.fail(1, 'HTTP 503');
    const failed = h.now();
    expect(failed.state).toBe('error');
    await h.unmount();
  });

  it('does not carry a quiet reload over to another key', async () => {
    const h = harness();
    await h.show('plan-a');
    await h.answer(0, 'A');
    await h.reload(true);
    await h.show('plan-b');
    expect(h.now()).toEqual({ state: 'loading' });
    // plan-a's quiet request (1) was aborted; plan-b's own (2) fails: nothing of plan-a's is kept.
    expect(h.pending[1]?.signal.aborted).toBe(true);
    await h.fail(2, 'network');
    expect(h.now().state).toBe('error');
    await h.unmount();
  });
});
