/**
 * Working through a round's due deliveries with many senders at once. Claims keep between one and
 * two batches of work ahead of the senders, one claim at a time: everything claimed goes out within
 * seconds, so another instance sharing the round finds the rest unclaimed, and nothing claimed waits
 * long enough to look abandoned (the store's stale-claim time).
 */
import type { Delivery } from '../domain/round';

export interface ClaimWork {
  /** Claims up to `limit` due deliveries; none left: an empty list. */
  claim(limit: number): Promise<Delivery[]>;
  /** Sends one and records what became of it. */
  handle(delivery: Delivery): Promise<void>;
  /** Senders at once, and the size of one claim. */
  concurrency: number;
  /** Asked before claiming more: when true, what is claimed is finished and nothing more is taken. */
  shouldStop?: () => boolean;
  /** Called once when a claim came back full: more is due than one pass takes at a time. */
  onBacklog?: () => void;
}

export async function workThroughClaims(work: ClaimWork): Promise<void> {
  const { concurrency } = work;
  const ahead: Delivery[] = [];
  /** Claimed by this pass and not yet finished: a claim of one of these again (it looked stale) is ours. */
  const held = new Set<string>();
  const keyOf = (d: Delivery) => `${d.recipientId}\u0000${d.step}`;
  let claiming: Promise<void> | undefined;
  let exhausted = false;
  let claimFailed: { error: unknown } | undefined;
  let backlogSaid = false;

  const claimMore = (): void => {
    if (claiming || exhausted || work.shouldStop?.()) return;
    claiming = work
      .claim(concurrency)
      .then((claimed) => {
        if (claimed.length === 0) exhausted = true;
        else if (claimed.length === concurrency && !backlogSaid) {
          backlogSaid = true;
          work.onBacklog?.();
        }
        for (const d of claimed)
          if (!held.has(keyOf(d))) {
            held.add(keyOf(d));
            ahead.push(d);
          }
      })
      .catch((error: unknown) => {
        claimFailed = { error };
        exhausted = true;
      })
      .finally(() => (claiming = undefined));
  };
  const next = async (): Promise<Delivery | undefined> => {
    for (;;) {
      if (ahead.length < concurrency) claimMore();
      const d = ahead.shift();
      if (d || !claiming) return d;
      await claiming;
    }
  };
  const sender = async (): Promise<void> => {
    for (let d = await next(); d; d = await next()) {
      await work.handle(d);
      held.delete(keyOf(d));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  if (claimFailed) throw claimFailed.error;
}
