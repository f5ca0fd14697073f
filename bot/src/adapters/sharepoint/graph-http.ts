/**
 * Microsoft Graph over @microsoft/microsoft-graph-client, with our own middleware chain:
 * a token from the token provider, then retries (429/503/504 and network failures only, honouring
 * Retry-After, otherwise exponential backoff with full jitter, bounded), then the HTTP call with a
 * timeout. Graph's errors come out as GraphRequestError carrying status, code and Graph's body.
 */
import { Client, GraphError, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import { backoffMs, retryAfterMs } from '../retry-after';

export type TokenProvider = () => Promise<string>;
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails, and the caller decides. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

export interface GraphOptions {
  /** Origin of Graph, e.g. https://graph.microsoft.com. */
  baseUrl: string;
  getToken: TokenProvider;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  /** Per attempt. */
  timeoutMs?: number;
  /** The HTTP implementation; tests pass one that trusts the stand-in's certificate. */
  fetch?: FetchFunction;
  /** Waits between retries; tests make it instant. */
  sleep?: (ms: number) => Promise<void>;
}

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

const RETRYABLE = new Set([429, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE.has(status);
}

class TokenMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly getToken: TokenProvider) {}
  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    options.headers = {
      ...(options.headers as Record<string, string>),
      Authorization: `Bearer ${await this.getToken()}`,
    };
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly policy: RetryPolicy,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const last = attempt + 1 >= this.policy.maxAttempts;
      let wait: number;
      try {
        await this.next?.execute(context);
        const response = context.response;
        if (!response || !isRetryableStatus(response.status) || last) return;
        const after = retryAfterMs(response.headers.get('Retry-After'));
        if (after !== undefined && after > this.policy.maxRetryAfterMs) return;
        wait = after ?? backoffMs(attempt, this.policy);
        this.logger.warn(
          { status: response.status, url: String(context.request), waitMs: wait, attempt: attempt + 1 },
          'graph asked us to wait; retrying',
        );
        await response.body?.cancel();
      } catch (e) {
        if (last || !isNetworkFailure(e)) throw e;
        wait = backoffMs(attempt, this.policy);
        this.logger.warn(
          { err: describe(e), url: String(context.request), waitMs: wait, attempt: attempt + 1 },
          'graph unreachable; retrying',
        );
      }
      await this.sleep(wait);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

class FetchMiddleware implements Middleware {
  constructor(
    private readonly fetchFn: FetchFunction,
    private readonly timeoutMs: number,
  ) {}
  async execute(context: Context): Promise<void> {
    context.response = await this.fetchFn(String(context.request), {
      ...(context.options as RequestInit),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }
}

/** Connection refused or reset, DNS failure, our own timeout: the request may not have arrived. */
export function isNetworkFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  return (
    e instanceof TypeError &&
    /fetch failed|terminated|socket|ECONN|other side closed/i.test(`${e.message} ${describe(e)}`)
  );
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${e.message} (${cause.code ?? cause.message ?? ''})` : e.message;
}

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root, e.g. /sites/{id}/lists/{id}/items. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export const BATCH_LIMIT = 20;

/** The calls the SharePoint adapter makes, each through the middleware chain above. */
export class GraphApi {
  private readonly client: Client;
  /** HTTP requests sent (a $batch once, retries included): what the benchmark counts. */
  requestsSent = 0;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: GraphOptions) {
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const fetchFn = options.fetch ?? ((url, init) => fetch(url, init));
    const counting: FetchFunction = (url, init) => {
      this.requestsSent++;
      return fetchFn(url, init);
    };
    const host = new URL(options.baseUrl).hostname;
    this.client = Client.initWithMiddleware({
      baseUrl: options.baseUrl,
      defaultVersion: 'v1.0',
      customHosts: new Set([host]),
      middleware: chain(
        new TokenMiddleware(options.getToken),
        new RetryMiddleware(this.policy, this.sleep, options.logger),
        new FetchMiddleware(counting, options.timeoutMs ?? 30_000),
      ),
    });
  }

  get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
    return this.call(() => this.client.api(path).headers(headers).get() as Promise<T>);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call(() => this.client.api(path).post(body) as Promise<T>);
  }

  patch<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.call(() => this.client.api(path).headers(headers).patch(body) as Promise<T>);
  }

  /** Uploads a file's bytes (small files: Graph's simple upload). */
  putContent<T>(path: string, bytes: Buffer, contentType: string): Promise<T> {
    return this.call(() => this.client.api(path).header('Content-Type', contentType).put(bytes) as Promise<T>);
  }

  delete(path: string): Promise<void> {
    return this.call(() => this.client.api(path).delete() as Promise<void>);
  }

  /** Every page of a collection, following @odata.nextLink. */
  async getAll<T>(path: string, headers: Record<string, string> = {}): Promise<T[]> {
    const out: T[] = [];
    let page = await this.get<{ value: T[]; '@odata.nextLink'?: string }>(path, headers);
    out.push(...page.value);
    while (page['@odata.nextLink']) {
      page = await this.get(page['@odata.nextLink'], headers);
      out.push(...page.value);
    }
    return out;
  }

  /**
   * Sends requests in $batch envelopes of at most 20. Requests Graph throttled inside a batch
   * (429/503/504 in their own response) are sent again after the longest Retry-After, within the
   * same bounds as single requests. Other statuses are returned for the caller to judge.
   */
  async batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    const results = new Map<string, BatchResponse>();
    for (let i = 0; i < requests.length; i += BATCH_LIMIT) {
      let pending = requests.slice(i, i + BATCH_LIMIT);
      for (let attempt = 0; pending.length > 0; attempt++) {
        const reply = await this.post<{ responses: BatchResponse[] }>('/$batch', {
          requests: pending.map((r) => ({
            ...r,
            headers: { ...(r.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...r.headers },
          })),
        });
        const retry: BatchRequest[] = [];
        let wait = 0;
        for (const response of reply.responses) {
          if (isRetryableStatus(response.status) && attempt + 1 < this.policy.maxAttempts) {
            retry.push(pending.find((r) => r.id === response.id) as BatchRequest);
            wait = Math.max(wait, retryAfterMs(headerOf(response, 'retry-after')) ?? backoffMs(attempt, this.policy));
          } else results.set(response.id, response);
        }
        if (retry.length > 0) {
          this.options.logger.warn(
            { requests: retry.length, waitMs: wait, attempt: attempt + 1 },
            'graph throttled requests in a batch; retrying them',
          );
          await this.sleep(Math.min(wait, this.policy.maxRetryAfterMs));
        }
        pending = retry;
      }
    }
    return results;
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof GraphError && e.statusCode > 0) {
        const body = parseBody(e.body);
        const error = new GraphRequestError(e.statusCode, e.code ?? 'unknown', e.message, body);
        this.options.logger.warn({ status: e.statusCode, code: e.code, graphError: body }, 'graph request failed');
        throw error;
      }
      throw e;
    }
  }
}

/** Throws the error a failed batch response stands for. */
export function throwIfFailed(response: BatchResponse | undefined, what: string): BatchResponse {
  if (!response) throw new GraphRequestError(0, 'missingResponse', `no response for ${what}`, undefined);
  if (response.status >= 400) {
    const err = (response.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new GraphRequestError(
      response.status,
      err?.code ?? 'unknown',
      `${what}: ${err?.message ?? ''}`,
      response.body,
    );
  }
  return response;
}

function headerOf(response: BatchResponse, name: string): string | undefined {
  const entry = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === name);
  return entry?.[1];
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function chain(...middleware: Middleware[]): Middleware {
  for (let i = 0; i < middleware.length - 1; i++) middleware[i]?.setNext?.(middleware[i + 1] as Middleware);
  return middleware[0] as Middleware;
}
