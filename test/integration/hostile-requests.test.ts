/**
 * What the service refuses before it spends anything on a request (issue 13): permission before any
 * work on an upload (item 3), bodies refused on their headers — rate limit, token, size, type — before
 * they are read (item 6), the open API of local development closed to other web pages and foreign
 * host names (item 7), rate limits keyed on the person and on the real caller behind a trusted proxy
 * (item 8), HSTS over https (item 9) and no internals in an error (item 5).
 *
 * A request here may send its headers and never its body: a service that waits for a body before it
 * refuses would never answer, and the test would fail on its timeout.
 */
import { request } from 'node:http';
import { BotFrameworkIssuer, TEST_APP_ID } from '../fakes/bot-framework-issuer';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { EntraIdIssuer, TAB_CLIENT_ID, TENANT } from '../fakes/entra-id-issuer';
import { startTestService, talkingTo, type TestService } from '../support/service';
import { RATE_LIMITS } from '../../bot/src/http/server';
import { errorResponse } from '../../bot/src/http/error-response';

jest.setTimeout(30_000);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends the headers (and the body, if given) of a request; resolves with the answer. */
function send(
  url: string,
  options: { method: string; path: string; headers: Record<string, string>; body?: string | Buffer; noHost?: boolean },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path, url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: options.method,
        headers: options.headers,
        setHost: !options.noHost,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The service may close the connection once it has answered a body it will not read.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (options.body !== undefined) req.end(options.body);
    else req.flushHeaders(); // headers only: the body never comes
  });
}

/** A declared 2 MB body that is never sent. */
const PROMISED_BODY = { 'Content-Type': 'application/json', 'Content-Length': String(2_000_000) };

