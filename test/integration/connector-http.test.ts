/**
 * The connector call over Node's http: a call that never reached the connector is tried again,
 * one that reached it and got no answer in time is taken as sent (unconfirmed), and Teams' own
 * answers (429 with Retry-After) come through as the notifier judges them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { NoAnswerInTime, NoConnectionInTime, postToConnector } from '../../bot/src/adapters/teams/connector-http';
import { ConnectorNotifier } from '../../bot/src/adapters/teams/connector-notifier';
import { RateLimiter, TEAMS_LIMITS } from '../../bot/src/adapters/teams/rate-limiter';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const post = { headers: { 'Content-Type': 'application/json' }, body: '{"type":"message"}', timeoutMs: 300 };
const target = (serviceUrl: string) => ({ serviceUrl, conversationId: 'a:u1', userId: 'u1' });
const notifier = () =>
  new ConnectorNotifier({ limiter: new RateLimiter(TEAMS_LIMITS), logger: pino({ level: 'silent' }), timeoutMs: 300 });
const form = (): Parameters<ConnectorNotifier['sendEscalation']>[1] =>
  ({ plan: { id: 'p', title: 'Plan', language: 'nb' }, periodId: '2027-01', missing: [], unreached: [] }) as never;

it('says "no answer in time" only for a call that reached the connector', async () => {
  const url = await serve(() => undefined); // takes the call, never answers
  await expect(postToConnector(`${url}v3/conversations/a/activities`, post)).rejects.toBeInstanceOf(NoAnswerInTime);
  const result = await notifier().sendEscalation(target(url), form());
  expect(result).toEqual({ kind: 'sent', unconfirmed: true });
});

it('tries again a call that never reached the connector', async () => {
  const url = await serve(() => undefined);
  await new Promise((resolve) => server!.close(resolve)); // nobody listens there now
  server = undefined;
  const error = await postToConnector(`${url}v3/x`, post).catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(NoAnswerInTime);
  expect(error).not.toBeInstanceOf(NoConnectionInTime);
  expect(await notifier().sendEscalation(target(url), form())).toMatchObject({ kind: 'retry' });
});

it("passes on Teams' 429 and its Retry-After, and reads the body of an answer", async () => {
  const url = await serve((_req, res) => {
    res.writeHead(429, { 'Retry-After': '3', 'Content-Type': 'application/json' });
    res.end('{"error":{"code":"Throttled"}}');
  });
  const response = await postToConnector(`${url}v3/x`, post);
  expect(response.status).toBe(429);
  expect(response.headers.get('retry-after')).toBe('3');
  expect(await response.text()).toContain('Throttled');
  expect(await notifier().sendEscalation(target(url), form())).toMatchObject({ kind: 'retry', afterMs: 3000 });
});
