/** What a failed Graph call comes out as, and which failures pass. */

/**
 * Graph's passing faults (https://learn.microsoft.com/graph/throttling: "429 … Retry-After";
 * https://learn.microsoft.com/graph/errors: 503 Service Unavailable and 504 Gateway Timeout "try
 * again later"). Everything else is refused on its merits.
 */
export const GRAPH_TRANSIENT: ReadonlySet<number> = new Set([429, 503, 504]);

export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(`Graph ${status} ${code}: ${message}`);
    this.name = 'GraphRequestError';
  }
}

/** Graph asked us to wait longer than the policy waits: the caller decides (say so, or come back). */
export class GraphThrottledError extends GraphRequestError {
  constructor(
    status: number,
    readonly retryAfterMs: number,
    body: unknown,
  ) {
    super(status, 'throttled', `Graph asked to wait ${Math.ceil(retryAfterMs / 1000)} s`, body);
    this.name = 'GraphThrottledError';
  }
}
