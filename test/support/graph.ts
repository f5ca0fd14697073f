/**
 * The Graph stand-in with GraphApi clients that trust its certificate, for tests and the benchmark.
 * Two app registrations, as a municipality would have them: the service's app (Sites.Selected
 * with `write` on the site, and what the directory and app installation need) and a provisioning
 * app with `manage`, which alone may create lists and columns. Retries wait 1/100 of what Graph
 * asked, so throttling tests stay fast yet keep their order.
 */
import pino, { type Logger } from 'pino';
import { Agent, fetch as undiciFetch } from 'undici';
import { GraphApi, type FetchFunction, type GraphOptions } from '../../bot/src/adapters/sharepoint/graph-http';
import { provisionSite, type ProvisionReport } from '../../bot/src/adapters/sharepoint/provision';
import { GraphStandIn } from '../fakes/graph-stand-in';

export const SERVICE_APP = {
  clientId: 'tiltak-app',
  secret: 'not-a-real-secret',
  roles: ['Sites.Selected', 'User.Read.All', 'GroupMember.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All'],
  siteRole: 'write',
} as const;

export const PROVISIONING_APP = {
  clientId: 'tiltak-provisioning',
  secret: 'also-not-a-real-secret',
  roles: ['Sites.Selected'],
  siteRole: 'manage',
} as const;

export interface TestGraph {
  standIn: GraphStandIn;
  /** The service's app: what the store and the service use. */
  graph: GraphApi;
  /** The provisioning app (`manage` on the site). */
  admin: GraphApi;
  fetch: FetchFunction;
  logger: Logger;
  /** A fresh client on the same stand-in, e.g. with other retry settings, as `clientId` (default: the service's app). */
  client(options?: Partial<GraphOptions>, clientId?: string): GraphApi;
  /** Creates the lists as the provisioning app. */
  provision(): Promise<ProvisionReport>;
  /** The settings that point the service or a command at the stand-in, signing in with a secret as `app`. */
  sharePointEnv(app?: { clientId: string; secret: string }): Record<string, string>;
  close(): Promise<void>;
}

export function trustingFetch(cert: string): FetchFunction {
  const agent = new Agent({ connect: { ca: cert } });
  return (url, init) => undiciFetch(url, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>;
}

export async function startTestGraph(options: Partial<GraphOptions> = {}): Promise<TestGraph> {
  const standIn = await GraphStandIn.start();
  standIn.registerApp({ ...SERVICE_APP, roles: [...SERVICE_APP.roles] });
  standIn.registerApp({ ...PROVISIONING_APP, roles: [...PROVISIONING_APP.roles] });
  const fetchFn = trustingFetch(standIn.cert);
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const client = (more: Partial<GraphOptions> = {}, clientId: string = SERVICE_APP.clientId): GraphApi => {
    let token: Promise<string> | undefined;
    return new GraphApi({
      baseUrl: standIn.origin,
      getToken: () => (token ??= standIn.issueToken(clientId)),
      logger,
      fetch: fetchFn,
      timeoutMs: 2_000,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms / 100)),
      ...options,
      ...more,
    });
  };
  const admin = client({}, PROVISIONING_APP.clientId);
  const sharePointEnv = (app: { clientId: string; secret: string } = SERVICE_APP): Record<string, string> => ({
    STORAGE: 'sharepoint',
    SHAREPOINT_SITE_ID: standIn.siteId,
    GRAPH_BASE_URL: standIn.origin,
    GRAPH_AUTHORITY_HOST: standIn.origin,
    GRAPH_TENANT_ID: 'municipality-tenant',
    GRAPH_CLIENT_ID: app.clientId,
    GRAPH_CLIENT_SECRET: app.secret,
  });
  return {
    standIn,
    graph: client(),
    admin,
    fetch: fetchFn,
    logger,
    client,
    provision: () => provisionSite(admin, standIn.siteId),
    sharePointEnv,
    close: () => standIn.close(),
  };
}
