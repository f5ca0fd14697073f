/**
 * The one home of "is this period still open for answers?", for every answer (card, tab) and every
 * card a round sends, and of the rule that keeps a lock and an answer apart: an answer is let in only
 * while the period is open and is recorded as under way until it is stored; a lock, once begun,
 * refuses new answers and waits for those under way, so the report it freezes holds every answer
 * that was acknowledged. (The stores implement the two steps atomically: see PeriodLockStore.)
 */
import { DomainError } from '../domain/errors';
import type { Clock, IdGenerator, LockTime, PeriodLockStore } from './ports';

export interface PeriodGateDeps {
  locks: PeriodLockStore;
  clock: Clock;
  ids: IdGenerator;
}

/** How long an answer may take to store before its record lapses (an instance may die mid-answer). */
export const ANSWER_UNDER_WAY_MS = 5 * 60_000;
/** How long a lock waits for answers under way before it gives up and asks to be tried again. */
export const LOCK_WAITS_FOR_ANSWERS_MS = 30_000;
/**
 * A lock begun and not completed this long ago was left by a stopped instance: it no longer closes
 * the period, and another may take over. A lock that is still working gives up at half of it.
 */
export const LOCK_STALE_MS = 10 * 60_000;

/** Whether the period is locked, or being locked: answers and cards for it are refused. */
export function isClosed(
  deps: Pick<PeriodGateDeps, 'locks' | 'clock'>,
  planId: string,
  periodId: string,
): Promise<boolean> {
  return deps.locks.isClosed(planId, periodId, lockTime(deps.clock));
}

/** How the stores judge a begun lock: one older than LOCK_STALE_MS was left by a stopped instance. */
function lockTime(clock: Clock): LockTime {
  return { now: clock.now(), staleAfterMs: LOCK_STALE_MS };
}

/** Runs `store` as one answer for the period, or refuses with `period-locked` if it is closed. */
export async function whileOpen<T>(
  deps: PeriodGateDeps,
  planId: string,
  periodId: string,
  store: () => Promise<T>,
): Promise<T> {
  const answerId = deps.ids.newId();
  const expiresAt = new Date(deps.clock.now().getTime() + ANSWER_UNDER_WAY_MS);
  if (!(await deps.locks.beginAnswer(planId, periodId, answerId, lockTime(deps.clock), expiresAt)))
    throw new DomainError('period-locked', { period: periodId });
  try {
    return await store();
  } finally {
    await deps.locks.endAnswer(planId, periodId, answerId);
  }
}

/** After a lock began: waits until the answers let in before it are stored; false if they do not end in time. */
export async function answersSettled(
  deps: Pick<PeriodGateDeps, 'locks' | 'clock'>,
  planId: string,
  periodId: string,
  options: { timeoutMs?: number; pollMs?: number } = {},
): Promise<boolean> {
  const { timeoutMs = LOCK_WAITS_FOR_ANSWERS_MS, pollMs = 25 } = options;
  const giveUpAt = Date.now() + timeoutMs;
  while ((await deps.locks.answersUnderWay(planId, periodId, deps.clock.now())) > 0) {
    if (Date.now() >= giveUpAt) return false;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return true;
}
