/**
 * A Bot Connector stand-in for Teams: accepts what the bot sends to a conversation (new
 * activities, replies, updates) and the 1:1 conversations it creates, as the Bot Framework REST
 * API does (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference),
 * and records every activity it accepted. Over 300 lines for a reason: one service's every refusal,
 * kept together so that none is missed. As strict as the service on what it refuses:
 *
 * - Every call needs the bot's bearer token (connector-tokens.ts): 401 without a valid one.
 * - A message is at most 100 KB, counted as Teams counts it ("the message itself … encoded as
 *   UTF-16 … doesn't include base64 encoded image"; over it "413 … MessageSizeTooBig",
 *   https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages).
 *   The documentation calls 100 KB approximate; the stricter reading, 100 000 bytes, is taken.
 * - With `limits`, Teams' rate limits (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 *   50 requests per second per app per tenant (older pages said 30), and per conversation, for
 *   sending and for creating one alike, 7 per second, 8 per 2 s, 60 per 30 s and 1 800 per hour.
 *   Each tenant's 50/s are its own: a call counts only against its tenant's window. The tenant is
 *   the conversation's, as Teams knows it: the one named when the chat was created (channelData
 *   .tenant.id) or when a test said the chat exists (`knowsIn`), else the activity's own
 *   (channelData.tenant.id or conversation.tenantId), else DEFAULT_TENANT. (Not the token's: a
 *   multi-tenant bot's connector token comes from the botframework.com tenant whoever it writes to.)
 *   Over a limit: 429 Throttled with Retry-After, the seconds until the fullest window has room
 *   ("also returns when to retry after"; the value is not documented: this one is exact, so it is
 *   minutes when the hourly window is full).
 * - The documented error codes and bodies ("Status codes from bot conversational APIs"): 403
 *   ConversationBlockedByUser / BotNotInConversationRoster / BotDisabledByAdmin, 404
 *   ConversationNotFound, 412 PreconditionFailed, 413 MessageSizeTooBig, 429 Throttled, 502
 *   ServiceError, on conversations set to refuse or on the next calls (failNext).
 * - A conversation exists once the bot is in it (the app installed for the person, or created with
 *   createConversation); sending to any other is 404 ConversationNotFound ("Conversation wasn't
 *   found as it doesn't exist or is deleted"). Tests name the chats that exist (`knows`).
 * - It serves under the service URL's path, which is regional in Teams
 *   (https://smba.trafficmanager.net/emea/ …): calls outside it are 404.
 * It can answer slowly (latency per call).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_APP_ID } from './bot-framework-issuer';
import { ConnectorTokens } from './connector-tokens';

export interface ReceivedActivity {
  method: string;
  conversationId: string;
  /** The conversation's tenant (see the rate limits above). */
  tenantId: string;
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
  /** The service URL's path, e.g. "emea/" (default: none). */
  pathPrefix?: string;
  /** The bot registered with the channel: tokens must be for it (default TEST_APP_ID). */
  botId?: string;
  /**
   * Each tenant's app ceiling per second (default Teams' 50). Tests of rates lower it, so that a
   * busy machine keeps up with every tenant's ceiling; the bench keeps Teams' own.
   */
  appPerSecond?: number;
  /** The clock the rate windows use (tests of the hourly window move it). */
  now?: () => number;
}

/** Documented refusals for a conversation. */
export type Refusal = 403 | 404 | 'ConversationBlockedByUser' | 'BotNotInConversationRoster' | 'BotDisabledByAdmin';

export type Failure = number | { status: number; retryAfterSeconds: number };

interface Window {
  ms: number;
  max: number;
}

const APP_WINDOWS: Window[] = [{ ms: 1000, max: 50 }];
const CONVERSATION_WINDOWS: Window[] = [
  { ms: 1000, max: 7 },
  { ms: 2000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1800 },
];
const MESSAGE_LIMIT_BYTES = 100_000;
/** The tenant of a conversation nothing names one for. */
export const DEFAULT_TENANT = 'default-tenant';

/** The documented code and message for each status the stand-in gives. */
const ERRORS: Record<string, { status: number; message: string }> = {
  ConversationBlockedByUser: { status: 403, message: 'User blocked the conversation with the bot.' },
  BotNotInConversationRoster: { status: 403, message: 'The bot is not part of the conversation roster.' },
  BotDisabledByAdmin: { status: 403, message: 'The tenant admin disabled this bot' },
  ConversationNotFound: { status: 404, message: 'Conversation not found.' },
  PreconditionFailed: { status: 412, message: 'Precondition failed, please try again.' },
  MessageSizeTooBig: { status: 413, message: 'Message size too large.' },
  Throttled: { status: 429, message: 'Too many requests.' },
  ServiceError: { status: 502, message: 'Service dependency issue.' },
  BadArgument: { status: 400, message: 'Invalid request payload.' },
};
const CODE_OF_STATUS: Record<number, string> = {
  404: 'ConversationNotFound',
  412: 'PreconditionFailed',
  429: 'Throttled',
  500: 'ServiceError',
  502: 'ServiceError',
};

