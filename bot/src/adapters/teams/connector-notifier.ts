/**
 * Proactive cards through the Bot Connector REST API (POST /v3/conversations/{id}/activities),
 * called directly rather than through botbuilder so that every status Teams answers is ours to
 * judge (connector-errors.ts): wait as Teams says, try passing faults again, and tell a person who
 * cannot be reached from a card too large or credentials of ours the connector refused. A call
 * that got no answer in time is not sent again (see send): at most one card per delivery.
 */
import { MicrosoftAppCredentials } from 'botframework-connector';
import type { Logger } from 'pino';
import type { ConversationTarget, Escalation, Notifier, SendResult } from '../../app/ports';
import type { StatusForm } from '../../domain/status-form';
import type { Config } from '../../config';
import { managedIdentity, tokensFor } from '../identity/managed-identity';
import { serviceBase, unanswered, undelivered } from './connector-errors';
import { escalationCard, statusFormCard, type AdaptiveCard } from './cards';
import { AnswerLost, postToConnector, type ConnectorResponse, type PostFunction } from './connector-http';
import { limiterOf, type SendLimits } from './tenant-limiters';

/**
 * How long a call may take once it is on its way: far beyond the connector's usual answer (well
 * under a second), so that it fires only when the call is lost, never for a slow but working one.
 */
export const CALL_TIMEOUT_MS = 30_000;

export interface ConnectorNotifierOptions {
  /** Teams' limits are per tenant: each card waits in its conversation's tenant's line. */
  limiter: SendLimits;
  logger: Logger;
  /** A Bot Framework token for the connector; none in local development (the Playground). */
  getToken?: () => Promise<string>;
  /** The HTTP call (tests: one that fails as they need). */
  post?: PostFunction;
  timeoutMs?: number;
}

export class ConnectorNotifier implements Notifier {
  constructor(private readonly options: ConnectorNotifierOptions) {}

  sendStatusForm(target: ConversationTarget, form: StatusForm): Promise<SendResult> {
    return this.send(target, cardActivity(statusFormCard(form)));
  }

  sendEscalation(target: ConversationTarget, escalation: Escalation): Promise<SendResult> {
    return this.send(target, cardActivity(escalationCard(escalation)));
  }

  private async send(target: ConversationTarget, activity: Record<string, unknown>): Promise<SendResult> {
    const limiter = limiterOf(this.options.limiter, target.tenantId);
    await limiter.acquire(target.conversationId);
    const url = `${serviceBase(target.serviceUrl)}v3/conversations/${encodeURIComponent(target.conversationId)}/activities`;
    let token: string | undefined;
    try {
      token = await this.options.getToken?.();
    } catch (error) {
      return unanswered(error);
    }
    // The clock starts once the limiter gave the turn: waiting for Teams' limits never counts
    // against the call.
    const timeoutMs = this.options.timeoutMs ?? CALL_TIMEOUT_MS;
    let response: ConnectorResponse;
    try {
      response = await (this.options.post ?? postToConnector)(url, {
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(activity),
        timeoutMs,
      });
    } catch (error) {
      // Never written out, or Node says the kept-alive socket was gone before it was read: nothing
      // was sent, it is tried again.
      if (!(error instanceof AnswerLost)) return unanswered(error);
      // Sent, and no answer: Teams may well have shown it. The Connector takes no idempotency key
      // and Teams does not dedupe, so sending it again could be a second card; it is recorded as
      // sent, unconfirmed, and the round's reminder step asks again anyway.
      this.options.logger.warn(
        { conversationId: target.conversationId, timeoutMs, reason: error.message },
        'the Bot Connector did not answer; the card is taken as sent (unconfirmed), not sent again',
      );
      return { kind: 'sent', unconfirmed: true };
    }
    if (response.ok) {
      this.checkAccepted(target, response, await response.text());
      return { kind: 'sent' };
    }
    const body = await response.text();
    const result = undelivered(response, body);
    if (result.kind === 'retry') {
      // Teams' limits are shared by every conversation of the tenant: nobody of it sends until it
      // said we may. Other tenants' limits are their own: they go on.
      if (response.status === 429) limiter.pause(result.afterMs ?? 1000);
      return result;
    }
    this.options.logger[result.kind === 'misconfigured' ? 'error' : 'warn'](
      { status: response.status, body: body.slice(0, 500), conversationId: target.conversationId },
      result.kind === 'misconfigured'
        ? 'the Bot Connector refused our credentials: check MicrosoftAppId and its secret or identity'
        : 'a reminder could not be delivered',
    );
    return result;
  }

  /**
   * A 2xx is Teams' word that it took the activity, whatever follows: a body that broke off or is
   * not the documented ResourceResponse ({ id }) only leaves the activity id unknown. Sending it
   * again would be a second card, so it is only told.
   */
  private checkAccepted(target: ConversationTarget, response: ConnectorResponse, body: string): void {
    if (response.complete && activityIdOf(body) !== undefined) return;
    this.options.logger.warn(
      {
        status: response.status,
        complete: response.complete,
        body: body.slice(0, 200),
        conversationId: target.conversationId,
      },
      'the Bot Connector accepted the card but its answer could not be read; taken as sent, activity id unknown',
    );
  }
}

/** The id in the connector's ResourceResponse, or undefined for a body that is not one. */
function activityIdOf(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function cardActivity(card: AdaptiveCard): Record<string, unknown> {
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
}

/** The Bot Connector's audience: its tokens are asked for with this scope. */
const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com/.default';

/**
 * The connector token for the configured bot: from the managed identity for UserAssignedMSI (the
 * bot's app id is the identity's client id), from the app's secret otherwise; undefined in local
 * development.
 */
export function connectorTokenProvider(bot: Config['bot']): (() => Promise<string>) | undefined {
  if (bot.appId && bot.appType === 'UserAssignedMSI') return tokensFor(managedIdentity(bot.appId), BOT_FRAMEWORK_SCOPE);
  if (!bot.appId || !bot.appPassword) return undefined;
  const credentials = new MicrosoftAppCredentials(bot.appId, bot.appPassword, bot.tenantId);
  return () => credentials.getToken();
}
