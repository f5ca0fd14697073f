/**
 * Locking a period ends its reminder round: cards still due for it are not sent (their answers
 * would be refused), and the round is marked done so the runner leaves it.
 */
import { randomUUID } from 'node:crypto';
import { openSqliteStore, type SqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { deliverDue, DEFAULT_DELIVER_OPTIONS } from '../../bot/src/app/deliver-round';
import { ensurePlans } from '../../bot/src/app/ensure-plans';
import type { Notifier } from '../../bot/src/app/ports';
import { startRound } from '../../bot/src/app/reminder-rounds';
import { demoDirectory, HOYLANDET_ID, hoylandet } from '../support/demo';

/** A Tuesday, 10:00 in Oslo: within sending hours. */
const clock = { now: () => new Date('2026-11-24T09:00:00Z') };
const ids = { newId: () => randomUUID() };
let store: SqliteStore;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await ensurePlans({ plans: store.plans, clock, ids }, [hoylandet()]);
});
afterEach(() => store.close());

it('sends nothing for a locked period and closes its round', async () => {
  const sent: string[] = [];
  // Our own port (not Microsoft's service), recording whom the round sends a card.
  const notifier: Notifier = {
    sendStatusForm: async (target) => (sent.push(target.userId), { kind: 'sent' }),
    sendEscalation: async (target) => (sent.push(target.userId), { kind: 'sent' }),
  };
  for (const person of await demoDirectory().listPeople())
    await store.conversations.saveConversation({
      userId: person.userId,
      serviceUrl: 'http://127.0.0.1:9/',
      conversationId: `a:${person.userId}`,
    });
  const deps = { ...store, directory: demoDirectory(), notifier, clock, ids };
  const round = await startRound(deps, { userId: 'k', name: 'Koordinator', appRoles: ['coordinator'] }, HOYLANDET_ID);
  const lock = {
    planId: HOYLANDET_ID,
    periodId: round.periodId,
    lockedAt: clock.now().toISOString(),
    lockedBy: { userId: 'k', name: 'Koordinator' },
  };
  await store.locks.beginLock(lock, 60_000);
  await store.locks.completeLock(lock, []);

  const outcome = await deliverDue(deps, round.id, DEFAULT_DELIVER_OPTIONS);
  expect(outcome.sent).toBe(0);
  expect(sent).toEqual([]);
  expect((await store.rounds.getRound(round.id))?.state).toBe('done');
  expect((await store.rounds.listDeliveries(round.id)).every((d) => d.state === 'pending')).toBe(true);

  // The same round, unlocked, would have sent: the lock is what stopped it.
  await store.locks.reopenPeriod(HOYLANDET_ID, round.periodId);
  await store.rounds.setRoundState(round.id, 'running');
  expect((await deliverDue(deps, round.id, DEFAULT_DELIVER_OPTIONS)).sent).toBeGreaterThan(0);
});
