/**
 * The Bot Connector's authentication, in front of the connector stand-in (which records what it
 * accepts). The real service takes a call from a bot only with `Authorization: Bearer <token>` from
 * Entra ID for the Bot Framework's audience (https://api.botframework.com) and answers 401
 * otherwise: https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 * (bot to connector). Every call is checked with `verify`; refused ones never reach the stand-in.
 * It can also answer slowly, as the real service does under load.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export class AuthenticatingConnector {
  readonly calls = { authorized: 0, refused: 0 };
  /** Milliseconds each accepted call waits before it is passed on. */
  delayMs = 0;
  url = '';
  private readonly server: Server;

  private constructor(
    private readonly target: string,
    private readonly verify: (authorization: string | undefined) => Promise<boolean>,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(
    targetUrl: string,
    verify: (authorization: string | undefined) => Promise<boolean>,
  ): Promise<AuthenticatingConnector> {
    const connector = new AuthenticatingConnector(targetUrl, verify);
    await new Promise<void>((resolve) => connector.server.listen(0, '127.0.0.1', resolve));
    connector.url = `http://127.0.0.1:${(connector.server.address() as AddressInfo).port}/`;
    return connector;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!(await this.verify(req.headers.authorization))) {
      this.calls.refused++;
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ error: { code: 'Unauthorized', message: 'Authorization has been denied for this request.' } }),
      );
      return;
    }
    this.calls.authorized++;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const answer = await fetch(new URL(req.url ?? '/', this.target), {
      method: req.method ?? 'POST',
      // Passed on with its token: the stand-in behind checks it as well, as the real connector does.
      headers: {
        'Content-Type': req.headers['content-type'] ?? 'application/json',
        ...(req.headers.authorization ? { Authorization: req.headers.authorization } : {}),
      },
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const retryAfter = answer.headers.get('retry-after');
    res.writeHead(answer.status, {
      'Content-Type': answer.headers.get('content-type') ?? 'application/json',
      ...(retryAfter ? { 'Retry-After': retryAfter } : {}),
    });
    res.end(Buffer.from(await answer.arrayBuffer()));
  }
}
