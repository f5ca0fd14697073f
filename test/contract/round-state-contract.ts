/**
 * What every home of the reminder rounds' state must do alike: the embedded SQLite file (one
 * instance) and Azure Table Storage (several instances, tested on Azurite). Rounds, the delivery
 * log with its claims, conversation references, substitutes and locked periods.
 * Over 300 lines for a reason: it is one contract, and a store passes it whole or not at all.
 */
import { randomUUID } from 'node:crypto';
import type { ConversationStore, PeriodLockStore, RoundStore, SubstituteStore } from '../../bot/src/app/ports';
import { pendingDelivery, type Round } from '../../bot/src/domain/round';

export interface RoundState {
  rounds: RoundStore;
  conversations: ConversationStore;
  substitutes: SubstituteStore;
  locks: PeriodLockStore;
}

const T0 = new Date('2026-11-24T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const person = (i: number) => ({ userId: `user/${i}#?`, name: `Person ${i}` }); // characters keys may not hold

function newRound(planId = `plan-${randomUUID()}`, startedAt = T0): Round {
  return {
    id: `round-${randomUUID()}`,
    planId,
    periodId: '2026-T3',
    state: 'running',
    schedule: { firstAt: T0.toISOString(), secondAt: at(60).toISOString(), escalateAt: at(120).toISOString() },
    startedAt: startedAt.toISOString(),
    startedBy: { userId: 'coordinator', name: 'Kari Koordinator' },
  };
}

export function describeRoundStateContract(name: string, open: () => Promise<RoundState>): void {
  describe(`round state contract: ${name}`, () => {
    let state: RoundState;
    beforeAll(async () => {
      state = await open();
    }, 60_000);

    it('creates a round with its deliveries and finds it again, the latest per plan and the running ones', async () => {
      const first = newRound();
      const later = { ...newRound(first.planId, at(5)), state: 'paused' as const };
      const people = [1, 2, 3].map(person);
      await state.rounds.createRound(
        first,
        people.map((p) => pendingDelivery(first.id, p, 'first', T0)),
      );
      await state.rounds.createRound(later, []);
      expect(await state.rounds.getRound(first.id)).toEqual(first);
      expect(await state.rounds.getRound('round-missing')).toBeUndefined();
      expect(await state.rounds.latestRound(first.planId)).toEqual(later);
      const running = (await state.rounds.runningRounds()).map((r) => r.id);
      expect(running).toContain(first.id);
      expect(running).not.toContain(later.id);
      const log = await state.rounds.listDeliveries(first.id);
      expect(log.map((d) => [d.recipientId, d.step, d.state, d.attempts])).toEqual(
        people.map((p) => [p.userId, 'first', 'pending', 0]),
      );
      await state.rounds.setRoundState(first.id, 'cancelled');
      expect((await state.rounds.getRound(first.id))?.state).toBe('cancelled');
    });

    it('adds a delivery once per (round, recipient, step)', async () => {
      const round = newRound();
      await state.rounds.createRound(round, [pendingDelivery(round.id, person(1), 'first', T0)]);
      const added = await state.rounds.addDeliveries([
        pendingDelivery(round.id, person(1), 'first', T0),
        pendingDelivery(round.id, person(1), 'second', T0),
        pendingDelivery(round.id, person(2), 'second', T0),
        pendingDelivery(round.id, person(2), 'second', T0),
      ]);
      expect(added).toBe(2);
      expect(await state.rounds.listDeliveries(round.id)).toHaveLength(3);
    });

    it('claims what is due, once; a claim left by a stopped process is due again after a while', async () => {
      const round = newRound();
      await state.rounds.createRound(round, [
        pendingDelivery(round.id, person(1), 'first', T0),
        pendingDelivery(round.id, person(2), 'first', T0),
        pendingDelivery(round.id, person(3), 'first', at(30)),
      ]);
      const claimed = await state.rounds.claimDue(round.id, at(1), 10, 5 * 60_000);
      expect(claimed.map((d) => [d.recipientId, d.state, d.attempts]).sort()).toEqual([
        [person(1).userId, 'sending', 1],
        [person(2).userId, 'sending', 1],
      ]);
      expect(await state.rounds.claimDue(round.id, at(2), 10, 5 * 60_000)).toEqual([]);
      const again = await state.rounds.claimDue(round.id, at(7), 10, 5 * 60_000);
      expect(again.map((d) => [d.recipientId, d.attempts]).sort()).toEqual([
        [person(1).userId, 2],
        [person(2).userId, 2],
      ]);
      expect((await state.rounds.claimDue(round.id, at(31), 10, 60 * 60_000)).map((d) => d.recipientId)).toEqual([
        person(3).userId,
      ]);
    });

    it('gives each due delivery to exactly one of many claimers at once', async () => {
      const round = newRound();
      const people = Array.from({ length: 60 }, (_, i) => person(i));
      await state.rounds.createRound(
        round,
        people.map((p) => pendingDelivery(round.id, p, 'first', T0)),
      );
      const claims = await Promise.all(
        Array.from({ length: 6 }, () => state.rounds.claimDue(round.id, at(1), 15, 5 * 60_000)),
      );
      const ids = claims.flat().map((d) => d.recipientId);
      expect(new Set(ids).size).toBe(ids.length);
      const rest = await state.rounds.claimDue(round.id, at(1), 100, 5 * 60_000);
      expect(ids.length + rest.length).toBe(people.length);
    });

    it('records what became of a delivery: sent (to a substitute), unreachable with why, or due again later', async () => {
      const round = newRound();
      await state.rounds.createRound(
        round,
        [1, 2, 3].map((i) => pendingDelivery(round.id, person(i), 'first', T0)),
      );
      await state.rounds.claimDue(round.id, at(1), 10, 60_000);
      await state.rounds.finishDelivery(
        { roundId: round.id, recipientId: person(1).userId, step: 'first' },
        { state: 'sent', at: at(1).toISOString(), substituteName: 'Ola Hansen' },
      );
      await state.rounds.finishDelivery(
        { roundId: round.id, recipientId: person(2).userId, step: 'first' },
        { state: 'unreachable', reason: 'blocked' },
      );
      await state.rounds.finishDelivery(
        { roundId: round.id, recipientId: person(3).userId, step: 'first' },
        { state: 'pending', notBefore: at(10).toISOString(), detail: '429' },
      );
      const log = await state.rounds.listDeliveries(round.id);
      expect(
        log.map(({ recipientId, state: s, reason, sentAt, substituteName, notBefore }) => ({
          recipientId,
          s,
          reason,
          sentAt,
          substituteName,
          notBefore,
        })),
      ).toEqual([
        {
          recipientId: person(1).userId,
          s: 'sent',
          reason: undefined,
          sentAt: at(1).toISOString(),
          substituteName: 'Ola Hansen',
          notBefore: T0.toISOString(),
        },
        {
          recipientId: person(2).userId,
          s: 'unreachable',
          reason: 'blocked',
          sentAt: undefined,
          substituteName: undefined,
          notBefore: T0.toISOString(),
        },
        {
          recipientId: person(3).userId,
          s: 'pending',
          reason: '429',
          sentAt: undefined,
          substituteName: undefined,
          notBefore: at(10).toISOString(),
        },
      ]);
      expect(await state.rounds.claimDue(round.id, at(5), 10, 60 * 60_000)).toEqual([]);
      expect(await state.rounds.claimDue(round.id, at(10), 10, 60 * 60_000)).toHaveLength(1);
    });

    it('records the channel of each delivery: chat by default, the activity feed, or e-mail with why Teams could not', async () => {
      const round = newRound();
      await state.rounds.createRound(
        round,
        [1, 2, 3, 4].map((i) => pendingDelivery(round.id, person(i), 'second', T0)),
      );
      const key = (i: number) => ({ roundId: round.id, recipientId: person(i).userId, step: 'second' as const });
      expect((await state.rounds.claimDue(round.id, at(1), 10, 60_000)).map((d) => d.channel)).toEqual([
        'chat',
        'chat',
        'chat',
        'chat',
      ]);
      await state.rounds.finishDelivery(key(1), { state: 'sent', at: at(1).toISOString(), channel: 'activity' });
      await state.rounds.finishDelivery(key(2), {
        state: 'sent',
        at: at(1).toISOString(),
        channel: 'email',
        reason: 'not-installed',
      });
      // An e-mail throttled: it waits, and is tried as an e-mail again, knowing why Teams said no.
      await state.rounds.finishDelivery(key(3), {
        state: 'pending',
        notBefore: at(2).toISOString(),
        channel: 'email',
        detail: 'blocked',
      });
      await state.rounds.finishDelivery(key(4), {
        state: 'unreachable',
        reason: 'mailbox-not-found',
        channel: 'email',
      });
      const log = await state.rounds.listDeliveries(round.id);
      expect(log.map((d) => [d.state, d.channel, d.reason])).toEqual([
        ['sent', 'activity', undefined],
        ['sent', 'email', 'not-installed'],
        ['pending', 'email', 'blocked'],
        ['unreachable', 'email', 'mailbox-not-found'],
      ]);
      const again = await state.rounds.claimDue(round.id, at(2), 10, 60_000);
      expect(again.map((d) => [d.recipientId, d.channel, d.reason])).toEqual([[person(3).userId, 'email', 'blocked']]);
      // A finish that names no channel leaves the one it has.
      await state.rounds.finishDelivery(key(3), { state: 'pending', notBefore: at(3).toISOString() });
      expect((await state.rounds.listDeliveries(round.id))[2]?.channel).toBe('email');
    });

    it('records a delivery skipped because everything was answered, and never claims it', async () => {
      const round = newRound();
      await state.rounds.createRound(
        round,
        [1, 2].map((i) => pendingDelivery(round.id, person(i), 'first', T0)),
      );
      // Straight from pending: the round saw at its start that nobody needed to be asked.
      await state.rounds.finishDelivery(
        { roundId: round.id, recipientId: person(1).userId, step: 'first' },
        { state: 'skipped', reason: 'up-to-date' },
      );
      const claimed = await state.rounds.claimDue(round.id, at(1), 10, 0);
      expect(claimed.map((d) => d.recipientId)).toEqual([person(2).userId]);
      const log = await state.rounds.listDeliveries(round.id);
      expect(log.map((d) => [d.recipientId, d.state, d.reason])).toEqual([
        [person(1).userId, 'skipped', 'up-to-date'],
        [person(2).userId, 'sending', undefined],
      ]);
    });

    it('moves the schedule, and the first cards not yet sent with it', async () => {
      const round = newRound();
      await state.rounds.createRound(round, [
        pendingDelivery(round.id, person(1), 'first', T0),
        pendingDelivery(round.id, person(2), 'first', T0),
      ]);
      await state.rounds.claimDue(round.id, at(1), 1, 60_000);
      const schedule = {
        firstAt: at(600).toISOString(),
        secondAt: at(700).toISOString(),
        escalateAt: at(800).toISOString(),
      };
      await state.rounds.setSchedule(round.id, schedule);
      expect((await state.rounds.getRound(round.id))?.schedule).toEqual(schedule);
      const log = await state.rounds.listDeliveries(round.id);
      expect(log.map((d) => [d.state, d.notBefore]).sort()).toEqual([
        ['pending', schedule.firstAt],
        ['sending', T0.toISOString()],
      ]);
    });

    it('keeps one conversation per person, the newest', async () => {
      const who = `user/${randomUUID()}`;
      expect(await state.conversations.findConversation(who)).toBeUndefined();
      await state.conversations.saveConversation({ userId: who, serviceUrl: 'https://a/', conversationId: 'a:1' });
      await state.conversations.saveConversation({
        userId: who,
        tenantId: 'tenant-1',
        serviceUrl: 'https://b/',
        conversationId: 'a:2',
      });
      expect(await state.conversations.findConversation(who)).toEqual({
        userId: who,
        tenantId: 'tenant-1',
        serviceUrl: 'https://b/',
        conversationId: 'a:2',
      });
    });

    it('keeps a plan’s substitutes in the order they were set, and removes one', async () => {
      const planId = `plan/${randomUUID()}`;
      const substitution = (id: string, setAt: string) => ({
        id,
        planId,
        absent: { userId: 'kari', name: 'Kari Nordmann' },
        substitute: { userId: 'ola', name: 'Ola Hansen' },
        from: '2026-12-01',
        to: '2026-12-14',
        setBy: { userId: 'coordinator', name: 'Kari Koordinator' },
        setAt,
      });
      const a = substitution(`sub-${randomUUID()}`, '2026-11-20T10:00:00.000Z');
      const b = substitution(`sub-${randomUUID()}`, '2026-11-21T10:00:00.000Z');
      await state.substitutes.addSubstitution(b);
      await state.substitutes.addSubstitution(a);
      expect(await state.substitutes.listSubstitutions(planId)).toEqual([a, b]);
      expect(await state.substitutes.listSubstitutions(`${planId}-other`)).toEqual([]);
      expect(await state.substitutes.removeSubstitution(planId, a.id)).toBe(true);
      expect(await state.substitutes.removeSubstitution(planId, a.id)).toBe(false);
      expect(await state.substitutes.listSubstitutions(planId)).toEqual([b]);
    });

    it('erases a person from the substitutes, wherever they appear, leaving others as they were', async () => {
      const planId = `plan/${randomUUID()}`;
      const leaving = `leaving-${randomUUID()}`;
      const made = (id: string, absent: string, substitute: string, setBy: string) => ({
        id,
        planId,
        absent: { userId: absent, name: `Name of ${absent}` },
        substitute: { userId: substitute, name: `Name of ${substitute}` },
        from: '2026-12-01',
        to: '2026-12-14',
        setBy: { userId: setBy, name: `Name of ${setBy}` },
        setAt: '2026-11-20T10:00:00.000Z',
      });
      await state.substitutes.addSubstitution(made('s1', leaving, 'ola', 'coordinator'));
      await state.substitutes.addSubstitution(made('s2', 'kari', leaving, leaving));
      await state.substitutes.addSubstitution(made('s3', 'kari', 'ola', 'coordinator'));
      const erased = { userId: 'erased:1', name: 'Slettet person' };
      expect(await state.substitutes.erasePerson(leaving, erased)).toBe(2);
      const after = await state.substitutes.listSubstitutions(planId);
      expect(JSON.stringify(after)).not.toContain(leaving);
      expect(after.map((s) => [s.absent.name, s.substitute.name, s.setBy.name])).toEqual([
        ['Slettet person', 'Name of ola', 'Name of coordinator'],
        ['Name of kari', 'Slettet person', 'Slettet person'],
        ['Name of kari', 'Name of ola', 'Name of coordinator'],
      ]);
    });

    it('locks a period once, with its reports as they were, and reopens it', async () => {
      const planId = `plan/${randomUUID()}`;
      const lock = {
        planId,
        periodId: '2026-T3',
        lockedAt: T0.toISOString(),
        lockedBy: { userId: 'coordinator', name: 'Kari Koordinator' },
      };
      // Larger than one piece of a table entity, and bytes of every value.
      const xlsx = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256));
      const pdf = Buffer.from('%PDF-1.7 …');
      const docx = Buffer.from('PK\u0003\u0004 word/document.xml');
      expect(await state.locks.beginLock(lock, STALE_LOCK_MS)).toBe('begun');
      await state.locks.completeLock(lock, [
        { format: 'xlsx', bytes: xlsx },
        { format: 'pdf', bytes: pdf },
        { format: 'docx', bytes: docx },
      ]);
      expect(await state.locks.beginLock({ ...lock, lockedAt: at(5).toISOString() }, STALE_LOCK_MS)).toBe('locked');
      expect(await state.locks.listLocks(planId)).toEqual([lock]);
      expect((await state.locks.frozenReport(planId, '2026-T3', 'xlsx'))?.equals(xlsx)).toBe(true);
      expect((await state.locks.frozenReport(planId, '2026-T3', 'pdf'))?.equals(pdf)).toBe(true);
      expect((await state.locks.frozenReport(planId, '2026-T3', 'docx'))?.equals(docx)).toBe(true);
      expect(await state.locks.frozenReport(planId, '2026-T2', 'pdf')).toBeUndefined();
      expect(await state.locks.reopenPeriod(planId, '2026-T3')).toBe(true);
      expect(await state.locks.reopenPeriod(planId, '2026-T3')).toBe(false);
      expect(await state.locks.listLocks(planId)).toEqual([]);
      expect(await state.locks.frozenReport(planId, '2026-T3', 'xlsx')).toBeUndefined();
    });

    describe('the gate between locking a period and answering for it', () => {
      const lockOf = (planId: string, lockedAt: Date, userId = 'coordinator') => ({
        planId,
        periodId: '2026-T3',
        lockedAt: lockedAt.toISOString(),
        lockedBy: { userId, name: `Name of ${userId}` },
      });

      it('lets answers in while the period is open, and a begun lock sees those still being stored', async () => {
        const planId = `plan/${randomUUID()}`;
        expect(await state.locks.beginAnswer(planId, '2026-T3', 'a1', NOW, at(300))).toBe(true);
        expect(await state.locks.beginAnswer(planId, '2026-T3', 'a2', NOW, at(300))).toBe(true);
        expect(await state.locks.isClosed(planId, '2026-T3', NOW)).toBe(false);
        expect(await state.locks.beginLock(lockOf(planId, T0), STALE_LOCK_MS)).toBe('begun');
        expect(await state.locks.isClosed(planId, '2026-T3', NOW)).toBe(true);
        expect(await state.locks.answersUnderWay(planId, '2026-T3', at(1))).toBe(2);
        await state.locks.endAnswer(planId, '2026-T3', 'a1');
        expect(await state.locks.answersUnderWay(planId, '2026-T3', at(1))).toBe(1);
        // One whose instance died mid-answer holds the lock back only until its record lapses.
        expect(await state.locks.answersUnderWay(planId, '2026-T3', at(301))).toBe(0);
        // Another period of the plan is not affected.
        expect(await state.locks.isClosed(planId, '2026-T2', NOW)).toBe(false);
      });

      it('refuses answers from the moment a lock begins, and lets them in again if it is given up', async () => {
        const planId = `plan/${randomUUID()}`;
        const lock = lockOf(planId, T0);
        expect(await state.locks.beginLock(lock, STALE_LOCK_MS)).toBe('begun');
        expect(await state.locks.beginAnswer(planId, '2026-T3', 'late', NOW, at(300))).toBe(false);
        expect(await state.locks.answersUnderWay(planId, '2026-T3', at(1))).toBe(0);
        expect(await state.locks.listLocks(planId)).toEqual([]); // begun, not complete
        await state.locks.abandonLock(lock);
        expect(await state.locks.isClosed(planId, '2026-T3', NOW)).toBe(false);
        expect(await state.locks.beginAnswer(planId, '2026-T3', 'after', NOW, at(300))).toBe(true);
      });

      it('lets a lock left half-taken by a stopped instance be taken over, and the old one not complete', async () => {
        const planId = `plan/${randomUUID()}`;
        const first = lockOf(planId, T0, 'first');
        expect(await state.locks.beginLock(first, STALE_LOCK_MS)).toBe('begun');
        expect(await state.locks.beginLock(lockOf(planId, at(1), 'second'), STALE_LOCK_MS)).toBe('being-locked');
        const later = lockOf(planId, new Date(T0.getTime() + STALE_LOCK_MS + 1000), 'second');
        // The first one's instance stopped: its lock no longer closes the period once stale…
        expect(
          await state.locks.isClosed(planId, '2026-T3', { now: new Date(later.lockedAt), staleAfterMs: STALE_LOCK_MS }),
        ).toBe(false);
        expect(await state.locks.beginLock(later, STALE_LOCK_MS)).toBe('begun');
        // …and should it wake up, it neither completes nor gives up the lock that took its place.
        expect(await state.locks.completeLock(first, [])).toBe(false);
        await state.locks.abandonLock(first);
        expect(
          await state.locks.isClosed(planId, '2026-T3', { now: new Date(later.lockedAt), staleAfterMs: STALE_LOCK_MS }),
        ).toBe(true);
        expect(await state.locks.completeLock(later, [{ format: 'pdf', bytes: Buffer.from('%PDF') }])).toBe(true);
        expect((await state.locks.listLocks(planId)).map((l) => l.lockedBy.userId)).toEqual(['second']);
      });

      it('lets exactly one of two locks begun at once win', async () => {
        const planId = `plan/${randomUUID()}`;
        const results = await Promise.all(
          ['a', 'b', 'c', 'd'].map((who) => state.locks.beginLock(lockOf(planId, T0, who), STALE_LOCK_MS)),
        );
        expect(results.filter((r) => r === 'begun')).toHaveLength(1);
        expect(results.filter((r) => r === 'being-locked')).toHaveLength(3);
      });
    });
  });
}

const STALE_LOCK_MS = 10 * 60_000;
/** When the gate's tests look: just after T0, with the stale time above. */
const NOW = { now: new Date(T0.getTime() + 60_000), staleAfterMs: STALE_LOCK_MS };
