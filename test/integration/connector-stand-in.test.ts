/**
 * The Bot Connector stand-in refuses what Teams refuses (each rule cited in test/fakes): calls
 * without the bot's token, messages over 100 KB as Teams counts them, every documented rate
 * window (the hourly one and createConversation's too, with Retry-After saying how long), calls
 * outside its regional path, chats the bot is not in; and answers the documented error codes. Raw HTTP, so nothing of
 * ours smooths it.
 */
import { ConnectorStandIn } from '../fakes/connector-stand-in';

jest.setTimeout(30_000);

const stands: ConnectorStandIn[] = [];
afterEach(async () => {
  for (const s of stands.splice(0)) await s.stop();
});
async function start(options: Parameters<typeof ConnectorStandIn.start>[0] = {}): Promise<ConnectorStandIn> {
  const connector = await ConnectorStandIn.start(options);
  connector.knows('a:1', 'a:2'); // the chats the tests send to
  stands.push(connector);
  return connector;
}

async function send(
  connector: ConnectorStandIn,
  conversation: string,
  body: unknown,
  token?: string,
): Promise<Response> {
  return fetch(`${connector.url}v3/conversations/${conversation}/activities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}
const message = (text = 'hei') => ({ type: 'message', text });

it('answers 401 without a token, with a foreign or expired one, or one for another audience; BotNotRegistered for another bot', async () => {
  const connector = await start();
  expect((await send(connector, 'a:1', message())).status).toBe(401);
  for (const token of [
    await connector.token(undefined, { foreignKey: true }),
    await connector.token(undefined, { expiresInSeconds: -600 }),
    await connector.token(undefined, { aud: 'https://graph.microsoft.com' }),
    await connector.token(undefined, { tenantId: 'some-other-tenant' }),
  ])
    expect((await send(connector, 'a:1', message(), token)).status).toBe(401);
  const otherBot = await send(connector, 'a:1', message(), await connector.token('another-bot-id'));
  expect(otherBot.status).toBe(401);
  expect(await otherBot.json()).toEqual({
    error: { code: 'BotNotRegistered', message: 'No registration found for this bot.' },
  });
  expect((await send(connector, 'a:1', message(), await connector.token())).status).toBe(200);
  expect(connector.received).toHaveLength(1);
});

it('takes a single-tenant bot’s token from its own tenant once that tenant is known', async () => {
  const connector = await start();
  connector.tokens.tenants.add('municipality-tenant');
  expect(
    (await send(connector, 'a:1', message(), await connector.token(undefined, { tenantId: 'municipality-tenant' })))
      .status,
  ).toBe(200);
});

it('refuses a message over 100 KB counted as UTF-16 (two bytes a code unit), with 413 MessageSizeTooBig', async () => {
  const connector = await start();
  const token = await connector.token();
  const envelope = JSON.stringify(message('')).length;
  const fits = await send(connector, 'a:1', message('x'.repeat(50_000 - envelope)), token);
  expect(fits.status).toBe(200);
  const over = await send(connector, 'a:1', message('x'.repeat(50_001 - envelope)), token);
  expect(over.status).toBe(413);
  expect(await over.json()).toEqual({ error: { code: 'MessageSizeTooBig', message: 'Message size too large.' } });
});

it('keeps every per-conversation window, 1 800 an hour included, and says how long to wait', async () => {
  let now = 0;
  const connector = await start({ limits: true, now: () => now });
  const token = await connector.token();
  let sent = 0;
  // 60 every 30 s keeps within 7/s, 8/2 s and 60/30 s: it is the hourly window that fills.
  for (let burst = 0; burst < 30; burst++, now += 30_000)
    for (let i = 0; i < 60; i++, now += 260)
      if ((await send(connector, 'a:1', message(), token)).status === 200) sent++;
  expect(sent).toBe(1800);
  const refused = await send(connector, 'a:1', message(), token);
  expect(refused.status).toBe(429);
  expect(await refused.json()).toEqual({ error: { code: 'Throttled', message: 'Too many requests.' } });
  expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(60); // minutes, not 1
  // Another conversation is not held back by this one's window.
  expect((await send(connector, 'a:2', message(), token)).status).toBe(200);
});

it('limits creating conversations as sending: 7 a second for one user', async () => {
  const now = 0;
  const connector = await start({ limits: true, now: () => now });
  const token = await connector.token();
  const create = () =>
    fetch(`${connector.url}v3/conversations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ members: [{ id: 'u1' }], channelData: { tenant: { id: 't' } } }),
    });
  const statuses = [];
  for (let i = 0; i < 8; i++) statuses.push((await create()).status);
  expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
});

it('serves only under its regional path, and answers the documented refusals', async () => {
  const connector = await start({ pathPrefix: 'emea/' });
  const token = await connector.token();
  const root = connector.url.replace(/emea\/$/, '');
  const outside = await fetch(`${root}v3/conversations/a:1/activities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: '{}',
  });
  expect(outside.status).toBe(404);
  connector.refuse.set('a:blocked', 403);
  connector.refuse.set('a:admin', 'BotDisabledByAdmin');
  connector.refuse.set('a:gone', 404);
  connector.failNext.push(412, { status: 429, retryAfterSeconds: 7 });
  const answers = [];
  for (const conversation of ['a:blocked', 'a:admin', 'a:gone', 'a:never-installed', 'a:1', 'a:1']) {
    const response = await send(connector, conversation, message(), token);
    answers.push([
      response.status,
      ((await response.json()) as { error: { code: string } }).error.code,
      response.headers.get('Retry-After'),
    ]);
  }
  expect(answers).toEqual([
    [403, 'ConversationBlockedByUser', null],
    [403, 'BotDisabledByAdmin', null],
    [404, 'ConversationNotFound', null],
    [404, 'ConversationNotFound', null],
    [412, 'PreconditionFailed', null],
    [429, 'Throttled', '7'],
  ]);
});
