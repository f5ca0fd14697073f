/**
 * One judgement of an outbound call's outcome, for every service we call (Graph, the Bot
 * Connector): what it means for trying again. Each service names its own passing faults (Graph:
 * 429/503/504; Teams also 412 and 502); everything else that failed is refused on its merits.
 */
import { retryAfterMs } from './retry-after';

export type Verdict =
  /** It worked. */
  | { kind: 'ok' }
  /** A passing fault: try again after a backoff. */
  | { kind: 'retry' }
  /** The service said how long to wait (Retry-After) before trying again. */
  | { kind: 'wait'; ms: number }
  /** Refused on its merits: the same request will be refused again. */
  | { kind: 'refused' }
  /** No answer (connection refused or cut, DNS, our timeout): it may or may not have arrived. */
  | { kind: 'unreachable' };

export interface HttpOutcome {
  status: number;
  headers: { get(name: string): string | null };
}

export function classify(outcome: HttpOutcome | unknown, transient: ReadonlySet<number>): Verdict {
  if (!isHttpOutcome(outcome)) return isNetworkFailure(outcome) ? { kind: 'unreachable' } : { kind: 'refused' };
  const { status } = outcome;
  if (status < 400) return { kind: 'ok' };
  if (!transient.has(status)) return { kind: 'refused' };
  const ms = retryAfterMs(outcome.headers.get('Retry-After'));
  return ms !== undefined ? { kind: 'wait', ms } : { kind: 'retry' };
}

function isHttpOutcome(value: unknown): value is HttpOutcome {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { headers?: { get?: unknown } }).headers?.get === 'function'
  );
}

/** Connection refused or reset, DNS failure, our own timeout: the request may not have arrived. */
export function isNetworkFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  return (
    e instanceof TypeError &&
    /fetch failed|terminated|socket|ECONN|other side closed/i.test(`${e.message} ${describeError(e)}`)
  );
}

/** An error with its cause (undici puts the socket error there), for logs and details. */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${e.message} (${cause.code ?? cause.message ?? ''})` : e.message;
}
