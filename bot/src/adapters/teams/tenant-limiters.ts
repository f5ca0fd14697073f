/**
 * Teams and Graph count an app's requests per tenant: 50/s for bot messages, 5/s for activity feed
 * notifications, in each tenant, whatever the app sends elsewhere. One deployment serving several
 * municipalities' tenants therefore keeps one limiter per tenant and kind, so that every tenant's
 * round runs at that tenant's ceiling at the same time. That is also what keeps tenants fair to one
 * another: each tenant waits only in its own line, so another tenant's 10 000 cards, or its 429
 * storm and Retry-After, never delay this tenant's 10. (A round is one plan's, and a plan is one
 * tenant's, so each round's senders draw on their own tenant's line.)
 *
 * Bounded: past `maxTenants` limiters, the least recently used idle ones are forgotten (an idle one
 * has nobody waiting and empty windows, so a new one in its place behaves the same).
 */
import { ACTIVITY_FEED_LIMITS, RateLimiter, TEAMS_LIMITS, type RateLimits } from './rate-limiter';

/** `bot`: Bot Connector messages and new chats; `activity`: Graph activity feed notifications. */
export type LimitKind = 'bot' | 'activity';

export interface TenantLimitersOptions {
  limits?: Partial<Record<LimitKind, RateLimits>>;
  /** The tenant of a conversation stored without one (a deployment that began with one tenant). */
  homeTenant?: string;
  maxTenants?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_MAX_TENANTS = 1000;

export class TenantLimiters {
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly limits: Record<LimitKind, RateLimits>;

  constructor(private readonly options: TenantLimitersOptions = {}) {
    this.limits = { bot: TEAMS_LIMITS, activity: ACTIVITY_FEED_LIMITS, ...options.limits };
  }

  /** The limiter for requests of this kind in this tenant (absent: the home tenant). */
  limiterFor(tenantId: string | undefined, kind: LimitKind = 'bot'): RateLimiter {
    const key = `${kind}\u0000${tenantId || this.options.homeTenant || ''}`;
    let limiter = this.limiters.get(key);
    if (limiter)
      this.limiters.delete(key); // re-inserted below: the map's order is least recently used first
    else {
      limiter = new RateLimiter(this.limits[kind], this.options.now, this.options.sleep);
      this.evictIdle();
    }
    this.limiters.set(key, limiter);
    return limiter;
  }

  /** Limiters held now (tests: the registry stays bounded). */
  get size(): number {
    return this.limiters.size;
  }

  private evictIdle(): void {
    const max = this.options.maxTenants ?? DEFAULT_MAX_TENANTS;
    if (this.limiters.size < max) return;
    for (const [key, limiter] of this.limiters) {
      if (this.limiters.size < max) return;
      if (limiter.isIdle()) this.limiters.delete(key);
    }
  }
}

/** What a sender draws its turns from: one tenant's limiter, or the registry of every tenant's. */
export type SendLimits = RateLimiter | TenantLimiters;

export function limiterOf(limits: SendLimits, tenantId: string | undefined, kind: LimitKind = 'bot'): RateLimiter {
  return limits instanceof TenantLimiters ? limits.limiterFor(tenantId, kind) : limits;
}
