/**
 * One POST to the Bot Connector over Node's http/https with keep-alive agents, rather than fetch.
 * At hundreds of cards a second fetch (undici: web streams, body copies, an abort signal per call)
 * and the garbage it leaves were the sender's largest cost after the cards themselves (profile of
 * ten tenants' 10 000 cards: fetch 2.9 s of CPU and much of the 5.2 s of GC).
 *
 * It also tells the kinds of no answer apart, which fetch does not:
 * - a call that was never written out whole (no connection, or none in time) sent nothing and may
 *   simply be tried again; so may one Node says met a keep-alive socket the server had already
 *   closed (ECONNRESET on a reused socket before any byte came back: Node's documented signal);
 * - one written out that then got no answer (the time ran out, the connection broke) may have been
 *   shown (AnswerLost; see ConnectorNotifier: taken as sent, unconfirmed);
 * - once the status line came back, the answer is the status: a 2xx whose body then broke off is
 *   still Teams' "accepted" (`complete: false` tells the caller not to trust the body).
 */
import http from 'node:http';
import https from 'node:https';

export interface ConnectorResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  /** Whether the whole body came; false when it broke off after the status line (text is what came). */
  complete: boolean;
  text(): Promise<string>;
}

export interface ConnectorPost {
  headers: Record<string, string>;
  body: string;
  /** From the moment the call starts (the limiter has given its turn). */
  timeoutMs: number;
}

export type PostFunction = (url: string, post: ConnectorPost) => Promise<ConnectorResponse>;

/** The call was written out and no answer came: it may have arrived. */
export class AnswerLost extends Error {
  override readonly name: string = 'AnswerLost';
}

/** The time ran out once the request was on its way: it may have arrived. */
export class NoAnswerInTime extends AnswerLost {
  override readonly name = 'TimeoutError';
}

/** The time ran out before the request was written out: nothing was sent. */
export class NoConnectionInTime extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * How long a pooled socket may sit idle before it is closed. Azure's SNAT/NAT drops idle flows
 * after 4 minutes without telling either side; a card written to such a socket then vanishes and
 * can only be "unconfirmed". Closing ours well before that (Node's Agent `timeout`, which it applies
 * to free sockets and then destroys them) means a reused socket is one the path still knows.
 */
export const IDLE_SOCKET_MS = 30_000;

// Enough sockets for every tenant's calls in flight at once (ten tenants at 50/s, 300 ms each: 150).
// Node's default 'lifo' scheduling reuses the freshest socket, so the others idle out.
const agentOptions = { keepAlive: true, maxSockets: 512, timeout: IDLE_SOCKET_MS };
export const connectorAgents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

export const postToConnector: PostFunction = (url, post) =>
  new Promise<ConnectorResponse>((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    let written = false;
    let timedOut = false;
    let settled = false;
    const request = (secure ? https : http).request(
      target,
      {
        method: 'POST',
        agent: secure ? connectorAgents.https : connectorAgents.http,
        headers: { ...post.headers, 'Content-Length': Buffer.byteLength(post.body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        const status = response.statusCode ?? 0;
        const answer = (complete: boolean): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            ok: status >= 200 && status < 300,
            status,
            headers: { get: (name) => headerValue(response.headers[name.toLowerCase()]) },
            complete,
            text: () => Promise.resolve(text),
          });
        };
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        // Read to the end: the connection then serves the next card.
        response.on('end', () => answer(true));
        // Broken off (or our time ran out) after the status line: the status is the answer.
        response.on('error', () => answer(false));
        response.on('close', () => answer(false));
      },
    );
    const timer = setTimeout(() => {
      timedOut = true;
      request.destroy();
    }, post.timeoutMs);
    function fail(error: Error & { code?: string }): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!written) reject(timedOut ? new NoConnectionInTime(`no connection within ${post.timeoutMs} ms`) : error);
      else if (timedOut) reject(new NoAnswerInTime(`no answer within ${post.timeoutMs} ms`));
      // The server had closed the kept-alive socket before it read anything: Node's advice is to retry.
      else if (request.reusedSocket && error.code === 'ECONNRESET') reject(error);
      else reject(new AnswerLost(`the connection broke before an answer: ${error.message}`));
    }
    request.on('error', fail);
    // All of it handed to the operating system: from here the connector may act on it.
    request.on('finish', () => (written = true));
    request.end(post.body);
  });

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
