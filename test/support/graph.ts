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
  /** The settings that point the service or a command at the stand-in, signing in with a secret. */
  sharePointEnv(): Record<string, string>;
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
  const sharePointEnv = (): Record<string, string> => {
    standIn.registerClient('tiltak-app', 'not-a-real-secret');
    return {
      STORAGE: 'sharepoint',
      SHAREPOINT_SITE_ID: standIn.siteId,
      GRAPH_BASE_URL: standIn.origin,
      GRAPH_AUTHORITY_HOST: standIn.origin,
      GRAPH_TENANT_ID: 'municipality-tenant',
      GRAPH_CLIENT_ID: 'tiltak-app',
      GRAPH_CLIENT_SECRET: 'not-a-real-secret',
    };
  };
  return { standIn, graph: client(), fetch: fetchFn, logger, client, sharePointEnv, close: () => standIn.close() };
}
