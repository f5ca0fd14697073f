/**
 * People who never opened the app still get their card: the service installs the app for them
 * through Graph (the stand-in's teamwork/installedApps) and opens the 1:1 chat through the Bot
 * Connector stand-in, which refuses to create it for anyone who does not have the app. Whoever a
 * Teams policy keeps from the app, or who is not in the tenant, is named to the coordinator.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoundProgress } from '../../bot/src/contract/api-types';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { EntraIdIssuer, TAB_CLIENT_ID, TENANT } from '../fakes/entra-id-issuer';
import { HOYLANDET_ID } from '../support/demo';
import { SERVICE_APP, startTestGraph, type TestGraph } from '../support/graph';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(60_000);

const CATALOG_APP = 'a1b2c3d4-0000-4000-8000-00000000ca7a';
const COORDINATOR = '00000000-0000-0000-0000-0000000000020';
const responsible = (userId: string) => ({ userId, name: userId, roles: ['Teknisk sjef'], coordinatorOf: [] });
/** A Tuesday 10:00 in Oslo, moving with real time so retries fall due. */
const base = Date.parse('2026-11-24T09:00:00Z');
const started = Date.now();
const clock = { now: () => new Date(base + (Date.now() - started)) };

let graph: TestGraph;
let connector: ConnectorStandIn;
let issuer: EntraIdIssuer;
let service: TestService;
/** Teams needs a moment after an installation before it knows the bot is there. */
const notYetKnown = new Set(['slow-to-show']);

beforeAll(async () => {
  graph = await startTestGraph();
  const apps = graph.standIn.teamsApps;
  // The manifest's webApplicationInfo.id is the tab's app, and Graph is called as that same app.
  apps.catalog.set(CATALOG_APP, { webApplicationInfoId: TAB_CLIENT_ID });
  graph.standIn.registerApp({ ...SERVICE_APP, clientId: TAB_CLIENT_ID, roles: [...SERVICE_APP.roles] });
  for (const id of ['newcomer', 'had-the-app', 'policy-blocked', 'slow-to-show']) apps.users.add(id);
  apps.installed.set('had-the-app', new Set([CATALOG_APP]));
  apps.blockedFor.add('policy-blocked');
  connector = await ConnectorStandIn.start({
    hasApp: (userId) => (notYetKnown.delete(userId) ? false : apps.hasApp(userId)),
  });
  issuer = await EntraIdIssuer.start();
  const dir = mkdtempSync(join(tmpdir(), 'install-'));
  const people = [
    { userId: COORDINATOR, name: 'Alex Wilber', roles: [], coordinatorOf: [HOYLANDET_ID] },
    ...['newcomer', 'had-the-app', 'policy-blocked', 'slow-to-show', 'left-the-tenant'].map(responsible),
  ];
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people }));
  service = await startTestService(
    {
      DIRECTORY_FILE: join(dir, 'directory.json'),
      MicrosoftAppId: '7e4f1a2b-3c5d-4e6f-8a9b-0c1d2e3f4a5b',
      MicrosoftAppPassword: 'not-a-real-secret',
      TAB_AAD_CLIENT_ID: TAB_CLIENT_ID,
      TAB_AAD_TENANT_IDS: TENANT,
      TAB_AAD_JWKS_URL: issuer.jwksUrl,
      TEAMS_APP_CATALOG_ID: CATALOG_APP,
      BOT_SERVICE_URL: connector.url,
      ...graph.sharePointEnv({ clientId: TAB_CLIENT_ID, secret: SERVICE_APP.secret }), // Graph's address and the app's credentials
      STORAGE: 'local',
    },
    {
      clock,
      graphFetch: graph.fetch,
      connectorToken: () => connector.token(),
      delivery: { concurrency: 4, retryDelayMs: () => 100, pollMs: 200 },
    },
  );
});
afterAll(async () => {
  await service?.close();
  await connector?.stop();
  await issuer?.stop();
  await graph?.close();
});

const call = async (path: string, method = 'GET'): Promise<Response> =>
  fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await issuer.token()}` },
  });
const settled = async (): Promise<RoundProgress> => {
  for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const progress = (await (await call('/rounds/latest')).json()) as RoundProgress;
    if (progress.counts.pending === 0) return progress;
  }
  throw new Error('the round did not settle');
};
const cardsTo = (conversationId: string) => connector.received.filter((r) => r.conversationId === conversationId);

it('installs the app for those who never opened it, opens their chat and sends their card', async () => {
  expect((await call('/rounds', 'POST')).status).toBe(201);
  const progress = await settled();

  const reasons = Object.fromEntries(progress.recipients.map((r) => [r.userId, r.reason ?? r.delivery]));
  expect(reasons).toEqual({
    newcomer: 'sent',
    'had-the-app': 'sent',
    'slow-to-show': 'sent',
    'policy-blocked': 'install-refused',
    'left-the-tenant': 'not-found',
  });
  for (const userId of ['newcomer', 'had-the-app', 'slow-to-show']) expect(cardsTo(`a:${userId}`)).toHaveLength(1);
  expect(connector.created.map((c) => [c.userId, c.tenantId]).sort()).toEqual([
    ['had-the-app', 'municipality-tenant'],
    ['newcomer', 'municipality-tenant'],
    ['slow-to-show', 'municipality-tenant'],
  ]);
  const installs = graph.standIn.teamsApps.requests;
  const statuses = (userId: string) => installs.filter((r) => r.userId === userId).map((r) => r.status);
  expect(statuses('newcomer')).toEqual([201]);
  expect(statuses('had-the-app')).toEqual([409]); // already there: as good as installed
  expect(statuses('slow-to-show')).toEqual([201, 409]); // Teams did not know yet; the retry found it
  expect(statuses('policy-blocked')).toEqual([403]);
  expect(statuses('left-the-tenant')).toEqual([404]);
});

it('reuses the chat it opened: a nudge installs nothing again', async () => {
  const installsBefore = graph.standIn.teamsApps.requests.length;
  const nudge = await call('/rounds/latest/nudge', 'POST');
  expect(await nudge.json()).toEqual({ added: 3 });
  await settled();
  for (const userId of ['newcomer', 'had-the-app', 'slow-to-show']) expect(cardsTo(`a:${userId}`)).toHaveLength(2);
  expect(graph.standIn.teamsApps.requests.length).toBe(installsBefore);
  expect(connector.created).toHaveLength(3);
});