describe('with Teams SSO and Bot Framework authentication on', () => {
  let entra: EntraIdIssuer;
  let bots: BotFrameworkIssuer;
  let connector: ConnectorStandIn;
  let service: TestService;
  beforeAll(async () => {
    entra = await EntraIdIssuer.start();
    bots = await BotFrameworkIssuer.start();
    connector = await ConnectorStandIn.start();
    service = await startTestService(
      {
        MicrosoftAppId: TEST_APP_ID,
        MicrosoftAppPassword: 'not-used-by-the-stand-in',
        TAB_AAD_CLIENT_ID: TAB_CLIENT_ID,
        TAB_AAD_TENANT_IDS: TENANT,
        TAB_AAD_JWKS_URL: entra.jwksUrl,
        TRUSTED_PROXIES: 'loopback',
      },
      talkingTo(connector, { appId: TEST_APP_ID, authSettings: bots.authSettings() }),
    );
  });
  afterAll(async () => {
    // A failed start leaves some of these unset: stop what started, so the real failure shows.
    await service?.close();
    await connector?.stop();
    await bots?.stop();
    await entra?.stop();
  });

  const reader = () => entra.token({ oid: '9f0e1d2c-0000-4000-8000-0000000000aa', name: 'Lese Leser' });
  const coordinator = () => entra.token({ roles: ['Tiltak.Coordinator'] });

  it('refuses a reader an import before reading the upload (item 3)', async () => {
    for (const path of ['/api/v1/plans', '/api/v1/imports/preview']) {
      const answer = await send(service.url, {
        method: 'POST',
        path,
        headers: { ...PROMISED_BODY, Authorization: `Bearer ${await reader()}` },
      });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'forbidden' });
    }
  });

  it('refuses an unauthenticated body on its headers, on the tab API and the bot endpoint (item 6)', async () => {
    const tab = await send(service.url, { method: 'POST', path: '/api/v1/plans', headers: PROMISED_BODY });
    expect(tab.status).toBe(401);
    expect(tab.headers['www-authenticate']).toBe('Bearer');
    const bot = await send(service.url, { method: 'POST', path: '/api/messages', headers: PROMISED_BODY });
    expect(bot.status).toBe(401);
    const forged = await send(service.url, {
      method: 'POST',
      path: '/api/messages',
      headers: { ...PROMISED_BODY, Authorization: `Bearer ${await entra.token()}` }, // a token, not the Bot Framework's
    });
    expect(forged.status).toBe(401);
  });

  it('refuses a body larger than its route takes on the Content-Length header, even signed in (item 6)', async () => {
    const card = await send(service.url, {
      method: 'POST',
      path: '/api/messages',
      headers: { ...PROMISED_BODY, Authorization: `Bearer ${await bots.token('https://smba.example/teams/')}` },
    });
    expect(card.status).toBe(413);
    const edit = await send(service.url, {
      method: 'PATCH',
      path: '/api/v1/plans/hoylandet-2023-2027/measures/1.1.1',
      headers: { ...PROMISED_BODY, Authorization: `Bearer ${await coordinator()}`, 'If-Match': '"x"' },
    });
    expect(edit.status).toBe(413);
    expect(JSON.parse(edit.body)).toMatchObject({ error: 'body_too_large', message: expect.stringMatching(/kB/) });
  });

  it('refuses a body sent without a length once it passes the limit, and compressed bodies unread (item 6)', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(200_000) });
    const chunked = await send(service.url, {
      method: 'PATCH',
      path: '/api/v1/plans/hoylandet-2023-2027/measures/1.1.1',
      headers: {
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
        Authorization: `Bearer ${await coordinator()}`,
        'If-Match': '"x"',
      },
      body: big,
    });
    expect(chunked.status).toBe(413);
    const gzip = await send(service.url, {
      method: 'POST',
      path: '/api/v1/plans/hoylandet-2023-2027/rounds/latest/nudge',
      headers: {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Content-Length': '10',
        Authorization: `Bearer ${await coordinator()}`,
      },
      body: Buffer.alloc(10),
    });
    expect(gzip.status).toBe(415);
  });

  it('limits each person on their own, and believes X-Forwarded-For only from a trusted proxy (item 8)', async () => {
    const burst = RATE_LIMITS.tabApi.burst;
    const asPerson = async (oid: string, count: number) => {
      const token = await entra.token({ oid });
      return Promise.all(
        Array.from({ length: count }, () =>
          fetch(`${service.url}/api/v1/session`, { headers: { Authorization: `Bearer ${token}` } }).then(
            (r) => r.status,
          ),
        ),
      );
    };
    // The test service has no limits; this one runs with the real ones.
    const limited = await startTestService(
      { TAB_AAD_CLIENT_ID: TAB_CLIENT_ID, TAB_AAD_TENANT_IDS: TENANT, TAB_AAD_JWKS_URL: entra.jwksUrl },
      { rateLimits: RATE_LIMITS },
    );
    try {
      const floodOne = async (oid: string) => {
        const token = await entra.token({ oid });
        return Promise.all(
          Array.from({ length: burst * 2 }, () =>
            fetch(`${limited.url}/api/v1/session`, { headers: { Authorization: `Bearer ${token}` } }).then(
              (r) => r.status,
            ),
          ),
        );
      };
      const flooder = await floodOne('9f0e1d2c-0000-4000-8000-0000000000f1');
      expect(flooder.filter((s) => s === 429).length).toBeGreaterThan(0);
      // Someone else from the same address (a town hall behind one NAT) is not throttled by it.
      const other = await floodOne('9f0e1d2c-0000-4000-8000-0000000000f2').then((s) => s.slice(0, burst));
      expect(other.every((s) => s === 200)).toBe(true);
    } finally {
      await limited.close();
    }
    expect((await asPerson('9f0e1d2c-0000-4000-8000-0000000000f3', 3)).every((s) => s === 200)).toBe(true);
  });

  it('tells browsers to keep to https when a trusted proxy says the request came over it (item 9)', async () => {
    const viaProxy = await fetch(`${service.url}/healthz`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(viaProxy.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const plain = await fetch(`${service.url}/healthz`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers what it does not know in its own error shape, without internals (item 5)', async () => {
    const unknown = await fetch(`${service.url}/api/v1/no-such-route`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not_found' });
    const failure = errorResponse(new RangeError('Maximum call stack size exceeded at parse (/srv/app.js:1:2)'), 'nb');
    expect(failure.status).toBe(500);
    expect(failure.body).toEqual({ error: 'internal_error', message: 'Noe gikk galt hos Tiltak. Prøv igjen om litt.' });
  });
});

describe('an address behind a proxy', () => {
  it('is the one X-Forwarded-For names only when the proxy is trusted', async () => {
    const limits = { ...RATE_LIMITS, perAddress: { burst: 5, rate: 0.01 } };
    const untrusted = await startTestService({}, { rateLimits: limits });
    const trusted = await startTestService({ TRUSTED_PROXIES: '127.0.0.1' }, { rateLimits: limits });
    try {
      const statuses = async (url: string, clients: number) =>
        Promise.all(
          Array.from({ length: clients * 3 }, (_, i) =>
            fetch(`${url}/api/v1/sign-in`, { headers: { 'X-Forwarded-For': `203.0.113.${i % clients}` } }).then(
              (r) => r.status,
            ),
          ),
        );
      // Untrusted: every request is the socket's own address, whatever the header claims — so a
      // flooder cannot dodge the limit by writing a new address into each request.
      expect((await statuses(untrusted.url, 4)).filter((s) => s === 429).length).toBeGreaterThan(0);
      // Trusted: four callers with three requests each stay under five each.
      expect((await statuses(trusted.url, 4)).filter((s) => s === 429)).toEqual([]);
    } finally {
      await untrusted.close();
      await trusted.close();
    }
  });
});

describe('the open API of local development', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service?.close());

  const port = () => new URL(service.url).port;

  it('refuses a foreign Host (DNS rebinding) and another web page (item 7)', async () => {
    const rebound = await send(service.url, {
      method: 'GET',
      path: '/api/v1/plans',
      headers: { Host: `attacker.example:${port()}` },
    });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ error: 'foreign_host' });
    const botRebound = await send(service.url, {
      method: 'POST',
      path: '/api/messages',
      headers: { Host: 'attacker.example', 'Content-Type': 'application/json', 'Content-Length': '2' },
      body: '{}',
    });
    expect(botRebound.status).toBe(403);

    const lock = (headers: Record<string, string>) =>
      send(service.url, {
        method: 'POST',
        path: '/api/v1/plans/hoylandet-2023-2027/rounds',
        headers: { Host: `127.0.0.1:${port()}`, ...headers },
        body: headers['Content-Type'] === 'application/json' ? '{}' : 'a=b',
      });
    const crossSite = await lock({ Origin: 'https://attacker.example', 'Content-Type': 'application/json' });
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.body)).toMatchObject({ error: 'cross_site' });
    const fetchMetadata = await lock({ 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' });
    expect(fetchMetadata.status).toBe(403);
    // A form from any page (no JSON): refused unread, whatever its origin says.
    const form = await lock({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const text = await lock({ 'Content-Type': 'text/plain', Origin: `http://127.0.0.1:${port()}` });
    expect(text.status).toBe(415);
    // The tab's own page is let in.
    const own = await lock({ Origin: `http://127.0.0.1:${port()}`, 'Content-Type': 'application/json' });
    expect(own.status).toBe(201);
  });

  it('refuses a request without Host and names that only look local', async () => {
    const get = (headers: Record<string, string>, noHost = false) =>
      send(service.url, { method: 'GET', path: '/api/v1/plans', headers, noHost });
    // HTTP/1.1 without Host: Node's server refuses it (requireHostHeader) before any route is reached.
    expect((await get({}, true)).status).toBe(400);
    for (const host of ['127.0.0.1.attacker.example', 'localhost.attacker.example', '0.0.0.0', '[::2]']) {
      const answer = await get({ Host: `${host}:${port()}` });
      expect([host, answer.status]).toEqual([host, 403]);
    }
  });

  it('still answers locally named requests, IPv6 and capitals included', async () => {
    for (const host of [`localhost:${port()}`, `LOCALHOST:${port()}`, `[::1]:${port()}`, `127.0.0.2:${port()}`]) {
      const named = await send(service.url, { method: 'GET', path: '/api/v1/plans', headers: { Host: host } });
      expect([host, named.status]).toEqual([host, 200]);
    }
  });
});

