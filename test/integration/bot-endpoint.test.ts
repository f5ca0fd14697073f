/**
 * Recorded Teams activities posted to /api/messages of the real service, with Bot Framework
 * authentication on and tokens from a local issuer: what is stored, and what comes back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { BotFrameworkIssuer, TEST_APP_ID } from '../fakes/bot-framework-issuer';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { cardProblems, cardTexts, findInputs } from '../support/adaptive-cards';
import { ALEX, HOYLANDET_ID, MEGAN } from '../support/demo';
import { startTestService, talkingTo, type TestService } from '../support/service';

type Activity = Record<string, unknown> & { serviceUrl: string; from: Record<string, unknown> };

function fixture(name: string): Activity {
  return JSON.parse(readFileSync(join(__dirname, '../fixtures/activities', name), 'utf8')) as Activity;
}

describe('POST /api/messages with Bot Framework authentication', () => {
  let issuer: BotFrameworkIssuer;
  let connector: ConnectorStandIn;
  let service: TestService;

  beforeAll(async () => {
    issuer = await BotFrameworkIssuer.start();
    connector = await ConnectorStandIn.start();
    connector.knows('abe5689c-8500-44d0-beee-83bcff7731bb'); // the recorded activities' chat
    service = await startTestService(
      { MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'not-used-by-the-stand-in' },
      talkingTo(connector, { appId: TEST_APP_ID, authSettings: issuer.authSettings() }),
    );
  });
  afterAll(async () => {
    await service.close();
    await connector.stop();
    await issuer.stop();
  });
  beforeEach(() => connector.received.splice(0));

  const activity = (name: string, patch: Record<string, unknown> = {}): Activity => ({
    ...fixture(name),
    serviceUrl: connector.url,
    ...patch,
  });

  async function post(body: Activity, token?: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  const storedReports = async () => {
    const store = openSqliteStore(service.databasePath);
    try {
      return await store.reports.listReports(HOYLANDET_ID);
    } finally {
      store.close();
    }
  };

  async function askForCard(): Promise<Record<string, unknown>> {
    const message = activity('message-status.json');
    const result = await post(message, await issuer.token(connector.url));
    expect(result.status).toBe(200);
    const card = connector.cards().at(-1);
    if (!card) throw new Error('no card was sent');
    return card;
  }

  function submitActivity(card: Record<string, unknown>, inputs: Record<string, string>, from = ALEX): Activity {
    const data = ((card.actions as { data: Record<string, string> }[])[0] ?? { data: {} }).data;
    const recorded = fixture('invoke-submit-status.json') as Activity & { value: { action: Record<string, unknown> } };
    return {
      ...recorded,
      serviceUrl: connector.url,
      from: { ...recorded.from, aadObjectId: from.userId, name: from.name },
      value: { action: { ...recorded.value.action, data: { ...data, ...inputs } } },
    };
  }

  it('answers "status" with one Adaptive Card listing exactly the sender\'s measures', async () => {
    const card = await askForCard();
    expect(connector.received).toHaveLength(1);
    expect(connector.received[0]?.conversationId).toBe(
      (fixture('message-status.json').conversation as { id: string }).id,
    );
    expect(cardProblems(card)).toEqual([]);
    // Alex is fagleder digitalisering: 19 of Høylandet's 44 tiltak, on two pages.
    const first = findInputs(card).filter((i) => i.type === 'Input.ChoiceSet');
    expect(first).toHaveLength(10);
    expect(first.map((i) => i.id)).toContain('status:2.2.1');
    const next = (card.actions as { verb: string; data: Record<string, unknown> }[]).find(
      (a) => a.verb === 'statusPage',
    );
    const recorded = fixture('invoke-submit-status.json') as Activity & { value: { action: Record<string, unknown> } };
    const result = await post(
      {
        ...recorded,
        serviceUrl: connector.url,
        value: { action: { ...recorded.value.action, verb: next?.verb, data: next?.data } },
      },
      await issuer.token(connector.url),
    );
    const page = (result.body as { value: Record<string, unknown> }).value;
    expect(cardProblems(page)).toEqual([]);
    const second = findInputs(page).filter((i) => i.type === 'Input.ChoiceSet');
    expect(second).toHaveLength(9);
    expect(new Set([...first, ...second].map((i) => i.id)).size).toBe(19);
    // The page's own submission id: sending it is not taken for a repeat of the first page.
    const submitOf = (c: Record<string, unknown>) => (c.actions as { data: { submissionId: string } }[])[0]?.data;
    expect(submitOf(page)?.submissionId).not.toBe(submitOf(card)?.submissionId);
  });

  it('records the submitted card, replaces it with the answered card, and stores one report per measure', async () => {
    const card = await askForCard();
    const before = (await storedReports()).length;
    const submit = submitActivity(card, {
      'status:2.2.1': 'on_track',
      'comment:2.2.1': 'Beredskapsplanen er oppdatert',
      'status:2.2.2': 'delayed',
    });
    const result = await post(submit, await issuer.token(connector.url));
    expect(result.status).toBe(200);
    const response = result.body as { statusCode: number; type: string; value: Record<string, unknown> };
    expect(response.statusCode).toBe(200);
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(response.value)).toEqual([]);
    expect(findInputs(response.value)).toEqual([]);
    expect(cardTexts(response.value).map((t) => t.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Levert av Alex Wilber \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d\.$/),
        'I rute · Beredskapsplanen er oppdatert',
        'Forsinket',
      ]),
    );

    const reports = await storedReports();
    expect(reports.length - before).toBe(2);
    expect(reports.slice(-2).map((r) => [r.measureId, r.status, r.reportedBy.userId])).toEqual([
      ['2.2.1', 'on_track', ALEX.userId],
      ['2.2.2', 'delayed', ALEX.userId],
    ]);

    // Teams may deliver the same invoke twice (a retry, a double click): still two reports.
    const again = await post(submit, await issuer.token(connector.url));
    expect((again.body as { type: string }).type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await storedReports()).length - before).toBe(2);
  });

  it('after part of the card, "Fortsett" opens a card of the measures still missing only', async () => {
    const card = await askForCard();
    const submit = submitActivity(card, { 'status:2.4.1': 'done' });
    const summary = ((await post(submit, await issuer.token(connector.url))).body as { value: Record<string, unknown> })
      .value;
    const go = (summary.actions as { verb: string; title: string; data: Record<string, unknown> }[])[0];
    const left = /^Fortsett: (\d+) av 19 gjenstår$/.exec(go?.title ?? '');
    expect(left).not.toBeNull();
    const missing = Number(left?.[1]);
    const recorded = fixture('invoke-submit-status.json') as Activity & { value: { action: Record<string, unknown> } };
    const result = await post(
      {
        ...recorded,
        serviceUrl: connector.url,
        value: { action: { ...recorded.value.action, verb: go?.verb, data: go?.data } },
      },
      await issuer.token(connector.url),
    );
    const rest = (result.body as { value: Record<string, unknown> }).value;
    expect(cardProblems(rest)).toEqual([]);
    expect(cardTexts(rest).some((t) => t.text.includes(`${missing} av 19 gjenstår`))).toBe(true);
    const asked = findInputs(rest)
      .filter((i) => i.type === 'Input.ChoiceSet')
      .map((i) => i.id);
    expect(asked).toHaveLength(Math.min(missing, 10));
    expect(asked).not.toContain('status:2.4.1');
  });

  it("refuses a report on someone else's measure in the card and stores nothing", async () => {
    const card = await askForCard();
    const before = (await storedReports()).length;
    // Megan (Teknisk sjef) replays Alex's card data with a measure that belongs to the Personalsjef.
    const forged = submitActivity(card, { 'status:4.1.1': 'done' }, MEGAN);
    const result = await post(forged, await issuer.token(connector.url));
    expect(result.status).toBe(200);
    const response = result.body as { type: string; value: Record<string, unknown> };
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardTexts(response.value).map((t) => t.text)).toContain(
      'Du kan ikke rapportere på 4.1.1: du står ikke som ansvarlig. Ingenting er lagret.',
    );
    expect((await storedReports()).length).toBe(before);
  });

  it('answers a malformed submission with a short message and stores nothing', async () => {
    const before = (await storedReports()).length;
    const recorded = fixture('invoke-submit-status.json') as Activity & { value: { action: Record<string, unknown> } };
    const broken = {
      ...recorded,
      serviceUrl: connector.url,
      value: { action: { ...recorded.value.action, data: { 'status:1.1.1': 'done' } } },
    };
    const result = await post(broken, await issuer.token(connector.url));
    expect(result.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'The form could not be read. Nothing was saved. Write “status” to get a new one.',
    });
    expect((await storedReports()).length).toBe(before);
  });

  it('welcomes a person who installs the app', async () => {
    const result = await post(activity('installation-update-add.json'), await issuer.token(connector.url));
    expect(result.status).toBe(200);
    expect(connector.received.map((r) => r.activity.text)).toEqual([
      expect.stringContaining('Write **status** to start'),
    ]);
  });

  describe('refuses activities that are not from the Bot Framework, with 401 and no effect', () => {
    // botframework-connector prints every rejected token with console.error; keep the test output readable.
    beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
    afterEach(() => jest.restoreAllMocks());
    const cases: [string, (serviceUrl: string) => Promise<string | undefined>][] = [
      ['no token', async () => undefined],
      ['a token for another app', (u) => issuer.token(u, { aud: 'another-app-id' })],
      ['a token from another issuer', (u) => issuer.token(u, { iss: 'https://evil.example' })],
      ['an expired token', (u) => issuer.token(u, { expiresInSeconds: -600 })],
      ['a token not yet valid', (u) => issuer.token(u, { notBeforeOffsetSeconds: 3600 })],
      ['a token signed by another key', (u) => issuer.token(u, {}, { signWithOtherKey: true })],
      ['a token for another service URL', (u) => issuer.token(u, { serviceurl: 'https://smba.evil.example/' })],
      ['an unsigned token (alg none)', async () => unsignedToken()],
      ['garbage', async () => 'not.a.jwt'],
    ];
    it.each(cases)('%s', async (_name, makeToken) => {
      const before = (await storedReports()).length;
      const result = await post(activity('message-status.json'), await makeToken(connector.url));
      expect(result.status).toBe(401);
      expect(connector.received).toEqual([]);
      expect((await storedReports()).length).toBe(before);
    });
  });

  it('rejects a body that is not an activity with 400, once its token is good', async () => {
    const send = async (authorization?: string) =>
      fetch(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
        body: JSON.stringify({ hello: 'world' }),
      });
    expect((await send(`Bearer ${await issuer.token(connector.url)}`)).status).toBe(400);
    // Without one the body is not even read (issue 13: refuse on headers first).
    expect((await send()).status).toBe(401);
  });

  it('keeps the tab API closed (401) when Entra ID is configured, until SSO validation is enabled', async () => {
    const response = await fetch(`${service.url}/api/v1/plans`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'sign_in_required' });
  });
});

function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ iss: 'https://api.botframework.com', aud: TEST_APP_ID, exp: now + 3600, nbf: now - 60 })}.`;
}
