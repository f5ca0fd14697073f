/**
 * What the Bot Connector's answers mean for a reminder, as Microsoft documents them ("Status
 * codes from bot conversational APIs",
 * https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis):
 * - retry: 412 PreconditionFailed, 502 ServiceError, 503, 504 ("retry with exponential backoff");
 *   429 Throttled with Retry-After ("retry using Retry-After header to determine backoff time");
 * - 401 BotNotRegistered (and a missing or rejected token): our credentials, a configuration fault;
 * - 403 ConversationBlockedByUser: the person blocked the bot; BotDisabledByAdmin: the tenant admin
 *   disabled it; BotNotInConversationRoster / ForbiddenOperationException: the app is not installed
 *   (any longer) for them; 404 ConversationNotFound: the chat is gone;
 * - 413 MessageSizeTooBig: the card is too large for Teams ("reduce the payload size"): not the
 *   person's doing, recorded with its own reason;
 * - anything else (400 BadArgument, 500 ServiceError: "Retry request: No") is refused.
 */
import type { SendResult } from '../../app/ports';
import { classify, describeError, type HttpOutcome } from '../http/classify';

export const CONNECTOR_TRANSIENT: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

export type Undelivered = Exclude<SendResult, { kind: 'sent' }>;

/** The result of a connector call that did not succeed; `text` is the response body. */
export function undelivered(response: HttpOutcome, text: string): Undelivered {
  const detail = `${response.status} ${text.slice(0, 200)}`;
  const verdict = classify(response, CONNECTOR_TRANSIENT);
  if (verdict.kind === 'wait') return { kind: 'retry', afterMs: verdict.ms, detail };
  if (verdict.kind === 'retry') return { kind: 'retry', detail };
  if (response.status === 401) return { kind: 'misconfigured', detail };
  if (response.status === 413) return { kind: 'unreachable', reason: 'too-large', detail };
  if (response.status === 404) return { kind: 'unreachable', reason: 'not-found', detail };
  if (response.status === 403) {
    const code = errorCode(text);
    if (code === 'ConversationBlockedByUser') return { kind: 'unreachable', reason: 'blocked', detail };
    if (code === 'BotDisabledByAdmin') return { kind: 'unreachable', reason: 'disabled-by-admin', detail };
    if (code === 'BotNotInConversationRoster' || code === 'ForbiddenOperationException')
      return { kind: 'unreachable', reason: 'not-installed', detail };
  }
  return { kind: 'unreachable', reason: 'refused', detail };
}

/** A call that never got an answer: it may have arrived, or not; try again later. */
export function unanswered(error: unknown): Undelivered {
  return { kind: 'retry', detail: `network: ${describeError(error)}` };
}

function errorCode(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : undefined;
  } catch {
    return undefined;
  }
}

/** The service URL with one trailing slash: regional ones carry a path (https://smba.trafficmanager.net/emea/). */
export function serviceBase(serviceUrl: string): string {
  return serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`;
}
