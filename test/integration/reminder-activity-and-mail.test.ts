/**
 * The nudge that is noticed, and nobody left with nothing, through the service end to end: the
 * first card goes to the chat (Bot Connector stand-in); a coordinator's nudge goes to the person's
 * Teams activity feed (Graph stand-in, RSC permission, the manifest's activity type), opening their
 * "Mine tiltak", instead of a second card; someone Teams cannot reach gets the reminder by e-mail
 * from the municipality's mailbox (Graph stand-in, Mail.Send under an access policy), with the link
 * to their measures. The delivery log says which channel carried each.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoundProgress } from '../../bot/src/contract/api-types';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { EntraIdIssuer, TAB_CLIENT_ID, TENANT } from '../fakes/entra-id-issuer';
import { HOYLANDET_ID, ROOT } from '../support/demo';
import { SERVICE_APP, startTestGraph, type TestGraph } from '../support/graph';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(60_000);

const CATALOG_APP = 'a1b2c3d4-0000-4000-8000-00000000ca7a';
const TEAMS_APP_ID = '2f1b1c0e-7d3a-4c55-9f1e-3b7f5e2a9c11';
const SENDER = 'tiltak@hoylandet.kommune.no';
const TAB_URL = 'https://tiltak.hoylandet.kommune.no';
const COORDINATOR = '00000000-0000-0000-0000-0000000000020';
const responsible = (userId: string, mail?: string) => ({
  userId,
  name: userId,
  roles: ['Teknisk sjef'],
  coordinatorOf: [],
  ...(mail ? { mail } : {}),
});
/** A Tuesday 10:00 in Oslo, moving with real time so retries fall due. */
const base = Date.parse('2026-11-24T09:00:00Z');
const started = Date.now();
const clock = { now: () => new Date(base + (Date.now() - started)) };

let graph: TestGraph;
let connector: ConnectorStandIn;
let issuer: EntraIdIssuer;
let service: TestService;

beforeAll(async () => {
  graph = await startTestGraph();
  const apps = graph.standIn.teamsApps;
  // The manifest names the tab's app in webApplicationInfo and asks for TeamsActivity.Send.User (RSC).
  apps.catalog.set(CATALOG_APP, { webApplicationInfoId: TAB_CLIENT_ID, resourceSpecific: ['TeamsActivity.Send.User'] });
  graph.standIn.activityFeed.declare(JSON.parse(readFileSync(join(ROOT, 'manifest/manifest.template.json'), 'utf8')));
  graph.standIn.registerApp({ ...SERVICE_APP, clientId: TAB_CLIENT_ID, roles: [...SERVICE_APP.roles, 'Mail.Send'] });
  graph.standIn.mailboxes.senders.add(SENDER);
  graph.standIn.mailboxes.accessPolicies.set(TAB_CLIENT_ID, new Set([SENDER]));
  for (const id of ['has-app', 'policy-blocked', 'blocked-no-mail']) apps.users.add(id);
  apps.installed.set('has-app', new Set([CATALOG_APP]));
  apps.blockedFor.add('policy-blocked');
  apps.blockedFor.add('blocked-no-mail');
  connector = await ConnectorStandIn.start({ hasApp: (userId) => apps.hasApp(userId) });
  issuer = await EntraIdIssuer.start();
  const dir = mkdtempSync(join(tmpdir(), 'activity-mail-'));
  const people = [
    { userId: COORDINATOR, name: 'Alex Wilber', roles: [], coordinatorOf: [HOYLANDET_ID] },
    responsible('has-app', 'has-app@hoylandet.kommune.no'),
    responsible('policy-blocked', 'kari@hoylandet.kommune.no'),
    responsible('blocked-no-mail'),
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
      TEAMS_APP_ID,
      TEAMS_APP_CATALOG_ID: CATALOG_APP,
      TAB_PUBLIC_URL: TAB_URL,
      MAIL_SENDER_ADDRESS: SENDER,
      BOT_SERVICE_URL: connector.url,
      ...graph.sharePointEnv({ clientId: TAB_CLIENT_ID, secret: SERVICE_APP.secret }),
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
const byPerson = (progress: RoundProgress) =>
  Object.fromEntries(progress.recipients.map((r) => [r.userId, [r.delivery, r.channel, r.reason]]));

it('sends the first card to the chat, and an e-mail to whoever Teams cannot reach', async () => {
  expect((await call('/rounds', 'POST')).status).toBe(201);
  const progress = await settled();
  expect(byPerson(progress)).toEqual({
    'has-app': ['sent', 'chat', undefined],
    'policy-blocked': ['sent', 'email', 'install-refused'],
    'blocked-no-mail': ['unreachable', 'chat', 'install-refused'],
  });
  expect(connector.received.filter((r) => r.conversationId === 'a:has-app')).toHaveLength(1);
  // The first card is not announced in the feed as well.
  expect(graph.standIn.activityFeed.delivered).toEqual([]);

  const mails = graph.standIn.mailboxes.sent;
  expect(mails).toHaveLength(1);
  const [mail] = mails;
  expect(mail).toMatchObject({ from: SENDER, to: ['kari@hoylandet.kommune.no'], contentType: 'html' });
  expect(mail?.subject).toMatch(/^Påminnelse: status for tiltakene dine, /);
  // The tab's web address for their own measures: the e-mail may be read outside Teams.
  const href = /href="([^"]+)"/.exec(mail?.content ?? '')?.[1]?.replace(/&amp;/g, '&') ?? '';
  const link = new URL(href);
  expect(`${link.origin}${link.pathname}`).toBe(`${TAB_URL}/tab/`);
  expect(link.searchParams.get('show')).toBe('mine');
  expect(link.searchParams.get('plan')).toBe(HOYLANDET_ID);
  expect(mail?.content).toMatch(/<li><strong>[^<]+<\/strong>/); // the measures, listed
});

it('sends the nudge to the activity feed, opening "Mine tiltak", instead of a second card', async () => {
  const nudge = await call('/rounds/latest/nudge', 'POST');
  expect(await nudge.json()).toEqual({ added: 2 });
  const progress = await settled();
  expect(byPerson(progress)).toMatchObject({
    'has-app': ['sent', 'activity', undefined],
    'policy-blocked': ['sent', 'email', 'install-refused'],
  });
  expect(connector.received.filter((r) => r.conversationId === 'a:has-app')).toHaveLength(1); // no second card

  const [notice, ...more] = graph.standIn.activityFeed.delivered;
  expect(more).toEqual([]);
  expect(notice).toMatchObject({ userId: 'has-app', activityType: 'statusReminder' });
  expect(notice?.previewText).toMatch(/^Status for .+: \d+ av \d+ tiltak gjenstår\.$/);
  // A Teams deep link to the app's personal tab "Mine tiltak", told the plan; the web view as fallback.
  const link = new URL(notice?.topic.webUrl ?? '');
  expect(link.pathname).toBe(`/l/entity/${TEAMS_APP_ID}/my-measures`);
  expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: HOYLANDET_ID });
  expect(link.searchParams.get('webUrl')).toContain(`${TAB_URL}/tab/?show=mine&plan=${HOYLANDET_ID}`);
  // The one Teams cannot reach: the feed does not reach them either, so the nudge is an e-mail again.
  expect(graph.standIn.mailboxes.sent.map((m) => m.to[0])).toEqual([
    'kari@hoylandet.kommune.no',
    'kari@hoylandet.kommune.no',
  ]);
});
