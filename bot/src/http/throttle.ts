/**
 * Rate limits keyed by who is asking. Before sign-in the key is the caller's address (a flood of
 * anonymous requests is refused before it costs a token check); after it, the signed-in person, so
 * that behind a proxy one person's burst does not throttle everyone else. Token buckets from
 * restify's throttle plugin, keyed through `req.username` as the plugin documents.
 */
import restify, { type Request, type Response } from 'restify';

export interface Limit {
  /** Requests allowed at once. */
  burst: number;
  /** Requests per second refilled. */
  rate: number;
}

const ignore = () => undefined;
const QUIET = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore, fatal: ignore };

/** Checks one request against the key's bucket; rejects with restify's 429 error when it is empty. */
export type Throttle = (req: Request, res: Response, key: string) => Promise<void>;

/** `setHeaders`: the X-RateLimit-* headers, from the throttle the caller meets last (one set per response). */
export function createThrottle(limit: Limit, options: { setHeaders: boolean } = { setHeaders: true }): Throttle {
  const plugin = restify.plugins.throttle({
    ...limit,
    username: true,
    setHeaders: options.setHeaders,
    maxKeys: 100_000,
  });
  return (req, res, key) =>
    new Promise<void>((resolve, reject) => {
      const previous = { username: req.username, log: req.log };
      req.username = key;
      // The plugin writes a line of its own for every refusal: a flood would become a log flood.
      req.log = QUIET as unknown as typeof req.log;
      plugin(req, res, (error?: unknown) => {
        Object.assign(req, previous);
        if (error) {
          // One token comes back per 1/rate seconds: say so rather than let the caller guess.
          res.header('Retry-After', String(Math.max(1, Math.ceil(1 / limit.rate))));
          reject(error);
        } else resolve();
      });
    });
}
