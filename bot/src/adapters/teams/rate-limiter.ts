/**
 * Sends no faster than Teams allows, for one tenant: sliding windows for the app in the tenant (50
 * requests/s per app per tenant) and for each conversation (7/s, 8 per 2 s, 60 per 30 s). Callers
 * wait their turn; after a 429 this tenant's sender pauses for Teams' Retry-After, since the limit
 * it hit is likely the tenant's. One deployment serving several tenants keeps one of these per
 * tenant (tenant-limiters.ts), so one tenant's pause or backlog never holds another's cards.
 */
export interface Window {
  ms: number;
  max: number;
}

export interface RateLimits {
  app: Window[];
  /**
   * Least time between two requests of the app. Teams counts requests as they arrive, and arrival
   * times jitter: a burst of 50 sent at the start of a second can land as 51 in Teams' window.
   * Spreading them a little wider than the ceiling keeps every window under it.
   */
  appSpacingMs: number;
  conversation: Window[];
  /**
   * How much later than its turn a request may reach the service, beyond its neighbours: the
   * first request of a burst waits for a token, so it can land after the next ones have left and
   * squeeze a window that looked full-length here. Every window is held this much wider.
   */
  arrivalMarginMs?: number;
}

/** 3 % under the ceiling, evenly spread. */
const spacing = (perSecond: number) => (1000 / perSecond) * 1.03;

export const TEAMS_LIMITS: RateLimits = {
  app: [{ ms: 1000, max: 50 }],
  appSpacingMs: spacing(50),
  conversation: [
    { ms: 1000, max: 7 },
    { ms: 2000, max: 8 },
    { ms: 30_000, max: 60 },
  ],
};

export function teamsLimits(appPerSecond: number): RateLimits {
  return { ...TEAMS_LIMITS, app: [{ ms: 1000, max: appPerSecond }], appSpacingMs: spacing(appPerSecond) };
}

/**
 * Activity feed notifications (Graph sendActivityNotification): 5 requests/s per app per tenant,
 * no per-conversation limit (https://learn.microsoft.com/graph/throttling-limits#teams-service-limits).
 * At 5 a second a 3 % margin is 30 ms a window, less than a token fetch delays the first request
 * of a burst (a CI run saw a 429 from it); nudges are few, so a quarter second costs nothing.
 */
export const ACTIVITY_FEED_LIMITS: RateLimits = {
  app: [{ ms: 1000, max: 5 }],
  appSpacingMs: spacing(5),
  conversation: [],
  arrivalMarginMs: 250,
};

export class RateLimiter {
  private readonly app: number[] = [];
  private readonly conversations = new Map<string, number[]>();
  private pausedUntil = 0;
  /**
   * When the app's next request is due by the spacing, counted from when the last one was due, not
   * from when its timer woke: timers fire a few ms late (later on a busy event loop), and spacing
   * from the late moment lost that much at every request (10 tenants at 50/s kept 0.77 of their
   * ceilings). A turn more than half a spacing late makes up only that half: after a stall, no burst.
   */
  private nextSlot = -Infinity;
  private queue: Promise<void> = Promise.resolve();
  /** Turns asked for and not yet given. */
  private waiting = 0;

  constructor(
    private readonly limits: RateLimits = TEAMS_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Resolves when a request to this conversation may go out; turns are taken in call order. */
  acquire(conversationId: string): Promise<void> {
    this.waiting++;
    const turn = this.queue.then(() => this.take(conversationId)).finally(() => this.waiting--);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Nobody waits, no pause holds and every window has emptied: forgetting it loses nothing. */
  isIdle(): boolean {
    const now = this.now();
    const longest =
      Math.max(0, ...this.limits.app.map((w) => w.ms), ...this.limits.conversation.map((w) => w.ms)) + this.margin;
    return this.waiting === 0 && this.pausedUntil <= now && (this.app.at(-1) ?? -Infinity) <= now - longest;
  }

  /** Teams said 429: nobody of this tenant sends until it said we may. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private async take(conversationId: string): Promise<void> {
    const mine = this.conversations.get(conversationId) ?? [];
    this.conversations.set(conversationId, mine);
    for (;;) {
      const now = this.now();
      // When the pause and the spacing let it go (may be past: the timer woke late) …
      const due = Math.max(this.pausedUntil, this.nextSlot);
      // … and when every window has room (never before now).
      const at = Math.max(
        due,
        earliest(this.app, this.limits.app, now, this.margin),
        earliest(mine, this.limits.conversation, now, this.margin),
      );
      if (at <= now) {
        // Half a spacing at least to the next, so a stall never lets two go in the same moment.
        this.nextSlot = Math.max(due, now - this.limits.appSpacingMs / 2) + this.limits.appSpacingMs;
        this.app.push(now);
        mine.push(now);
        prune(this.app, this.limits.app, now, this.margin);
        prune(mine, this.limits.conversation, now, this.margin);
        if (this.conversations.size > 10_000) this.forgetIdle(now);
        return;
      }
      await this.sleep(at - now);
    }
  }

  private get margin(): number {
    return this.limits.arrivalMarginMs ?? 0;
  }

  private forgetIdle(now: number): void {
    const longest = Math.max(...this.limits.conversation.map((w) => w.ms)) + this.margin;
    for (const [id, times] of this.conversations)
      if ((times.at(-1) ?? 0) < now - longest) this.conversations.delete(id);
  }
}

/** The first moment every window has room for one more. `times` is ascending. */
function earliest(times: number[], windows: Window[], now: number, margin: number): number {
  let at = now;
  for (const w of windows) {
    const span = w.ms + margin;
    const inWindow = times.filter((t) => t > now - span);
    if (inWindow.length >= w.max) at = Math.max(at, (inWindow[inWindow.length - w.max] as number) + span);
  }
  return at;
}

function prune(times: number[], windows: Window[], now: number, margin: number): void {
  const keep = Math.max(...windows.map((w) => w.ms), 0) + margin;
  while (times.length && (times[0] as number) <= now - keep) times.shift();
}
