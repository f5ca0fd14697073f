/**
 * SharePoint's throttling of an app in a tenant by resource units, as "Avoid getting throttled or
 * blocked in SharePoint Online" describes it
 * (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online):
 * - each Graph request costs "1: single item query, such as get item; 2: multi-item query, such as
 *   list children; create, update, delete, upload; 5: all permission resource operations";
 * - each app has its budget per tenant per minute (1 200 for a tenant under 1 000 licences; more
 *   for larger ones); requests in a $batch are counted one by one, and throttled requests count too;
 * - over the limit: 429 with Retry-After; "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset"
 *   headers once the app has used 80 % of its limit (best effort; Reset in seconds).
 * The window here is a sliding minute. Off unless a test gives a budget (a 5 000-measure plan
 * costs more than a small tenant's minute, and real SharePoint would make it wait, too).
 */
export interface ResourceUnitLimit {
  perMinute: number;
  windowMs?: number;
}

export class ResourceUnits {
  limit: ResourceUnitLimit | undefined;
  private readonly spent = new Map<string, { at: number; units: number }[]>();

  /** The clock of the window (tests move it). */
  now: () => number = Date.now;

  /** Graph's cost of one request (the RU table above). */
  static costOf(method: string, path: string): number {
    if (/\/permissions(\/|$)|\$expand=permissions/.test(path)) return 5;
    if (method !== 'GET') return 2;
    return /\/items\/[^/?]+(\?|$)|\/sites\/[^/]+$/.test(path) ? 1 : 2;
  }

  /** Counts the request; answers the throttling headers, with Retry-After when it is over the budget. */
  charge(appId: string, units: number): { throttled: boolean; headers: Record<string, string> } {
    if (!this.limit) return { throttled: false, headers: {} };
    const { perMinute, windowMs = 60_000 } = this.limit;
    const now = this.now();
    const mine = (this.spent.get(appId) ?? []).filter((s) => s.at > now - windowMs);
    this.spent.set(appId, mine);
    const used = mine.reduce((sum, s) => sum + s.units, 0);
    mine.push({ at: now, units }); // throttled requests count toward the limit too
    const oldest = mine[0]?.at ?? now;
    const resetSeconds = Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    const headers: Record<string, string> =
      used + units >= 0.8 * perMinute
        ? {
            'RateLimit-Limit': String(perMinute),
            'RateLimit-Remaining': String(Math.max(0, perMinute - used - units)),
            'RateLimit-Reset': String(resetSeconds),
          }
        : {};
    if (used + units <= perMinute) return { throttled: false, headers };
    return { throttled: true, headers: { ...headers, 'Retry-After': String(resetSeconds) } };
  }
}
