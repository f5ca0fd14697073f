/**
 * A Bot Connector stand-in: accepts what the bot sends to a conversation (new activities, replies,
 * updates) as the Bot Framework REST API does, and records every activity it accepted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  method: string;
  conversationId: string;
  replyToId?: string;
  activity: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
}

export class ConnectorStandIn {
  readonly received: ReceivedActivity[] = [];
  url = '';
  private nextId = 1;
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      res.setHeader('Content-Type', 'application/json');
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { code: 'NotFound', message: 'unknown route' } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ReceivedActivity['activity'];
      this.received.push({
        method: req.method,
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        activity: body,
      });
      res.end(JSON.stringify({ id: `activity-${this.nextId++}` }));
    });
  });

  static async start(): Promise<ConnectorStandIn> {
    const standIn = new ConnectorStandIn();
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    standIn.url = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}/`;
    return standIn;
  }

  cards(): Record<string, unknown>[] {
    return this.received.flatMap((r) =>
      (r.activity.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content),
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
