/**
 * How long to wait before trying an outbound call again, or whether to give up: one policy for
 * Graph and the Bot Connector. Interactive work (a person waiting for the tab or a card) gives up
 * on long waits so it can say so at once; background work (migration, erasure, provisioning)
 * waits as long as the service asks, within `maxWaitMs`.
 */
import type { Verdict } from './classify';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails, saying how long to wait. */
  maxWaitMs: number;
}

/** A person is waiting: a few quick retries, and no waiting for long throttling. */
export const INTERACTIVE_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxWaitMs: 10_000,
};

/**
 * Nobody is waiting on this exact call: SharePoint may ask for minutes (a tenant over its
 * resource units for the hour), and a migration that stops half-way helps nobody.
 */
export const BACKGROUND_RETRY: RetryPolicy = {
  maxAttempts: 30,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxWaitMs: 60 * 60_000,
};

/** Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): a random wait up to the exponential bound. */
export function backoffMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random = Math.random,
): number {
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/**
 * The wait before attempt `attempt + 1` (0 = the first retry), or undefined to give up: the
 * verdict says it cannot help, the attempts are used up, or the service asks for longer than
 * the policy waits.
 */
export function delayBeforeRetry(
  policy: RetryPolicy,
  verdict: Verdict,
  attempt: number,
  random = Math.random,
): number | undefined {
  if (attempt + 1 >= policy.maxAttempts) return undefined;
  if (verdict.kind === 'wait') return verdict.ms <= policy.maxWaitMs ? verdict.ms : undefined;
  if (verdict.kind === 'retry' || verdict.kind === 'unreachable') return backoffMs(attempt, policy, random);
  return undefined;
}
