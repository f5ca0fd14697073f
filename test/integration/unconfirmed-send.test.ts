/**
 * A card whose call got no answer in time may well have reached Teams: the Bot Connector takes no
 * idempotency key and Teams does not dedupe, so sending it again could give the person two cards.
 * Such a delivery is recorded as sent, unconfirmed, and never sent again; a call that could not
 * even connect is retried as before. Against the Bot Connector stand-in answering later than the
 * notifier waits (it accepts the card, then answers).
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { openSqliteStore, type SqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { ConnectorNotifier } from '../../bot/src/adapters/teams/connector-notifier';
import { RateLimiter, TEAMS_LIMITS } from '../../bot/src/adapters/teams/rate-limiter';
import { deliverDue, DEFAULT_DELIVER_OPTIONS } from '../../bot/src/app/deliver-round';
import { ensurePlans } from '../../bot/src/app/ensure-plans';
import type { Actor } from '../../bot/src/domain/access';
import { roundProgress, startRound } from '../../bot/src/app/reminder-rounds';
import { isUnconfirmed } from '../../tab/src/components/round-delivery';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { demoDirectory, HOYLANDET_ID, hoylandet } from '../support/demo';

jest.setTimeout(60_000);

const started = Date.now();
/** A Tuesday 10:00 in Oslo, moving with real time so retries fall due. */
const clock = { now: () => new Date(Date.parse('2026-11-24T09:00:00Z') + (Date.now() - started)) };
const ids = { newId: () => randomUUID() };
let store: SqliteStore;
let connector: ConnectorStandIn;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await ensurePlans({ plans: store.plans, clock, ids }, [hoylandet()]);
});
afterEach(async () => {
  store.close();
  await connector?.stop();
});

async function roundOver(serviceUrl: string, timeoutMs: number) {
  const token = await connector.token();
  const notifier = new ConnectorNotifier({
    limiter: new RateLimiter(TEAMS_LIMITS),
    logger: pino({ level: 'silent' }),
    getToken: async () => token,
    timeoutMs,
  });
  const people = await demoDirectory().listPeople();
  for (const person of people) {
    await store.conversations.saveConversation({
      userId: person.userId,
      serviceUrl,
      conversationId: `a:${person.userId}`,
    });
    connector.knows(`a:${person.userId}`);
  }
  const deps = { ...store, directory: demoDirectory(), notifier, clock, ids };
  const round = await startRound(deps, { userId: 'k', name: 'Koordinator', appRoles: ['coordinator'] }, HOYLANDET_ID);
  return { deps, round };
}

it('takes a card the connector answered too late for as sent, unconfirmed, and never sends it again', async () => {
  connector = await ConnectorStandIn.start({ latencyMs: [600, 600] });
  const { deps, round } = await roundOver(connector.url, 150);
  const options = { ...DEFAULT_DELIVER_OPTIONS, retryDelayMs: () => 0 };
  const first = await deliverDue(deps, round.id, options);
  expect(first.sent).toBeGreaterThan(0);
  expect(first.retrying).toBe(0);
  // Passes later send nothing more: nothing is left pending.
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the stand-in has finished accepting
  expect((await deliverDue(deps, round.id, options)).sent).toBe(0);
  const log = await store.rounds.listDeliveries(round.id);
  const firsts = log.filter((d) => d.step === 'first' && d.state === 'sent');
  expect(firsts.length).toBe(first.sent);
  for (const d of firsts) expect(d.reason).toBe('unconfirmed');
  // The tab's round panel is told, and shows them as unconfirmed, not as sent.
  const coordinator: Actor = { userId: 'k', name: 'Koordinator', appRoles: ['coordinator'] };
  const progress = await roundProgress(deps, coordinator, HOYLANDET_ID);
  expect(progress?.recipients.filter(isUnconfirmed)).toHaveLength(first.sent);
  // Every card arrived once: the stand-in accepted each before it answered.
  const perChat = new Map<string, number>();
  for (const r of connector.received) perChat.set(r.conversationId, (perChat.get(r.conversationId) ?? 0) + 1);
  expect(perChat.size).toBe(first.sent);
  expect([...perChat.values()].every((n) => n === 1)).toBe(true);
});

it('tries again a card whose call could not connect at all', async () => {
  connector = await ConnectorStandIn.start();
  // Nothing listens on port 9 (discard): the connection is refused, nothing can have arrived.
  const { deps, round } = await roundOver('http://127.0.0.1:9/', 150);
  const outcome = await deliverDue(deps, round.id, DEFAULT_DELIVER_OPTIONS);
  expect(outcome.sent).toBe(0);
  expect(outcome.retrying).toBeGreaterThan(0);
  const log = await store.rounds.listDeliveries(round.id);
  expect(log.filter((d) => d.step === 'first').every((d) => d.state === 'pending')).toBe(true);
});
