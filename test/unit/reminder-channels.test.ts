/**
 * Which way a reminder goes: the first card to the chat, a reminder to the activity feed where the
 * plan wants it (instead of a second card, never besides it), the card when the feed is closed, and
 * an e-mail for someone the chat cannot reach.
 */
import type { ActivityNotifier, ReminderMailer, SendResult } from '../../bot/src/app/ports';
import { sendReminder } from '../../bot/src/app/reminder-channels';
import { allMeasures } from '../../bot/src/domain/plan';
import { pendingDelivery, type Delivery, type DeliveryStep } from '../../bot/src/domain/round';
import { hoylandet } from '../support/demo';

const plan = hoylandet();
const measures = allMeasures(plan).slice(0, 3);
const reminder = { plan, periodId: '2026-T3', missing: measures.slice(1), total: 3 };
const person = { userId: 'u1', name: 'Kari Nordmann', roles: [], coordinatorOf: [], mail: 'kari@kommune.no' };

function channels(answers: { activity?: SendResult; card: SendResult; mail?: SendResult }) {
  const calls: string[] = [];
  const activity: ActivityNotifier = {
    notifyReminder: async () => (calls.push('activity'), answers.activity ?? { kind: 'sent' }),
  };
  const mailer: ReminderMailer = { mailReminder: async () => (calls.push('mail'), answers.mail ?? { kind: 'sent' }) };
  const sendCard = async () => (calls.push('card'), answers.card);
  return { calls, deps: { activity, mailer }, sendCard };
}
const delivery = (step: DeliveryStep, over: Partial<Delivery> = {}): Delivery => ({
  ...pendingDelivery('r', person, step, new Date()),
  ...over,
});

it('sends the first card to the chat, never to the activity feed', async () => {
  const c = channels({ card: { kind: 'sent' } });
  const out = await sendReminder(c.deps, delivery('first'), person, reminder, {
    substitute: false,
    sendCard: c.sendCard,
  });
  expect(c.calls).toEqual(['card']);
  expect(out).toEqual({ result: { kind: 'sent' }, channel: 'chat' });
});

it('sends a reminder to the activity feed instead of a second card', async () => {
  for (const step of ['second', 'nudge-1'] as const) {
    const c = channels({ card: { kind: 'sent' } });
    const out = await sendReminder(c.deps, delivery(step), person, reminder, {
      substitute: false,
      sendCard: c.sendCard,
    });
    expect(c.calls).toEqual(['activity']);
    expect(out.channel).toBe('activity');
  }
});

it('keeps to cards where the plan says so, or where no activity feed is configured', async () => {
  const c = channels({ card: { kind: 'sent' } });
  const cardOnly = { ...reminder, plan: { ...plan, reminderStyle: 'card' as const } };
  await sendReminder(c.deps, delivery('second'), person, cardOnly, { substitute: false, sendCard: c.sendCard });
  await sendReminder({ mailer: c.deps.mailer }, delivery('second'), person, reminder, {
    substitute: false,
    sendCard: c.sendCard,
  });
  expect(c.calls).toEqual(['card', 'card']);
});

it('sends the card when the activity feed is closed to the person, and waits when it is throttled', async () => {
  const closed = channels({ activity: { kind: 'unreachable', reason: 'not-installed' }, card: { kind: 'sent' } });
  const out = await sendReminder(closed.deps, delivery('second'), person, reminder, {
    substitute: false,
    sendCard: closed.sendCard,
  });
  expect(closed.calls).toEqual(['activity', 'card']);
  expect(out.channel).toBe('chat');

  const busy = channels({ activity: { kind: 'retry', afterMs: 1000 }, card: { kind: 'sent' } });
  const waiting = await sendReminder(busy.deps, delivery('second'), person, reminder, {
    substitute: false,
    sendCard: busy.sendCard,
  });
  expect(busy.calls).toEqual(['activity']);
  expect(waiting).toEqual({ result: { kind: 'retry', afterMs: 1000 }, channel: 'activity' });
});

it('e-mails someone the chat cannot reach, keeping why; and tries a throttled e-mail as an e-mail again', async () => {
  const c = channels({ card: { kind: 'unreachable', reason: 'install-refused' } });
  const out = await sendReminder(c.deps, delivery('first'), person, reminder, {
    substitute: false,
    sendCard: c.sendCard,
  });
  expect(c.calls).toEqual(['card', 'mail']);
  expect(out).toEqual({ result: { kind: 'sent' }, channel: 'email', teamsReason: 'install-refused' });

  const again = channels({ card: { kind: 'sent' } });
  const retried = await sendReminder(
    again.deps,
    delivery('second', { channel: 'email', reason: 'blocked' }),
    person,
    reminder,
    { substitute: false, sendCard: again.sendCard },
  );
  expect(again.calls).toEqual(['mail']);
  expect(retried.teamsReason).toBe('blocked');
});

it("leaves Teams' answer standing without an address, or when our mailbox is refused to us", async () => {
  const noAddress = channels({ card: { kind: 'unreachable', reason: 'not-found' } });
  const { mail: _, ...withoutMail } = person;
  const out = await sendReminder(noAddress.deps, delivery('first'), withoutMail, reminder, {
    substitute: false,
    sendCard: noAddress.sendCard,
  });
  expect(noAddress.calls).toEqual(['card']);
  expect(out).toEqual({ result: { kind: 'unreachable', reason: 'not-found' }, channel: 'chat' });

  const refused = channels({
    card: { kind: 'unreachable', reason: 'blocked' },
    mail: { kind: 'misconfigured', detail: 'graph 403' },
  });
  const kept = await sendReminder(refused.deps, delivery('first'), person, reminder, {
    substitute: false,
    sendCard: refused.sendCard,
  });
  expect(kept.result).toEqual({ kind: 'unreachable', reason: 'blocked' });
});

it('sends a substitute the card, not the activity feed or an e-mail (those open the absent person’s own measures)', async () => {
  const c = channels({ card: { kind: 'unreachable', reason: 'blocked' } });
  await sendReminder(c.deps, delivery('second'), person, reminder, { substitute: true, sendCard: c.sendCard });
  expect(c.calls).toEqual(['card']);
});
