/**
 * Microsoft Graph over @microsoft/microsoft-graph-client, with our own middleware chain: a token
 * from the token provider, then retries as the shared policy says (adapters/http: Graph's passing
 * faults are 429, 503 and 504, and network failures), then the HTTP call with a timeout. Graph's
 * errors come out as GraphRequestError carrying status, code and Graph's body; a wait longer than
 * the policy allows comes out as GraphThrottledError saying how long Graph asked for.
 */
import { Client, GraphError, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import { classify, describeError, type Verdict } from '../http/classify';
import { retryAfterMs } from '../http/retry-after';
import { delayBeforeRetry, INTERACTIVE_RETRY, type RetryPolicy } from '../http/retry-policy';
import { batchAll, type BatchRequest, type BatchResponse } from './graph-batch';
import { GRAPH_TRANSIENT, GraphRequestError, GraphThrottledError } from './graph-errors';

export type { BatchRequest, BatchResponse } from './graph-batch';
export { GRAPH_TRANSIENT, GraphRequestError, GraphThrottledError } from './graph-errors';
export type TokenProvider = () => Promise<string>;
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** A wait Graph asked for, as the caller is told before it happens (for progress lines). */
export interface GraphWait {
  ms: number;
  status?: number;
  attempt: number;
}

export interface GraphOptions {
  /** Origin of Graph, e.g. https://graph.microsoft.com. */
  baseUrl: string;
  getToken: TokenProvider;
  logger: Logger;
  /** Default: interactive (a person is waiting). Commands pass the background policy. */
  retry?: Partial<RetryPolicy>;
  /** Per attempt. */
  timeoutMs?: number;
  /** The HTTP implementation; tests pass one that trusts the stand-in's certificate. */
  fetch?: FetchFunction;
  /** Waits between retries; tests make it instant. */
  sleep?: (ms: number) => Promise<void>;
  /** Told before every wait, so a long-running command can say it is waiting and why. */
  onWait?: (wait: GraphWait) => void;
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
  constructor(private readonly graph: GraphApi) {}

  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let verdict: Verdict;
      try {
        await this.next?.execute(context);
        verdict = context.response ? classify(context.response, GRAPH_TRANSIENT) : { kind: 'ok' };
        if (verdict.kind === 'ok' || verdict.kind === 'refused') return;
      } catch (e) {
        verdict = classify(e, GRAPH_TRANSIENT);
        if (verdict.kind !== 'unreachable' || !this.graph.mayRetry(verdict, attempt)) throw e;
      }
      const wait = this.graph.delay(verdict, attempt);
      if (wait === undefined) return; // the response stands: call() makes it an error
      await context.response?.body?.cancel();
      await this.graph.wait(
        { ms: wait, attempt: attempt + 1, ...(context.response ? { status: context.response.status } : {}) },
        String(context.request),
      );
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

/** The calls the adapters make, each through the middleware chain above. */
export class GraphApi {
  private readonly client: Client;
  /** HTTP requests sent (a $batch once, retries included): what the benchmark counts. */
  requestsSent = 0;
  readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: GraphOptions) {
    this.policy = { ...INTERACTIVE_RETRY, ...options.retry };
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
        new RetryMiddleware(this),
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

  /**
   * A collection page by page, following @odata.nextLink (https://learn.microsoft.com/graph/paging:
   * "use the entire URL in the @odata.nextLink property"). `first` is the first page when it was
   * already read (e.g. inside a $batch).
   */
  async *pages<T>(path: string, first?: GraphPage<T>): AsyncIterable<T[]> {
    let page = first ?? (await this.get<GraphPage<T>>(path));
    yield page.value;
    while (page['@odata.nextLink']) {
      page = await this.get<GraphPage<T>>(page['@odata.nextLink']);
      yield page.value;
    }
  }

  /** Every item of a collection. */
  async getAll<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.pages<T>(path)) out.push(...page);
    return out;
  }

  /** Requests in $batch envelopes of at most 20, per-request throttling retried (graph-batch.ts). */
  batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    return batchAll(this, requests);
  }

  /** Whether the policy allows another attempt after this verdict. */
  mayRetry(verdict: Verdict, attempt: number): boolean {
    return this.delay(verdict, attempt) !== undefined;
  }

  delay(verdict: Verdict, attempt: number): number | undefined {
    return delayBeforeRetry(this.policy, verdict, attempt);
  }

  /** Waits as Graph asked, saying so in the log and to whoever listens. */
  async wait(wait: GraphWait, what: string): Promise<void> {
    this.options.logger.warn({ ...wait, what }, 'graph asked us to wait, or did not answer; trying again');
    this.options.onWait?.(wait);
    await this.sleep(wait.ms);
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof GraphError && e.statusCode > 0) {
        const body = parseBody(e.body);
        this.options.logger.warn({ status: e.statusCode, code: e.code, graphError: body }, 'graph request failed');
        const after = retryAfterMs(e.headers?.get('Retry-After'));
        if (GRAPH_TRANSIENT.has(e.statusCode) && after !== undefined)
          throw new GraphThrottledError(e.statusCode, after, body);
        throw new GraphRequestError(e.statusCode, e.code ?? 'unknown', e.message, body);
      }
      if (e instanceof Error && !(e instanceof GraphRequestError))
        this.options.logger.warn({ err: describeError(e) }, 'graph unreachable');
      throw e;
    }
  }
}

export interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
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
