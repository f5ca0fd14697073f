/**
 * The Graph stand-in's activity feed and mail endpoints refuse what Graph refuses (each rule cited
 * in test/fakes/activity-feed.ts and mailboxes.ts): the permission, the body as documented, a user
 * without the app, a sender the access policy does not allow, and each one's throttling.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphMailer } from '../../bot/src/adapters/mail/graph-mailer';
import { graphPerTenant } from '../../bot/src/adapters/sharepoint/tenant-graphs';
import { ActivityFeedNotifier } from '../../bot/src/adapters/teams/activity-feed-notifier';
import { graphFor } from '../../bot/src/storage';
import { ACTIVITY_FEED_LIMITS, RateLimiter } from '../../bot/src/adapters/teams/rate-limiter';
import { allMeasures } from '../../bot/src/domain/plan';
import { hoylandet, ROOT } from '../support/demo';
import { startTestGraph, type TestGraph } from '../support/graph';

let t: TestGraph;
const tokens: Record<string, string> = {};
const RSC_APP = { clientId: 'tab-app', secret: 'not-a-real-secret', roles: ['Mail.Send'] };
const PLAIN_APP = { clientId: 'plain-app', secret: 'not-a-real-secret', roles: ['User.Read.All'] };
const SENDER = 'tiltak@kommune.no';

beforeAll(async () => {
  t = await startTestGraph();
  t.standIn.registerApp(RSC_APP);
  t.standIn.registerApp(PLAIN_APP);
  for (const app of [RSC_APP, PLAIN_APP]) tokens[app.clientId] = await t.standIn.issueToken(app.clientId);
  const apps = t.standIn.teamsApps;
  apps.catalog.set('ours', { webApplicationInfoId: RSC_APP.clientId, resourceSpecific: ['TeamsActivity.Send.User'] });
  for (const u of ['with-app', 'without-app']) apps.users.add(u);
  apps.installed.set('with-app', new Set(['ours']));
  // The activity types of the app's own manifest.
  t.standIn.activityFeed.declare(JSON.parse(readFileSync(join(ROOT, 'manifest/manifest.template.json'), 'utf8')));
  t.standIn.mailboxes.senders.add(SENDER);
  t.standIn.mailboxes.senders.add('ceo@kommune.no');
  t.standIn.mailboxes.accessPolicies.set(RSC_APP.clientId, new Set([SENDER]));
});
afterAll(() => t?.close());

async function post(path: string, body: unknown, as = RSC_APP.clientId) {
  const response = await t.fetch(`${t.standIn.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[as]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('Retry-After'),
    code: text ? (JSON.parse(text) as { error?: { code?: string } }).error?.code : undefined,
  };
}

const notification = (over: Record<string, unknown> = {}) => ({
  topic: { source: 'text', value: 'Plan', webUrl: 'https://teams.microsoft.com/l/entity/app/my-measures' },
  activityType: 'statusReminder',
  previewText: { content: '3 av 19 gjenstår' },
  templateParameters: [{ name: 'reminder', value: '3 av 19 tiltak i Plan venter på status' }],
  ...over,
});
const send = (userId: string, body: unknown, as?: string) =>
  post(`/users/${userId}/teamwork/sendActivityNotification`, body, as);

describe('sendActivityNotification', () => {
  beforeEach(() => t.standIn.activityFeed.requests.splice(0));
  afterEach(() => new Promise((r) => setTimeout(r, 1100))); // out of the last test's throttling window

  it('delivers with the resource-specific permission to a user who has the app: 204', async () => {
    expect((await send('with-app', notification())).status).toBe(204);
    expect(t.standIn.activityFeed.delivered.at(-1)).toMatchObject({
      userId: 'with-app',
      activityType: 'statusReminder',
      templateParameters: { reminder: '3 av 19 tiltak i Plan venter på status' },
      shown: 'Tiltak: 3 av 19 tiltak i Plan venter på status',
    });
  });

  it('refuses an app with neither permission (403) and a user without the app (404)', async () => {
    expect((await send('with-app', notification(), PLAIN_APP.clientId)).status).toBe(403);
    expect((await send('without-app', notification())).status).toBe(404);
    expect((await send('nobody', notification())).status).toBe(404);
  });

  it('refuses a body as Graph documents it: 400', async () => {
    const bad = [
      notification({ activityType: 'notInTheManifest' }),
      notification({ topic: { source: 'text', value: 'Plan' } }), // text needs a webUrl
      notification({ topic: { source: 'text', value: 'Plan', webUrl: 'https://evil.example/' } }),
      notification({ topic: { source: 'somewhere', value: 'x' } }),
      notification({ previewText: undefined }),
      notification({ templateParameters: [{ name: 'plan', value: 'Plan' }] }), // {reminder} unfilled
    ];
    for (const body of bad) {
      expect((await send('with-app', body)).status).toBe(400);
      await new Promise((r) => setTimeout(r, 250)); // within the 5 a second that count, refused or not
    }
  });

  it('allows 5 requests a second per app and tenant, then 429 with Retry-After', async () => {
    const replies = [];
    for (let i = 0; i < 7; i++) replies.push(await send('with-app', notification()));
    expect(replies.map((r) => r.status)).toEqual([204, 204, 204, 204, 204, 429, 429]);
    expect(Number(replies[5]?.retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

const mail = (to = 'kari@kommune.no') => ({
  message: {
    subject: 'Påminnelse',
    body: { contentType: 'HTML', content: '<p>Hei</p>' },
    toRecipients: [{ emailAddress: { address: to } }],
  },
  saveToSentItems: true,
});

describe('sendMail', () => {
  it('sends from the mailbox the policy allows: 202, and keeps the message', async () => {
    expect((await post(`/users/${SENDER}/sendMail`, mail())).status).toBe(202);
    expect(t.standIn.mailboxes.sent.at(-1)).toMatchObject({
      from: SENDER,
      to: ['kari@kommune.no'],
      subject: 'Påminnelse',
      contentType: 'html',
    });
  });

  it('refuses without Mail.Send, another mailbox than the policy allows, and an unknown sender', async () => {
    expect(await post(`/users/${SENDER}/sendMail`, mail(), PLAIN_APP.clientId)).toMatchObject({
      status: 403,
      code: 'ErrorAccessDenied',
    });
    expect(await post('/users/ceo@kommune.no/sendMail', mail())).toMatchObject({
      status: 403,
      code: 'ErrorAccessDenied',
    });
    t.standIn.mailboxes.accessPolicies.get(RSC_APP.clientId)?.add('gone@kommune.no');
    expect(await post('/users/gone@kommune.no/sendMail', mail())).toMatchObject({
      status: 404,
      code: 'ErrorInvalidUser',
    });
  });

  it('refuses a message without a valid recipient or body: 400', async () => {
    expect(await post(`/users/${SENDER}/sendMail`, mail('not an address'))).toMatchObject({
      status: 400,
      code: 'ErrorInvalidRecipients',
    });
    expect((await post(`/users/${SENDER}/sendMail`, { message: { subject: 'x' } })).status).toBe(400);
  });

  it('keeps to 30 messages a minute per mailbox, then 429 with Retry-After', async () => {
    const sentBefore = t.standIn.mailboxes.sent.length; // one went in the first test
    const statuses = [];
    for (let i = 0; i < 31; i++) statuses.push((await post(`/users/${SENDER}/sendMail`, mail())).status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(29);
    const throttled = await post(`/users/${SENDER}/sendMail`, mail());
    expect(throttled.status).toBe(429);
    expect(Number(throttled.retryAfter)).toBeGreaterThan(1);
    expect(t.standIn.mailboxes.sent.length - sentBefore).toBe(29);
  });
});

describe("the service's senders against these endpoints", () => {
  const plan = hoylandet();
  const reminder = { plan, periodId: '2026-T3', missing: allMeasures(plan).slice(0, 2), total: 4 };
  const person = (userId: string, mailAddress?: string) => ({
    userId,
    name: userId,
    roles: [],
    coordinatorOf: [],
    ...(mailAddress ? { mail: mailAddress } : {}),
  });

  it('sends activity notifications no faster than 5 a second, so Graph never throttles them', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const feed = t.standIn.activityFeed;
    feed.requests.splice(0);
    const notifier = new ActivityFeedNotifier({
      graph: () => t.client({ retry: { maxAttempts: 1 } }, RSC_APP.clientId),
      limiter: new RateLimiter(ACTIVITY_FEED_LIMITS),
      links: { tabBaseUrl: 'https://tiltak.kommune.no', teamsAppId: 'app' },
      logger: t.logger,
    });
    const began = Date.now();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => notifier.notifyReminder(person('with-app'), reminder)),
    );
    const took = Date.now() - began;
    expect(results.every((r) => r.kind === 'sent')).toBe(true);
    expect(feed.requests.map((r) => r.status).every((s) => s === 204)).toBe(true);
    expect(took).toBeGreaterThanOrEqual(2000); // 12 at 5 a second
    expect(await notifier.notifyReminder(person('without-app'), reminder)).toMatchObject({
      kind: 'unreachable',
      reason: 'not-installed',
    });
  });

  it("shows the whole notification in the plan's language, bokmål or nynorsk", async () => {
    await new Promise((r) => setTimeout(r, 1100)); // out of the last test's throttling window
    const notifier = new ActivityFeedNotifier({
      graph: () => t.client({ retry: { maxAttempts: 1 } }, RSC_APP.clientId),
      limiter: new RateLimiter(ACTIVITY_FEED_LIMITS),
      links: { tabBaseUrl: 'https://tiltak.kommune.no', teamsAppId: 'app' },
      logger: t.logger,
    });
    const shown: Record<string, [string, string]> = {};
    for (const language of ['nb', 'nn'] as const) {
      const inLanguage = { ...reminder, plan: { ...plan, language } };
      expect(await notifier.notifyReminder(person('with-app'), inLanguage)).toEqual({ kind: 'sent' });
      const notice = t.standIn.activityFeed.delivered.at(-1)!;
      shown[language] = [notice.shown, notice.previewText];
    }
    expect(shown).toEqual({
      nb: [
        `Tiltak: 2 av 4 tiltak i ${plan.title} venter på status`,
        expect.stringMatching(/2 av 4 tiltak gjenstår\.$/),
      ],
      nn: [
        `Tiltak: 2 av 4 tiltak i ${plan.title} ventar på status`,
        expect.stringMatching(/2 av 4 tiltak står att\.$/),
      ],
    });
  });

  it("reaches a person of another tenant with that tenant's token, not the home tenant's", async () => {
    await new Promise((r) => setTimeout(r, 1100)); // out of the last test's throttling window
    const apps = t.standIn.teamsApps;
    apps.users.add('neighbour');
    apps.installed.set('neighbour', new Set(['ours']));
    apps.tenantOf.set('neighbour', 'neighbour-tenant');
    const settings = {
      graphBaseUrl: t.standIn.origin,
      auth: {
        kind: 'secret' as const,
        tenantId: 'municipality-tenant',
        clientId: RSC_APP.clientId,
        clientSecret: RSC_APP.secret,
        authorityHost: t.standIn.origin,
      },
    };
    const notifier = (perTenant: boolean) =>
      new ActivityFeedNotifier({
        graph: perTenant
          ? graphPerTenant(settings, (s) => graphFor(s, t.logger, t.fetch, { retry: { maxAttempts: 1 } }))
          : () => graphFor(settings, t.logger, t.fetch, { retry: { maxAttempts: 1 } }),
        limiter: new RateLimiter(ACTIVITY_FEED_LIMITS),
        links: { tabBaseUrl: 'https://tiltak.kommune.no', teamsAppId: 'app' },
        logger: t.logger,
      });
    const neighbour = { ...person('neighbour'), tenantId: 'neighbour-tenant' };
    expect(await notifier(false).notifyReminder(neighbour, reminder)).toMatchObject({ kind: 'unreachable' });
    expect(await notifier(true).notifyReminder(neighbour, reminder)).toEqual({ kind: 'sent' });
    expect(t.standIn.activityFeed.delivered.at(-1)?.userId).toBe('neighbour');
  });

  it('judges the mailbox: throttled → wait as Exchange says, a bad address → its own reason, our policy → our fault', async () => {
    const mailer = (sender: string) =>
      new GraphMailer({
        graph: t.client({ retry: { maxAttempts: 1 } }, RSC_APP.clientId),
        sender,
        limiter: { acquire: async () => undefined, pause: () => undefined },
        links: { tabBaseUrl: 'https://tiltak.kommune.no' },
        logger: t.logger,
      });
    // The minute's 30 are spent by the test before.
    expect(await mailer(SENDER).mailReminder(person('a', 'a@kommune.no'), reminder)).toMatchObject({
      kind: 'retry',
      afterMs: expect.any(Number),
    });
    t.standIn.mailboxes.senders.add('other@kommune.no');
    t.standIn.mailboxes.accessPolicies.get(RSC_APP.clientId)?.add('other@kommune.no');
    const other = mailer('other@kommune.no');
    expect(await other.mailReminder(person('b', 'b@kommune.no'), reminder)).toEqual({ kind: 'sent' });
    expect(await other.mailReminder(person('c', 'no-address'), reminder)).toMatchObject({
      kind: 'unreachable',
      reason: 'mailbox-not-found',
    });
    expect(await mailer('ceo@kommune.no').mailReminder(person('d', 'd@kommune.no'), reminder)).toMatchObject({
      kind: 'misconfigured',
    });
  });
});
