/** Reading a service's request to wait, and waiting well when it gave none: shared by Graph and Teams. */

/** Retry-After in seconds or as an HTTP date (RFC 9110); undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Full jitter (AWS architecture blog): a random wait up to the exponential bound. */
export function backoffMs(
  attempt: number,
  policy: { baseDelayMs: number; maxDelayMs: number },
  random = Math.random,
): number {
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}
