/**
 * The reminder by e-mail through Graph (https://learn.microsoft.com/graph/api/user-sendmail): POST
 * /users/{sender}/sendMail with the message, answered 202 Accepted. The application permission
 * Mail.Send would let the app send as anyone; an Exchange application access policy (or RBAC for
 * Applications) restricts it to the one mailbox the municipality configured (docs/deploy.md), so
 * Graph refuses any other sender with 403 ErrorAccessDenied — a fault of our setup, not the person's.
 *
 * Within Exchange Online's sending limits for one mailbox (learn.microsoft.com/office365/
 * servicedescriptions/exchange-online-service-description/exchange-online-limits#sending-limits):
 * 30 messages a minute, 10 000 recipients a day; each reminder has one recipient, so MAIL_LIMITS
 * paces both, a little under.
 */
import type { Logger } from 'pino';
import type { Reminder, ReminderMailer, SendResult } from '../../app/ports';
import type { Person } from '../../domain/responsibility';
import type { TabLinkBase } from '../../domain/tab-links';
import { GRAPH_TRANSIENT, GraphRequestError, GraphThrottledError, type GraphApi } from '../sharepoint/graph-http';
import { unanswered } from '../teams/connector-errors';
import type { RateLimiter, RateLimits } from '../teams/rate-limiter';
import { reminderMail } from './reminder-mail';

/** 29 a minute (Exchange: 30), and 9 900 a day (Exchange: 10 000 recipients), evenly spread. */
export const MAIL_LIMITS: RateLimits = {
  app: [
    { ms: 60_000, max: 29 },
    { ms: 24 * 60 * 60_000, max: 9_900 },
  ],
  appSpacingMs: Math.ceil(60_000 / 29),
  conversation: [],
};

export interface GraphMailerOptions {
  graph: GraphApi;
  /** The mailbox the reminders come from (MAIL_SENDER_ADDRESS). */
  sender: string;
  limiter: Pick<RateLimiter, 'acquire' | 'pause'>;
  links: TabLinkBase;
  logger: Logger;
}

export class GraphMailer implements ReminderMailer {
  constructor(private readonly options: GraphMailerOptions) {}

  async mailReminder(person: Person, reminder: Reminder): Promise<SendResult> {
    if (!person.mail) return { kind: 'unreachable', reason: 'mailbox-not-found' };
    const mail = reminderMail(person, reminder, this.options.links);
    const message = {
      subject: mail.subject,
      body: { contentType: 'HTML', content: mail.html },
      toRecipients: [{ emailAddress: { address: person.mail, name: person.name } }],
    };
    await this.options.limiter.acquire('mail');
    try {
      await this.options.graph.post(`/users/${encodeURIComponent(this.options.sender)}/sendMail`, {
        message,
        saveToSentItems: true,
      });
      return { kind: 'sent' };
    } catch (error) {
      return this.judge(person, error);
    }
  }

  private judge(person: Person, error: unknown): SendResult {
    if (error instanceof GraphThrottledError) {
      // The mailbox's limit: every e-mail from it waits.
      if (error.status === 429) this.options.limiter.pause(error.retryAfterMs);
      return { kind: 'retry', afterMs: error.retryAfterMs, detail: 'mail-throttled' };
    }
    if (!(error instanceof GraphRequestError)) return unanswered(error);
    // Graph answers with no body (204, 202); a client that could not read an empty body still got it.
    if (error.status >= 200 && error.status < 300) return { kind: 'sent' };
    const detail = `graph ${error.status} ${error.code}`;
    if (GRAPH_TRANSIENT.has(error.status)) return { kind: 'retry', detail: 'mail-throttled' };
    // Our setup: the token, Mail.Send or the access policy, or the sender mailbox itself.
    if (error.status === 401 || error.status === 403 || error.status === 404) {
      this.options.logger.error(
        { status: error.status, code: error.code, sender: this.options.sender },
        'Graph refused to send as MAIL_SENDER_ADDRESS: check the mailbox, Mail.Send and the Exchange application access policy',
      );
      return { kind: 'misconfigured', detail };
    }
    this.options.logger.warn(
      { userId: person.userId, status: error.status, code: error.code },
      'a reminder e-mail was refused',
    );
    if (error.code === 'ErrorInvalidRecipients') return { kind: 'unreachable', reason: 'mailbox-not-found', detail };
    return { kind: 'unreachable', reason: 'mail-refused', detail };
  }
}
