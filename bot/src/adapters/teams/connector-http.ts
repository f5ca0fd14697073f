/**
 * One POST to the Bot Connector over Node's http/https with keep-alive agents, rather than fetch.
 * At hundreds of cards a second fetch (undici: web streams, body copies, an abort signal per call)
 * and the garbage it leaves were the sender's largest cost after the cards themselves (profile of
 * ten tenants' 10 000 cards: fetch 2.9 s of CPU and much of the 5.2 s of GC).
 *
 * It also tells two kinds of no answer apart, which fetch does not: a call whose connection never
 * opened sent nothing and may simply be tried again; one that was on its way when the time ran
 * out may have been shown (see ConnectorNotifier: taken as sent, unconfirmed).
 */
import http from 'node:http';
import https from 'node:https';

export interface ConnectorResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface ConnectorPost {
  headers: Record<string, string>;
  body: string;
  /** From the moment the call starts (the limiter has given its turn). */
  timeoutMs: number;
}

export type PostFunction = (url: string, post: ConnectorPost) => Promise<ConnectorResponse>;

/** The time ran out once the request was on its way: it may have arrived. */
export class NoAnswerInTime extends Error {
  override readonly name = 'TimeoutError';
}

/** The time ran out before a connection opened: nothing was sent. */
export class NoConnectionInTime extends Error {
  override readonly name = 'TimeoutError';
}

// Enough sockets for every tenant's calls in flight at once (ten tenants at 50/s, 300 ms each: 150).
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 512 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 512 }),
};

export const postToConnector: PostFunction = (url, post) =>
  new Promise<ConnectorResponse>((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    let connected = false;
    let timedOut = false;
    const request = (secure ? https : http).request(
      target,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { ...post.headers, 'Content-Length': Buffer.byteLength(post.body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        // Read to the end: the connection then serves the next card.
        response.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          resolve({
            ok: status >= 200 && status < 300,
            status,
            headers: { get: (name) => headerValue(response.headers[name.toLowerCase()]) },
            text: () => Promise.resolve(text),
          });
        });
      },
    );
    request.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    const timer = setTimeout(() => {
      timedOut = true;
      request.destroy();
    }, post.timeoutMs);
    function fail(error: Error): void {
      clearTimeout(timer);
      if (!timedOut) reject(error);
      else if (connected) reject(new NoAnswerInTime(`no answer within ${post.timeoutMs} ms`));
      else reject(new NoConnectionInTime(`no connection within ${post.timeoutMs} ms`));
    }
    request.on('error', fail);
    request.end(post.body);
  });

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
