/**
 * A multi-tenant deployment opens a chat with a person of another tenant as that tenant: Graph is
 * called with a token from that tenant's authority (the Graph stand-in finds no user of another
 * tenant with the home tenant's token, as Graph does), and the 1:1 chat is created in it.
 */
import pino from 'pino';
import type { GraphSettings } from '../../bot/src/config';
import type { Person } from '../../bot/src/domain/responsibility';
import { graphPerTenant } from '../../bot/src/adapters/sharepoint/tenant-graphs';
import { PersonalChatOpener } from '../../bot/src/adapters/teams/personal-chat-opener';
import { TenantLimiters } from '../../bot/src/adapters/teams/tenant-limiters';
import { teamsLimits } from '../../bot/src/adapters/teams/rate-limiter';
import { graphFor } from '../../bot/src/storage';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { SERVICE_APP, startTestGraph, type TestGraph } from '../support/graph';

jest.setTimeout(30_000);

const HOME = 'municipality-tenant';
const OTHER = 'neighbour-tenant';
const CATALOG_APP = 'a1b2c3d4-0000-4000-8000-00000000ca7a';
const logger = pino({ level: 'silent' });
const person = (userId: string, tenantId?: string): Person => ({
  userId,
  name: userId,
  roles: ['Teknisk sjef'],
  coordinatorOf: [],
  ...(tenantId ? { tenantId } : {}),
});

let graph: TestGraph;
let connector: ConnectorStandIn;
beforeAll(async () => {
  graph = await startTestGraph();
  const apps = graph.standIn.teamsApps;
  apps.catalog.set(CATALOG_APP, { webApplicationInfoId: SERVICE_APP.clientId });
  for (const id of ['home-person', 'neighbour']) apps.users.add(id);
  apps.tenantOf.set('home-person', HOME);
  apps.tenantOf.set('neighbour', OTHER);
  connector = await ConnectorStandIn.start({ hasApp: (userId) => apps.hasApp(userId) });
});
afterAll(async () => {
  await connector?.stop();
  await graph?.close();
});

const settings = (): GraphSettings => ({
  graphBaseUrl: graph.standIn.origin,
  auth: {
    kind: 'secret',
    tenantId: HOME,
    clientId: SERVICE_APP.clientId,
    clientSecret: SERVICE_APP.secret,
    authorityHost: graph.standIn.origin,
  },
});
const chatOpener = (perTenant: boolean) =>
  new PersonalChatOpener({
    settings: { catalogAppId: CATALOG_APP, tenantId: HOME, botId: 'bot', serviceUrl: connector.url, graph: settings() },
    graph: perTenant
      ? graphPerTenant(settings(), (s) => graphFor(s, logger, graph.fetch))
      : () => graphFor(settings(), logger, graph.fetch),
    limiter: new TenantLimiters({ limits: { bot: teamsLimits(50) }, homeTenant: HOME }),
    logger,
    getToken: () => connector.token(),
  });

it("refuses the home tenant's token for another tenant's user, as Graph does", async () => {
  const result = await chatOpener(false).openChat(person('neighbour', OTHER));
  expect(result).toMatchObject({ kind: 'unreachable', reason: 'not-found' });
});

it("installs the app and creates the chat in the person's own tenant", async () => {
  const opened = chatOpener(true);
  const neighbour = await opened.openChat(person('neighbour', OTHER));
  expect(neighbour).toMatchObject({ kind: 'opened', target: { userId: 'neighbour', tenantId: OTHER } });
  const home = await opened.openChat(person('home-person'));
  expect(home).toMatchObject({ kind: 'opened', target: { userId: 'home-person', tenantId: HOME } });
  expect(graph.standIn.teamsApps.requests.filter((r) => r.status === 201).map((r) => r.userId)).toEqual([
    'neighbour',
    'home-person',
  ]);
  expect(connector.created.map((c) => [c.userId, c.tenantId])).toEqual([
    ['neighbour', OTHER],
    ['home-person', HOME],
  ]);
});

it("gets no token for a tenant where the app was never consented (Entra ID's AADSTS700016)", async () => {
  graph.standIn.tokens.apps.get(SERVICE_APP.clientId)!.tenants = [HOME, OTHER];
  try {
    graph.standIn.teamsApps.users.add('stranger');
    graph.standIn.teamsApps.tenantOf.set('stranger', 'unconsented-tenant');
    const result = await chatOpener(true).openChat(person('stranger', 'unconsented-tenant'));
    expect(result).toMatchObject({ kind: 'retry', detail: expect.stringMatching(/AADSTS700016/) });
  } finally {
    delete graph.standIn.tokens.apps.get(SERVICE_APP.clientId)!.tenants;
  }
});
