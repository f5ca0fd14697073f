/**
 * The connector call over Node's http: a call that never reached the connector is tried again,
 * one that reached it and got no answer in time is taken as sent (unconfirmed), a 2xx is sent
 * whatever its body, a kept-alive socket the server had closed is tried again, and Teams' own
 * answers (429 with Retry-After) come through as the notifier judges them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import {
  AnswerLost,
  connectorAgents,
  IDLE_SOCKET_MS,
  NoAnswerInTime,
  NoConnectionInTime,
  postToConnector,
} from '../../bot/src/adapters/teams/connector-http';
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

/** A notifier whose warnings the test reads. */
function watchedNotifier(): { notifier: ConnectorNotifier; warnings: string[] } {
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(String(JSON.parse(line).msg)) });
  const limiter = new RateLimiter(TEAMS_LIMITS);
  return { notifier: new ConnectorNotifier({ limiter, logger, timeoutMs: 300 }), warnings };
}

it('takes a 2xx whose body breaks off as sent, once, and says the activity id is unknown', async () => {
  let calls = 0;
  const url = await serve((_req, res) => {
    calls += 1;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
    res.write('{"id":"activ');
    setTimeout(() => res.socket?.destroy(), 20); // the rest never comes
  });
  const response = await postToConnector(`${url}v3/x`, post);
  expect(response).toMatchObject({ ok: true, status: 200, complete: false });
  const { notifier: watched, warnings } = watchedNotifier();
  expect(await watched.sendEscalation(target(url), form())).toEqual({ kind: 'sent' });
  expect(calls).toBe(2); // one for postToConnector, one for the notifier: never a second card
  expect(warnings.join('\n')).toMatch(/activity id unknown/);
});

it('takes a 2xx whose body is not JSON, or stops coming, as sent', async () => {
  const url = await serve((req, res) => {
    res.writeHead(201, { 'Content-Type': 'text/html' });
    if (req.url?.includes('slow'))
      res.write('<html>'); // then nothing until the time runs out
    else res.end('<html>gateway</html>');
  });
  const { notifier: watched, warnings } = watchedNotifier();
  expect(await watched.sendEscalation(target(url), form())).toEqual({ kind: 'sent' });
  expect(await watched.sendEscalation(target(`${url}slow/`), form())).toEqual({ kind: 'sent' });
  expect(warnings.filter((w) => /activity id unknown/.test(w))).toHaveLength(2);
});

it('takes a call written out whose connection then breaks as unconfirmed, not sent again', async () => {
  const url = await serve((req) => req.socket.destroy()); // reads it, then hangs up without an answer
  await expect(postToConnector(`${url}v3/x`, post)).rejects.toBeInstanceOf(AnswerLost);
  expect(await notifier().sendEscalation(target(url), form())).toEqual({ kind: 'sent', unconfirmed: true });
});

it('tries again a call that met a kept-alive socket the server had already closed', async () => {
  let calls = 0;
  const url = await serve((req, res) => {
    calls += 1;
    // The first answer keeps the socket; the server then drops it as it reads the next call, as a
    // peer that had closed its end does.
    if (calls === 1) res.end('{"id":"a1"}');
    else req.socket.destroy();
  });
  expect((await postToConnector(`${url}v3/x`, post)).status).toBe(200);
  const error = await postToConnector(`${url}v3/x`, post).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'ECONNRESET' });
  expect(error).not.toBeInstanceOf(AnswerLost);
});

it('closes idle kept-alive sockets well before Azure drops them (4 minutes)', async () => {
  expect(IDLE_SOCKET_MS).toBeLessThanOrEqual(60_000);
  const url = await serve((_req, res) => res.end('{"id":"a1"}'));
  server!.keepAliveTimeout = 600_000; // a server that would keep it for 10 minutes
  await postToConnector(`${url}v3/x`, post);
  const idle = Object.values(connectorAgents.http.freeSockets).flat();
  expect(idle).toHaveLength(1);
  // Node's agent sets this timeout on each free socket and destroys the socket when it fires.
  expect(idle[0]!.timeout).toBe(IDLE_SOCKET_MS);
  const closed = new Promise((resolve) => idle[0]!.once('close', resolve));
  idle[0]!.emit('timeout');
  await closed;
  expect(Object.values(connectorAgents.http.freeSockets).flat()).toHaveLength(0);
});
