/**
 * The Graph stand-in with a GraphApi that trusts its certificate, for tests and the benchmark.
 * Retries wait 1/100 of what Graph asked, so throttling tests stay fast yet keep their order.
 */
import pino, { type Logger } from 'pino';
import { Agent, fetch as undiciFetch } from 'undici';
import { GraphApi, type FetchFunction, type GraphOptions } from '../../bot/src/adapters/sharepoint/graph-http';
import { GraphStandIn } from '../fakes/graph-stand-in';

export interface TestGraph {
  standIn: GraphStandIn;
  graph: GraphApi;
  fetch: FetchFunction;
  logger: Logger;
  /** A fresh client on the same stand-in, e.g. with other retry settings. */
  client(options?: Partial<GraphOptions>): GraphApi;
  close(): Promise<void>;
}

export function trustingFetch(cert: string): FetchFunction {
  const agent = new Agent({ connect: { ca: cert } });
  return (url, init) => undiciFetch(url, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>;
}

export async function startTestGraph(options: Partial<GraphOptions> = {}): Promise<TestGraph> {
  const standIn = await GraphStandIn.start();
  const fetchFn = trustingFetch(standIn.cert);
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const token = standIn.issueToken();
  const client = (more: Partial<GraphOptions> = {}): GraphApi =>
    new GraphApi({
      baseUrl: standIn.origin,
      getToken: async () => token,
      logger,
      fetch: fetchFn,
      timeoutMs: 2_000,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms / 100)),
      ...options,
      ...more,
    });
  return { standIn, graph: client(), fetch: fetchFn, logger, client, close: () => standIn.close() };
}