describe('Bot Framework tokens', () => {
  it('are refused a minute after they expire, not the five minutes botbuilder allows (item 9)', async () => {
    const bots = await BotFrameworkIssuer.start();
    const connector = await ConnectorStandIn.start();
    const service = await startTestService(
      { MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'not-used-by-the-stand-in' },
      talkingTo(connector, { appId: TEST_APP_ID, authSettings: bots.authSettings() }),
    );
    try {
      const serviceUrl = 'https://smba.example/teams/';
      const activity = JSON.stringify({ type: 'typing', serviceUrl, channelId: 'msteams', id: 'a1' });
      const post = async (expiresInSeconds: number) =>
        send(service.url, {
          method: 'POST',
          path: '/api/messages',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': String(Buffer.byteLength(activity)),
            Authorization: `Bearer ${await bots.token(serviceUrl, { expiresInSeconds })}`,
          },
          body: activity,
        });
      expect((await post(-120)).status).toBe(401); // two minutes past: botbuilder alone would take it
      expect((await post(-30)).status).not.toBe(401); // within a minute: the clocks may differ that much
    } finally {
      await service.close();
      await connector.stop();
      await bots.stop();
    }
  });
});

describe('when Bot Framework cannot be reached', () => {
  it('answers 503, not 401: an outage is not a refused token (review)', async () => {
    const bots = await BotFrameworkIssuer.start();
    const connector = await ConnectorStandIn.start();
    const token = await bots.token('https://smba.example/teams/');
    const settings = bots.authSettings();
    await bots.stop(); // its OpenID metadata and keys are gone
    const service = await startTestService(
      { MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'not-used-by-the-stand-in' },
      talkingTo(connector, { appId: TEST_APP_ID, authSettings: settings }),
    );
    try {
      const response = await fetch(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ type: 'typing', serviceUrl: 'https://smba.example/teams/', channelId: 'msteams' }),
      });
      expect(response.status).toBe(503);
    } finally {
      await service.close();
      await connector.stop();
    }
  });
});
