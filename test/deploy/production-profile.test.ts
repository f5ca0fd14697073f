/**
 * `npm run test:deploy`: the production profile, started exactly as the infrastructure configures
 * it — the settings of infra/app-settings.json, each {token} filled as the Bicep fills it — as a
 * real child process, against stand-ins for what it would reach in Azure:
 *
 * - App Service's managed identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER), the only source
 *   of tokens: there is no secret in the settings;
 * - the Bot Connector, refusing any call without the identity's token for the Bot Framework;
 * - Azure Storage (Azurite over https with --oauth basic: bearer tokens, no account key);
 * - Microsoft Graph (SharePoint lists, Entra ID users), accepting only the identity's tokens;
 * - Bot Framework's and Entra ID's token issuers, for the activities and the tab's sign-in.
 *
 * People write to the bot, a coordinator starts a reminder round, one person answers the card
 * (through the outbox in the storage account); the instance is stopped in the middle of the
 * round, its disk wiped, a new one started: nothing lost, the round finishes, nobody gets a card
 * twice. (An answer left in the outbox by a stopped instance and delivered by another: see
 * test/contract/table-report-outbox.test.ts. Answering while Graph is wholly down fails here as in
 * the embedded profile's SharePoint mode: the use case reads the plan from SharePoint first.)
 *
 * Test-only differences from Azure: HOST is loopback (the test listens nowhere else), the
 * endpoints point at the stand-ins, and the clock sits in sending hours (test/support/service-process.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { AuthenticatingConnector } from '../fakes/authenticating-connector';
import { BotFrameworkIssuer } from '../fakes/bot-framework-issuer';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { EntraIdIssuer, TAB_CLIENT_ID, TENANT } from '../fakes/entra-id-issuer';
import { ManagedIdentityEndpoint } from '../fakes/managed-identity-endpoint';
import { findInputs } from '../support/adaptive-cards';
import { serviceSettings } from '../support/app-settings';
import { startAzurite, type Azurite } from '../support/azurite';
import { startChildService, type ChildService } from '../support/child-service';
import { hoylandet, HOYLANDET_ID } from '../support/demo';
import { SERVICE_APP, startTestGraph, type TestGraph } from '../support/graph';
import { waitFor } from '../support/wait-for';

jest.setTimeout(240_000);

const PEOPLE = 200;
const IDENTITY = {
  clientId: '5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
  principalId: '6c1d2e3f-4051-4b6c-9d7e-8f9a0b1c2d3e',
  tenantId: TENANT,
};
const BOT_FRAMEWORK = 'https://api.botframework.com';
const KARI = {
  id: 'a1f0c9e2-0001-4000-8000-000000000001',
  displayName: 'Kari Koordinator',
  userPrincipalName: 'kari@hoylandet.kommune.no',
};
const people = Array.from({ length: PEOPLE }, (_, i) => ({
  id: `b2e1d0c9-0000-4000-8000-${String(i).padStart(12, '0')}`,
  displayName: `Person ${i}`,
  userPrincipalName: `person${i}@hoylandet.kommune.no`,
}));

let graph: TestGraph;
let azurite: Azurite;
let identity: ManagedIdentityEndpoint;
let recorder: ConnectorStandIn;
let connector: AuthenticatingConnector;
let botFramework: BotFrameworkIssuer;
let entra: EntraIdIssuer;
let env: NodeJS.ProcessEnv;
let disk: string;
const instances: ChildService[] = [];

beforeAll(async () => {
  [graph, azurite, botFramework, entra, recorder] = await Promise.all([
    startTestGraph(),
    startAzurite({ oauth: true }),
    BotFrameworkIssuer.start(),
    EntraIdIssuer.start(),
    ConnectorStandIn.start({ botId: IDENTITY.clientId }),
  ]);
  identity = await ManagedIdentityEndpoint.start(IDENTITY);
  // The identity's tokens come from Entra ID, as an app registration's do: Graph and the Bot
  // Connector take them, for their own audience and with what the identity was granted.
  graph.standIn.registerApp({
    clientId: IDENTITY.clientId,
    secret: '',
    roles: [...SERVICE_APP.roles],
    siteRole: 'write',
  });
  graph.standIn.tokens.trustKeys(identity.signingKeys());
  recorder.tokens.trustKeys(identity.signingKeys());
  recorder.tokens.tenants.add(IDENTITY.tenantId);
  recorder.knows(...people.map((p) => `a:${p.id}`), `a:${KARI.id}`);
  connector = await AuthenticatingConnector.start(recorder.url, (authorization) =>
    identity.verifies(authorization, BOT_FRAMEWORK),
  );

  // The municipality's side, as docs/deploy.md leaves it: the site provisioned, the plan imported,
  // the people in Entra ID, the role file on the site's persistent /home share.
  await graph.provision();
  await (await openSharePointStore(graph.graph, graph.standIn.siteId)).plans.savePlan(hoylandet());
  graph.standIn.directory.add(KARI);
  for (const person of people) graph.standIn.directory.add(person);
  graph.standIn.directory.groups.set(
    'g-digitalisering',
    people.map((p) => p.id),
  );
  const share = mkdtempSync(join(tmpdir(), 'home-share-'));
  const roleFile = join(share, 'roles.json');
  writeFileSync(
    roleFile,
    JSON.stringify({
      people: [{ upn: KARI.userPrincipalName, roles: [], coordinatorOf: [HOYLANDET_ID] }],
      groups: [{ groupId: 'g-digitalisering', roles: ['Fagleder digitalisering'] }],
    }),
  );
  const trusted = join(share, 'ca.pem');
  writeFileSync(trusted, `${graph.standIn.cert}\n${azurite.cert ?? ''}`);

  const settings = serviceSettings({
    identityClientId: IDENTITY.clientId,
    tenantId: IDENTITY.tenantId,
    sharePointSiteId: graph.standIn.siteId,
    queueEndpoint: azurite.queueEndpoint,
    tableEndpoint: azurite.tableEndpoint,
    queueName: 'tiltak-rounds',
    tablePrefix: 'Tiltak',
    maxRequestsPerSecond: '50',
    teamsAppCatalogId: '',
    mailSenderAddress: '',
    roleFile,
    tabClientId: TAB_CLIENT_ID,
    hostName: '127.0.0.1',
    applicationInsightsConnectionString: '', // see docs/deploy.md: not exercised here
  });
  disk = mkdtempSync(join(tmpdir(), 'instance-disk-'));
  env = {
    ...settings,
    HOST: '127.0.0.1',
    PORT: '0',
    GRAPH_BASE_URL: graph.standIn.origin,
    TAB_AAD_JWKS_URL: entra.jwksUrl,
    ...identity.environment(),
    NODE_EXTRA_CA_CERTS: trusted,
    // Where a careless setting would put local files: the instance's own disk, checked below.
    DATABASE_PATH: join(disk, 'tiltak.db'),
    OUTBOX_PATH: join(disk, 'outbox.db'),
    HOME: join(disk, 'home'),
    TEST_BOT_AUTH_SETTINGS: JSON.stringify(botFramework.authSettings()),
    TEST_CLOCK_STARTED_AT: String(Date.now()),
    // Longer than a claimed batch takes at the connector's pace (as shared-round.test.ts).
    STALE_AFTER_MS: '20000',
  };
});

afterAll(async () => {
  for (const instance of instances) instance.child.kill('SIGKILL');
  await Promise.allSettled([
    connector?.stop(),
    recorder?.stop(),
    identity?.stop(),
    azurite?.stop(),
    graph?.close(),
    botFramework?.stop(),
    entra?.stop(),
  ]);
});

async function startInstance(): Promise<ChildService> {
  mkdirSync(join(disk, 'home'), { recursive: true });
  const instance = await startChildService(env);
  instances.push(instance);
  return instance;
}

/** An activity from a person in their 1:1 chat with the bot, with Bot Framework's signature. */
async function fromTeams(
  instance: ChildService,
  person: { id: string; displayName: string },
  activity: Record<string, unknown>,
) {
  const body = {
    channelId: 'msteams',
    id: `activity-${Math.random().toString(36).slice(2)}`,
    serviceUrl: connector.url,
    from: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id },
    recipient: { id: `28:${IDENTITY.clientId}`, name: 'Tiltak' },
    conversation: { conversationType: 'personal', tenantId: TENANT, id: `a:${person.id}` },
    channelData: { tenant: { id: TENANT } },
    locale: 'nb-NO',
    ...activity,
  };
  const response = await fetch(`${instance.url}/api/messages`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${await botFramework.token(connector.url, { aud: IDENTITY.clientId })}`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.text()) || undefined };
}

async function asCoordinator(instance: ChildService, path: string, method = 'GET') {
  const token = await entra.token({ oid: KARI.id, name: KARI.displayName });
  return fetch(`${instance.url}/api/v1/plans/${HOYLANDET_ID}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}` },
  });
}

async function roundCounts(instance: ChildService): Promise<{ pending: number; sent: number }> {
  const response = await asCoordinator(instance, '/rounds/latest');
  return ((await response.json()) as { counts: { pending: number; sent: number } }).counts;
}

/** Round cards per person: proactive posts, not replies to something the person wrote. */
function roundCardsPerPerson(): Map<string, number> {
  const cards = new Map<string, number>();
  for (const r of recorder.received.filter((r) => !r.replyToId && r.activity.attachments?.length))
    cards.set(r.conversationId, (cards.get(r.conversationId) ?? 0) + 1);
  return cards;
}

it('runs stateless as the infrastructure configures it: a round survives the instance, nothing is lost, no card goes twice', async () => {
  const first = await startInstance();
  // It says which profile it runs (its log is written asynchronously: wait for the line).
  await waitFor(() => first.output().includes('tiltak is listening (production profile)'), 10_000);
  expect(first.output()).toMatch(/"profile":"production"/);

  // Everyone has talked to the bot (so it can reach them); each reply goes out as the identity.
  for (let i = 0; i < PEOPLE; i += 10)
    await Promise.all(
      people
        .slice(i, i + 10)
        .map(async (p) => expect((await fromTeams(first, p, { type: 'message', text: 'hjelp' })).status).toBe(200)),
    );
  expect(recorder.received.filter((r) => r.replyToId)).toHaveLength(PEOPLE);

  // The coordinator starts a round; cards go out slowly enough to stop the instance halfway.
  connector.delayMs = 1000;
  expect((await asCoordinator(first, '/rounds', 'POST')).status).toBe(201);
  await waitFor(() => roundCardsPerPerson().size >= PEOPLE / 5, 60_000);

  // One person answers their card.
  const [conversationId] = [...roundCardsPerPerson().keys()];
  const answerer = people.find((p) => `a:${p.id}` === conversationId)!;
  const card = recorder.received.find((r) => r.conversationId === conversationId && !r.replyToId)!.activity
    .attachments![0]!.content as { actions: { data: Record<string, string> }[] };
  const measure = String(findInputs(card).find((input) => input.type === 'Input.ChoiceSet')!.id);
  const answered = await fromTeams(first, answerer, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'card-activity',
    value: {
      action: { type: 'Action.Execute', verb: 'submitStatus', data: { ...card.actions[0]!.data, [measure]: 'done' } },
    },
  });
  expect(answered.status).toBe(200);
  expect(answered.body).toContain('application/vnd.microsoft.card.adaptive');

  // The instance goes (a scale-in, a restart elsewhere) and its disk with it.
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  const sentBefore = roundCardsPerPerson().size;
  expect(sentBefore).toBeLessThan(PEOPLE);
  // It wrote nothing of its own (the test harness's TypeScript loader keeps its cache in the real
  // temporary folder: App Service runs the compiled code).
  expect(readdirSync(disk)).toEqual(['home']);
  expect(readdirSync(join(disk, 'home'))).toEqual([]);
  rmSync(disk, { recursive: true, force: true });
  const reports = await openSharePointStore(graph.graph, graph.standIn.siteId);

  // A new instance on a fresh disk finishes the round and delivers the answer.
  connector.delayMs = 0;
  const second = await startInstance();
  await waitFor(async () => (await roundCounts(second)).pending === 0, 120_000);
  await waitFor(
    async () => (await reports.reports.listReports(HOYLANDET_ID)).some((r) => r.reportedBy.userId === answerer.id),
    30_000,
  );

  const stored = (await reports.reports.listReports(HOYLANDET_ID)).filter((r) => r.reportedBy.userId === answerer.id);
  expect(stored.map((r) => [r.measureId, r.status])).toEqual([[measure.replace(/^status:/, ''), 'done']]);
  const perPerson = roundCardsPerPerson();
  expect({ reached: perPerson.size, twice: [...perPerson.values()].filter((n) => n > 1).length }).toEqual({
    reached: PEOPLE,
    twice: 0,
  });
  // Every connector call carried the identity's token for the Bot Framework; the identity was the
  // only source of tokens, for each audience the service calls, and never refused.
  expect(connector.calls.refused).toBe(0);
  expect(connector.calls.authorized).toBe(recorder.received.length);
  expect([...identity.issued.keys()].sort()).toEqual(
    [BOT_FRAMEWORK, graph.standIn.origin, 'https://storage.azure.com'].sort(),
  );
  expect(identity.refused).toBe(0);
  // …and the connector's check is a real one: no token, or the identity's token for another
  // audience, is refused.
  const otherAudience = (await (
    await fetch(`${identity.url}?api-version=2019-08-01&resource=https://graph.microsoft.com`, {
      headers: { 'X-IDENTITY-HEADER': identity.header },
    })
  ).json()) as { access_token: string };
  for (const authorization of [undefined, `Bearer ${otherAudience.access_token}`])
    expect(
      (
        await fetch(`${connector.url}v3/conversations/a:x/activities`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
          body: '{"type":"message"}',
        })
      ).status,
    ).toBe(401);
  process.stdout.write(
    `production profile: ${PEOPLE} people, ${sentBefore} cards before the stop, the rest after; tokens issued ${JSON.stringify(Object.fromEntries(identity.issued))}\n`,
  );
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
});
