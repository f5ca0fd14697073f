/** One judgement of an outbound call (classify) and one retry policy, for Graph and the Bot Connector alike. */
import { classify } from '../../bot/src/adapters/http/classify';
import {
  backoffMs,
  BACKGROUND_RETRY,
  delayBeforeRetry,
  INTERACTIVE_RETRY,
} from '../../bot/src/adapters/http/retry-policy';
import { retryAfterMs } from '../../bot/src/adapters/http/retry-after';
import { GRAPH_TRANSIENT } from '../../bot/src/adapters/sharepoint/graph-errors';
import { CONNECTOR_TRANSIENT, undelivered } from '../../bot/src/adapters/teams/connector-errors';

const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('classify', () => {
  it('tells a wait Graph asked for from a passing fault, a refusal and no answer at all', () => {
    expect(classify(response(200), GRAPH_TRANSIENT)).toEqual({ kind: 'ok' });
    expect(classify(response(429, { 'Retry-After': '300' }), GRAPH_TRANSIENT)).toEqual({ kind: 'wait', ms: 300_000 });
    expect(classify(response(503), GRAPH_TRANSIENT)).toEqual({ kind: 'retry' });
    expect(classify(response(412), GRAPH_TRANSIENT)).toEqual({ kind: 'refused' }); // Graph: If-Match failed, on its merits
    expect(classify(response(412), CONNECTOR_TRANSIENT)).toEqual({ kind: 'retry' }); // Teams: "retry with exponential backoff"
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    expect(classify(timeout, GRAPH_TRANSIENT)).toEqual({ kind: 'unreachable' });
    expect(classify(new Error('a bug of ours'), GRAPH_TRANSIENT)).toEqual({ kind: 'refused' });
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs('2.5')).toBe(2500);
    expect(retryAfterMs(new Date(61_000).toUTCString(), 1_000)).toBe(60_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('retry policy', () => {
  it('waits as asked within its limit, backs off otherwise, and gives up when attempts are spent', () => {
    expect(delayBeforeRetry(INTERACTIVE_RETRY, { kind: 'wait', ms: 2_000 }, 0)).toBe(2_000);
    expect(delayBeforeRetry(INTERACTIVE_RETRY, { kind: 'wait', ms: 300_000 }, 0)).toBeUndefined(); // a person is waiting
    expect(delayBeforeRetry(BACKGROUND_RETRY, { kind: 'wait', ms: 300_000 }, 0)).toBe(300_000); // a migration is not
    expect(delayBeforeRetry(INTERACTIVE_RETRY, { kind: 'retry' }, 2, () => 1)).toBe(2_000);
    expect(delayBeforeRetry(INTERACTIVE_RETRY, { kind: 'unreachable' }, 4)).toBeUndefined();
    expect(delayBeforeRetry(INTERACTIVE_RETRY, { kind: 'refused' }, 0)).toBeUndefined();
  });

  it('spreads backoff with full jitter up to a bound', () => {
    expect(backoffMs(3, { baseDelayMs: 500, maxDelayMs: 30_000 }, () => 1)).toBe(4_000);
    expect(backoffMs(20, { baseDelayMs: 500, maxDelayMs: 30_000 }, () => 1)).toBe(30_000);
    expect(backoffMs(3, { baseDelayMs: 500, maxDelayMs: 30_000 }, () => 0)).toBe(0);
  });
});

describe('what the Bot Connector’s answers mean for a card', () => {
  const body = (code: string) => JSON.stringify({ error: { code, message: '…' } });
  it.each([
    [401, body('BotNotRegistered'), { kind: 'misconfigured' }],
    [413, body('MessageSizeTooBig'), { kind: 'unreachable', reason: 'too-large' }],
    [403, body('ConversationBlockedByUser'), { kind: 'unreachable', reason: 'blocked' }],
    [403, body('BotDisabledByAdmin'), { kind: 'unreachable', reason: 'disabled-by-admin' }],
    [403, body('BotNotInConversationRoster'), { kind: 'unreachable', reason: 'not-installed' }],
    [404, body('ConversationNotFound'), { kind: 'unreachable', reason: 'not-found' }],
    [412, body('PreconditionFailed'), { kind: 'retry' }],
    [500, body('ServiceError'), { kind: 'unreachable', reason: 'refused' }],
  ])('%i %s', (status, text, expected) => {
    expect(undelivered(response(status), text)).toMatchObject(expected);
  });

  it('carries the wait of a 429', () => {
    expect(undelivered(response(429, { 'Retry-After': '30' }), body('Throttled'))).toMatchObject({
      kind: 'retry',
      afterMs: 30_000,
    });
  });
});
