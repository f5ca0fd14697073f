/**
 * A Bot Connector stand-in: accepts what the bot sends to a conversation (new activities, replies,
 * updates) and 1:1 conversations it creates, as the Bot Framework REST API does, and records every
 * activity it accepted.
 *
 * With `limits` on it enforces Teams' published limits for proactive messages — 50 requests/s per
 * app, and per conversation 7/s, 8 per 2 s, 60 per 30 s — answering 429 with Retry-After. It can
 * answer slowly (latency per call), refuse some conversations for good (403 MessageWritesBlocked,
 * 404) and fail the next calls with 5xx.
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

export interface ConnectorOptions {
  limits?: boolean;
  /** Milliseconds each accepted call takes, drawn evenly from [min, max]. */
  latencyMs?: [number, number];
  /**
   * Whether the bot's app is installed for a user (by Entra ID object id). Teams creates a 1:1
   * conversation only then; otherwise it answers 403. Absent: every user has it.
   */
  hasApp?: (userId: string) => boolean;
}

const APP_WINDOWS = [{ ms: 1000, max: 50 }];
const CONVERSATION_WINDOWS = [
  { ms: 1000, max: 7 },
  { ms: 2000, max: 8 },
  { ms: 30_000, max: 60 },
];

export class ConnectorStandIn {
  readonly received: ReceivedActivity[] = [];
  /** 1:1 conversations created: with whom, in which tenant. */
  readonly created: { userId: string; tenantId: string; conversationId: string }[] = [];
  /** Conversations that always fail: 403 (the person blocked the bot) or 404. */
  readonly refuse = new Map<string, 403 | 404>();
  /** Statuses for the next calls, one each (e.g. 503, 502). */
  readonly failNext: number[] = [];
  throttled = 0;
  url = '';
  private nextId = 1;
  private readonly appCalls: number[] = [];
  private readonly conversationCalls = new Map<string, number[]>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void this.handle(req.method ?? '', req.url ?? '', Buffer.concat(chunks).toString('utf8'), res));
  });

  private constructor(private readonly options: ConnectorOptions) {}

  static async start(options: ConnectorOptions = {}): Promise<ConnectorStandIn> {
    const standIn = new ConnectorStandIn(options);
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    standIn.url = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}/`;
    return standIn;
  }

  private async handle(
    method: string,
    url: string,
    raw: string,
    res: import('node:http').ServerResponse,
  ): Promise<void> {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (method === 'POST' && /^\/v3\/conversations\/?$/.test(url)) {
      const body = JSON.parse(raw || '{}') as {
        members?: { id: string }[];
        channelData?: { tenant?: { id?: string } };
      };
      const tenantId = body.channelData?.tenant?.id;
      const userId = body.members?.[0]?.id;
      if (!tenantId) return send(400, { error: { code: 'BadArgument', message: 'Tenant id is required' } });
      if (!userId) return send(400, { error: { code: 'BadArgument', message: 'Members are required' } });
      if (this.options.hasApp && !this.options.hasApp(userId))
        return send(403, { error: { code: 'Forbidden', message: 'The bot is not part of the conversation roster.' } });
      const conversationId = `a:${userId}`;
      this.created.push({ userId, tenantId, conversationId });
      return send(201, { id: conversationId });
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(url);
    if (!match || (method !== 'POST' && method !== 'PUT')) {
      return send(404, { error: { code: 'NotFound', message: 'unknown route' } });
    }
    const conversationId = decodeURIComponent(match[1] ?? '');
    const refused = this.refuse.get(conversationId);
    if (refused === 403) return send(403, { error: { code: 'MessageWritesBlocked', message: 'Thread is blocked.' } });
    if (refused === 404)
      return send(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
    const failure = this.failNext.shift();
    if (failure) return send(failure, { error: { code: 'ServiceError', message: 'Transient failure' } });
    if (this.options.limits && this.overLimit(conversationId)) {
      this.throttled++;
      return send(429, { error: { code: 'Throttled', message: 'Too many requests' } }, { 'Retry-After': '1' });
    }
    const [min, max] = this.options.latencyMs ?? [0, 0];
    if (max > 0) await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
    this.received.push({
      method,
      conversationId,
      ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
      activity: JSON.parse(raw || '{}') as ReceivedActivity['activity'],
    });
    send(200, { id: `activity-${this.nextId++}` });
  }

  /** Counts the call against every window, and says whether one of them was already full. */
  private overLimit(conversationId: string): boolean {
    const now = Date.now();
    const mine = this.conversationCalls.get(conversationId) ?? [];
    this.conversationCalls.set(conversationId, mine);
    const full = (times: number[], windows: { ms: number; max: number }[]) =>
      windows.some((w) => times.filter((t) => t > now - w.ms).length >= w.max);
    if (full(this.appCalls, APP_WINDOWS) || full(mine, CONVERSATION_WINDOWS)) return true;
    this.appCalls.push(now);
    mine.push(now);
    while (this.appCalls.length && (this.appCalls[0] as number) <= now - 1000) this.appCalls.shift();
    return false;
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