export class ConnectorStandIn {
  readonly received: ReceivedActivity[] = [];
  /** 1:1 conversations created: with whom, in which tenant. */
  readonly created: { userId: string; tenantId: string; conversationId: string }[] = [];
  /** Conversations that always refuse (403 alone means ConversationBlockedByUser). */
  readonly refuse = new Map<string, Refusal>();
  /** Failures for the next calls, one each (e.g. 503, 502, or 429 with its Retry-After). */
  readonly failNext: Failure[] = [];
  /** Failures for the next calls in one tenant (a 429 storm in tenant A), one each. */
  readonly failNextIn = new Map<string, Failure[]>();
  /** Conversations that exist (the bot is in them). */
  readonly conversations = new Set<string>();
  /** Calls refused for want of a valid token. */
  readonly unauthorized: { method: string; path: string; reason: string }[] = [];
  /** 429s given, in all and per tenant. */
  throttled = 0;
  readonly throttledIn = new Map<string, number>();
  url = '';
  readonly tokens: ConnectorTokens;
  private nextId = 1;
  /** Per tenant: the app's calls in the last second. */
  private readonly appCalls = new Map<string, number[]>();
  private readonly tenantOf = new Map<string, string>();
  private readonly conversationCalls = new Map<string, number[]>();
  private readonly prefix: string;
  private readonly now: () => number;
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on(
      'end',
      () =>
        void this.handle(
          req.method ?? '',
          req.url ?? '',
          req.headers.authorization,
          Buffer.concat(chunks).toString('utf8'),
          res,
        ),
    );
  });

  private constructor(
    private readonly options: ConnectorOptions,
    tokens: ConnectorTokens,
  ) {
    this.tokens = tokens;
    this.prefix = `/${(options.pathPrefix ?? '').replace(/^\/|\/$/g, '')}`.replace(/\/$/, '');
    this.now = options.now ?? Date.now;
  }

  static async start(options: ConnectorOptions = {}): Promise<ConnectorStandIn> {
    const standIn = new ConnectorStandIn(options, await ConnectorTokens.create(options.botId ?? TEST_APP_ID));
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    standIn.url = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}${standIn.prefix}/`;
    return standIn;
  }

  /** These chats exist: the app is installed for their person. */
  knows(...conversationIds: string[]): void {
    for (const id of conversationIds) this.conversations.add(id);
  }

  /** These chats exist, in this tenant. */
  knowsIn(tenantId: string, ...conversationIds: string[]): void {
    this.knows(...conversationIds);
    for (const id of conversationIds) this.tenantOf.set(id, tenantId);
  }

  /** A token for the bot, as Entra ID issues it for the Bot Connector (see ConnectorTokens.issue). */
  token(...args: Parameters<ConnectorTokens['issue']>): Promise<string> {
    return this.tokens.issue(...args);
  }

  private async handle(
    method: string,
    url: string,
    authorization: string | undefined,
    raw: string,
    res: ServerResponse,
  ) {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const fail = (code: string, headers: Record<string, string> = {}, status = ERRORS[code]?.status ?? 500) =>
      send(status, { error: { code, message: ERRORS[code]?.message ?? 'Error' } }, headers);
    if (!url.startsWith(`${this.prefix}/v3/`)) return fail('ConversationNotFound', {}, 404);
    const path = url.slice(this.prefix.length);
    const auth = await this.tokens.verify(authorization);
    if (auth !== 'ok') {
      this.unauthorized.push({ method, path, reason: auth });
      // The 401 body for a missing or rejected token is not documented; a token for a bot the
      // channel does not know gets the documented BotNotRegistered.
      if (auth === 'unknown-bot')
        return send(401, { error: { code: 'BotNotRegistered', message: 'No registration found for this bot.' } });
      return send(401, { message: 'Authorization has been denied for this request.' });
    }
    // "The bot message size limit … encoded as UTF-16": two bytes for each UTF-16 code unit.
    if (raw.replace(/data:[^"]*;base64,[A-Za-z0-9+/=]*/g, '').length * 2 > MESSAGE_LIMIT_BYTES)
      return fail('MessageSizeTooBig');
    if (method === 'POST' && /^\/v3\/conversations\/?$/.test(path)) return this.createConversation(raw, send, fail);
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(path);
    if (!match || (method !== 'POST' && method !== 'PUT')) return fail('ConversationNotFound', {}, 404);
    const conversationId = decodeURIComponent(match[1] ?? '');
    const refused = this.refuse.get(conversationId);
    if (refused)
      return fail(refused === 403 ? 'ConversationBlockedByUser' : refused === 404 ? 'ConversationNotFound' : refused);
    if (!this.conversations.has(conversationId)) return fail('ConversationNotFound');
    const activity = JSON.parse(raw || '{}') as ReceivedActivity['activity'] & {
      channelData?: { tenant?: { id?: string } };
      conversation?: { tenantId?: string };
    };
    const tenantId =
      this.tenantOf.get(conversationId) ??
      activity.channelData?.tenant?.id ??
      activity.conversation?.tenantId ??
      DEFAULT_TENANT;
    const early = this.nextFailure(tenantId) ?? this.limit(tenantId, conversationId);
    if (early) return fail(early.code, early.headers, early.status);
    await this.latency();
    this.received.push({
      method,
      conversationId,
      tenantId,
      ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
      activity,
    });
    send(200, { id: `activity-${this.nextId++}` });
  }

  private createConversation(
    raw: string,
    send: (status: number, body: unknown) => void,
    fail: (code: string, headers?: Record<string, string>, status?: number) => void,
  ): void {
    const body = JSON.parse(raw || '{}') as { members?: { id: string }[]; channelData?: { tenant?: { id?: string } } };
    const tenantId = body.channelData?.tenant?.id;
    const userId = body.members?.[0]?.id;
    // "Creating a 1:1 conversation … channelData.tenant.id is required" (proactive messaging in Teams).
    if (!tenantId || !userId) return fail('BadArgument');
    const early = this.nextFailure(tenantId) ?? this.limit(tenantId, `new:${userId}`);
    if (early) return fail(early.code, early.headers, early.status);
    if (this.options.hasApp && !this.options.hasApp(userId)) return fail('BotNotInConversationRoster');
    const conversationId = `a:${userId}`;
    this.conversations.add(conversationId);
    this.tenantOf.set(conversationId, tenantId);
    this.created.push({ userId, tenantId, conversationId });
    send(201, { id: conversationId });
  }

  private nextFailure(tenantId: string): { code: string; status: number; headers: Record<string, string> } | undefined {
    const next = this.failNext.shift() ?? this.failNextIn.get(tenantId)?.shift();
    if (next === undefined) return undefined;
    const { status, retryAfterSeconds } =
      typeof next === 'number' ? { status: next, retryAfterSeconds: undefined } : next;
    return {
      code: CODE_OF_STATUS[status] ?? 'ServiceError',
      status,
      headers: retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : {},
    };
  }

  /** Counts the call against every window of its tenant; a 429 with the wait until the fullest has room. */
  private limit(
    tenantId: string,
    thread: string,
  ): { code: string; status: number; headers: Record<string, string> } | undefined {
    if (!this.options.limits) return undefined;
    const now = this.now();
    const mine = this.conversationCalls.get(thread) ?? [];
    this.conversationCalls.set(thread, mine);
    const app = this.appCalls.get(tenantId) ?? [];
    this.appCalls.set(tenantId, app);
    const appWindows = this.options.appPerSecond ? [{ ms: 1000, max: this.options.appPerSecond }] : APP_WINDOWS;
    const wait = Math.max(waitFor(app, appWindows, now), waitFor(mine, CONVERSATION_WINDOWS, now));
    if (wait > 0) {
      this.throttled++;
      this.throttledIn.set(tenantId, (this.throttledIn.get(tenantId) ?? 0) + 1);
      return {
        code: 'Throttled',
        status: 429,
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(wait / 1000))) },
      };
    }
    app.push(now);
    mine.push(now);
    while (app.length && (app[0] as number) <= now - 1000) app.shift();
    while (mine.length && (mine[0] as number) <= now - 3_600_000) mine.shift();
    return undefined;
  }

  private async latency(): Promise<void> {
    const [min, max] = this.options.latencyMs ?? [0, 0];
    if (max > 0) await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
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

/** Milliseconds until every window has room for one more call (0: now). `times` ascend. */
function waitFor(times: number[], windows: Window[], now: number): number {
  let wait = 0;
  for (const w of windows) {
    const inWindow = times.filter((t) => t > now - w.ms);
    if (inWindow.length >= w.max) wait = Math.max(wait, (inWindow[inWindow.length - w.max] as number) + w.ms - now);
  }
  return wait;
}
