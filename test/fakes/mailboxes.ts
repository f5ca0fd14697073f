/**
 * Sending mail as Graph serves it (https://learn.microsoft.com/graph/api/user-sendmail): POST
 * /users/{sender}/sendMail with `message` (and `saveToSentItems`) → 202 Accepted, no body. Part of
 * the Graph stand-in; it keeps what was sent for tests to read. As strict as Exchange Online:
 * - Mail.Send (application) is required, else 403 ErrorAccessDenied; an application access policy
 *   restricting the app to some mailboxes refuses every other sender with 403 ErrorAccessDenied;
 * - an unknown sender mailbox: 404 ErrorInvalidUser;
 * - the message: a subject, a body with contentType Text or HTML, at least one recipient, each a
 *   valid address (400 ErrorInvalidRecipients), at most 500 recipients a message;
 * - sending limits per mailbox (exchange-online-limits#sending-limits): 30 messages a minute and
 *   10 000 recipients a day; over them, 429 with Retry-After.
 */
import type { Reply } from './graph-replies';
import { graphError } from './graph-replies';
import type { GraphClaims } from './graph-tokens';

export interface SentMail {
  from: string;
  to: string[];
  subject: string;
  contentType: string;
  content: string;
}

interface Message {
  subject?: unknown;
  body?: { contentType?: unknown; content?: unknown };
  toRecipients?: unknown;
  ccRecipients?: unknown;
  bccRecipients?: unknown;
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export class Mailboxes {
  /** Mailboxes in the tenant that can send (addresses, lower case). */
  readonly senders = new Set<string>();
  /** Application access policies: app id → the only mailboxes it may send as. */
  readonly accessPolicies = new Map<string, Set<string>>();
  readonly sent: SentMail[] = [];
  /** Every request: sender and status answered. */
  readonly requests: { sender: string; status: number }[] = [];
  messagesPerMinute = 30;
  recipientsPerDay = 10_000;
  private readonly history = new Map<string, { at: number; recipients: number }[]>();

  constructor(private readonly now: () => number = Date.now) {}

  route(method: string, path: string, body: unknown, caller: GraphClaims): Reply | undefined {
    const match = /^\/users\/([^/]+)\/sendMail$/.exec(path);
    if (!match) return undefined;
    const sender = decodeURIComponent(match[1] ?? '').toLowerCase();
    const reply = this.send(method, sender, body as { message?: Message } | undefined, caller);
    this.requests.push({ sender, status: reply.status });
    return reply;
  }

  private send(method: string, sender: string, body: { message?: Message } | undefined, caller: GraphClaims): Reply {
    if (method !== 'POST') return graphError(405, 'MethodNotAllowed', 'The method is not allowed.');
    if (!caller.roles.includes('Mail.Send'))
      return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    const policy = this.accessPolicies.get(caller.appId);
    if (policy && !policy.has(sender))
      return graphError(
        403,
        'ErrorAccessDenied',
        'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
      );
    if (!this.senders.has(sender))
      return graphError(404, 'ErrorInvalidUser', `The requested user '${sender}' is invalid.`);
    const message = body?.message;
    if (!message || typeof message !== 'object') return graphError(400, 'ErrorInvalidRequest', 'message is required.');
    if (typeof message.subject !== 'string')
      return graphError(400, 'ErrorInvalidRequest', 'message.subject is required.');
    const type = typeof message.body?.contentType === 'string' ? message.body.contentType.toLowerCase() : '';
    if (!['text', 'html'].includes(type) || typeof message.body?.content !== 'string')
      return graphError(400, 'ErrorInvalidRequest', 'message.body needs contentType Text or HTML and content.');
    const recipients = [message.toRecipients, message.ccRecipients, message.bccRecipients].flatMap((list) =>
      Array.isArray(list) ? list.map((r: { emailAddress?: { address?: unknown } }) => r?.emailAddress?.address) : [],
    );
    if (!Array.isArray(message.toRecipients) || message.toRecipients.length === 0)
      return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    if (recipients.some((a) => typeof a !== 'string' || !ADDRESS.test(a)))
      return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    if (recipients.length > 500)
      return graphError(400, 'ErrorExceededMessageLimit', 'The message has more than 500 recipients.');
    const throttled = this.throttle(sender, recipients.length);
    if (throttled) return throttled;
    this.sent.push({
      from: sender,
      to: (message.toRecipients as { emailAddress: { address: string } }[]).map((r) => r.emailAddress.address),
      subject: message.subject,
      contentType: type,
      content: message.body.content as string,
    });
    return { status: 202 };
  }

  private throttle(sender: string, recipients: number): Reply | undefined {
    const now = this.now();
    const log = (this.history.get(sender) ?? []).filter((m) => m.at > now - DAY);
    this.history.set(sender, log);
    const lastMinute = log.filter((m) => m.at > now - MINUTE);
    const today = log.reduce((sum, m) => sum + m.recipients, 0);
    let waitMs = 0;
    if (lastMinute.length >= this.messagesPerMinute) waitMs = (lastMinute[0]?.at ?? now) + MINUTE - now;
    if (today + recipients > this.recipientsPerDay) waitMs = Math.max(waitMs, (log[0]?.at ?? now) + DAY - now);
    if (waitMs > 0)
      return graphError(429, 'ApplicationThrottled', 'The mailbox is over its sending limit.', {
        'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))),
      });
    log.push({ at: now, recipients });
    return undefined;
  }
}
