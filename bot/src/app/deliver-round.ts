/**
 * Sends a round's due deliveries: each recipient's card through the notifier, many at once (the
 * notifier keeps to Teams' rate limits), each delivery claimed before it is sent and recorded after.
 * Outside sending hours nothing goes out; the runner comes back when they open.
 */
import { planPeriods } from '../domain/period';
import { isCoordinatorOf, unansweredBy, type Person } from '../domain/permissions';
import type { Measure, Plan } from '../domain/plan';
import { pendingDelivery, type Delivery, type Round } from '../domain/round';
import { isSendingTime, nextSendingTime } from '../domain/sending-hours';
import { activeSubstituteFor } from '../domain/substitute';
import type {
  ChatOpener,
  Clock,
  ConversationTarget,
  ConversationStore,
  Directory,
  Notifier,
  PlanRepository,
  RoundStore,
  SendResult,
  PeriodLockStore,
  StatusReportRepository,
  SubstituteStore,
} from './ports';
import { isLocked } from './period-report';
import { answersFor, formOf } from './prepare-status-forms';

export interface DeliverDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  directory: Directory;
  rounds: RoundStore;
  conversations: ConversationStore;
  notifier: Notifier;
  clock: Clock;
  /** Who stands in for whom: a card for someone away goes to their substitute. */
  substitutes: SubstituteStore;
  locks: PeriodLockStore;
  /** Installs the app for people the bot has never talked to; absent, they are "not installed". */
  chats?: ChatOpener;
}

export interface DeliverOptions {
  /** Cards in flight at once. */
  concurrency: number;
  /**
   * A delivery claimed this long ago by a process that stopped is tried again. Far longer than a
   * claimed batch takes to go out (two batches at Teams' rate: seconds), or a slow instance's
   * cards are taken over while it still sends them.
   */
  staleAfterMs: number;
  /** Wait before retrying a delivery that failed for a passing reason, by attempt. */
  retryDelayMs: (attempt: number) => number;
  /** Asked before claiming more: when true, what is claimed is finished and nothing more is taken. */
  shouldStop?: () => boolean;
  /** Called once when a claim came back full: more is due than this pass takes at a time. */
  onBacklog?: () => void;
}

export const DEFAULT_DELIVER_OPTIONS: DeliverOptions = {
  concurrency: 64,
  staleAfterMs: 5 * 60_000,
  retryDelayMs: (attempt) => Math.min(5 * 60_000, 2000 * 2 ** Math.min(attempt, 8)),
};

export interface DeliverOutcome {
  sent: number;
  unreachable: number;
  retrying: number;
  /** When to come back: the next sending hour, or the earliest delivery waiting on a retry. */
  nextAt?: Date;
  /**
   * Set when a service refused our own credentials (401): a configuration fault, so the pass
   * stopped and the round is paused until the operator fixes it and a coordinator resumes it.
   * Nobody is marked unreachable for it; their cards wait.
   */
  halted?: string;
}

export async function deliverDue(
  deps: DeliverDeps,
  roundId: string,
  options: DeliverOptions = DEFAULT_DELIVER_OPTIONS,
): Promise<DeliverOutcome> {
  const outcome: DeliverOutcome = { sent: 0, unreachable: 0, retrying: 0 };
  const round = await deps.rounds.getRound(roundId);
  if (!round || round.state !== 'running') return outcome;
  const now = deps.clock.now();
  if (!isSendingTime(now)) return { ...outcome, nextAt: nextSendingTime(now) };

  const plan = await deps.plans.getPlan(round.planId);
  const period = plan && planPeriods(plan.cadence, plan.period, now).find((p) => p.id === round.periodId);
  if (!plan || !period) return outcome;
  // The coordinator closed the period: its answers would be refused, so its round is over.
  if (await isLocked(deps.locks, plan.id, period.id)) {
    await deps.rounds.setRoundState(round.id, 'done');
    return outcome;
  }
  // Read once for the whole batch: the forms are pre-filled with what is already answered.
  const answers = await answersFor(deps.reports, plan, period, now);
  const answered = answers.current;
  const people = new Map((await deps.directory.listPeople()).map((p) => [p.userId, p]));
  const substitutions = await deps.substitutes.listSubstitutions(plan.id);
  const steps = await addDueSteps(deps, round, plan, answered, people, now);
  if (steps.nextAt) outcome.nextAt = steps.nextAt;

  /** The person's chat; for someone the bot never talked to, one is opened (the app installed). */
  const chatWith = async (person: Person): Promise<ConversationTarget | Exclude<SendResult, { kind: 'sent' }>> => {
    const known = await deps.conversations.findConversation(person.userId);
    if (known) return known;
    if (!deps.chats) return { kind: 'unreachable', reason: 'not-installed' };
    const opened = await deps.chats.openChat(person);
    if (opened.kind !== 'opened') return opened;
    await deps.conversations.saveConversation(opened.target);
    return opened.target;
  };

  const deliver = async (d: Delivery): Promise<void> => {
    const person = people.get(d.recipientId);
    if (!person) return finish(d, { state: 'unreachable', reason: 'not-found' });
    if (d.step === 'escalation') {
      const missing = steps.missing.filter(
        (m) => isCoordinatorOf(person, plan) || m.person.managerId === person.userId,
      );
      if (missing.length === 0) return finish(d, { state: 'sent', at: deps.clock.now().toISOString() }); // all answered meanwhile
      const chat = await chatWith(person);
      if ('kind' in chat) return settle(d, chat);
      return settle(
        d,
        await deps.notifier.sendEscalation(chat, {
          plan,
          periodId: period.id,
          missing: missing.map((m) => ({ name: m.person.name, numbers: m.measures.map((x) => x.number) })),
        }),
      );
    }
    const form = formOf(person, plan, period, answers, `${round.id}/${d.step}`);
    if (!form) return finish(d, { state: 'unreachable', reason: 'not-found' });
    // Away today: the card, with their measures, goes to their substitute.
    const standIn = activeSubstituteFor(substitutions, person.userId, deps.clock.now());
    const substitute = standIn && people.get(standIn.substitute.userId);
    const chat = await chatWith(substitute ?? person);
    if ('kind' in chat) return settle(d, chat);
    const result = await deps.notifier.sendStatusForm(chat, substitute ? { ...form, substitute } : form);
    return settle(d, result, substitute?.name);
  };
  const settle = async (d: Delivery, result: SendResult, substituteName?: string): Promise<void> => {
    if (result.kind === 'sent')
      return finish(d, {
        state: 'sent',
        at: deps.clock.now().toISOString(),
        ...(substituteName ? { substituteName } : {}),
      });
    if (result.kind === 'unreachable') return finish(d, { state: 'unreachable', reason: result.reason });
    if (result.kind === 'misconfigured') outcome.halted ??= result.detail;
    const wait = result.kind === 'misconfigured' ? 0 : (result.afterMs ?? options.retryDelayMs(d.attempts));
    return finish(d, {
      state: 'pending',
      notBefore: new Date(deps.clock.now().getTime() + wait).toISOString(),
      ...(result.detail ? { detail: result.detail } : {}),
    });
  };
  const finish = async (d: Delivery, update: Parameters<RoundStore['finishDelivery']>[1]): Promise<void> => {
    await deps.rounds.finishDelivery(d, update);
    if (update.state === 'sent') outcome.sent++;
    else if (update.state === 'unreachable') outcome.unreachable++;
    else {
      outcome.retrying++;
      const at = new Date(update.notBefore);
      if (!outcome.nextAt || at < outcome.nextAt) outcome.nextAt = at;
    }
  };

  // Claims keep between one and two batches of work ahead of the senders, one claim at a time:
  // everything claimed goes out within seconds, so another instance sharing the round finds the
  // rest unclaimed, and nothing claimed waits long enough to look abandoned (staleAfterMs).
  const ahead: Delivery[] = [];
  /** Claimed by this pass and not yet finished: a claim of one of these again (it looked stale) is ours. */
  const held = new Set<string>();
  const keyOf = (d: Delivery) => `${d.recipientId}\u0000${d.step}`;
  let claiming: Promise<void> | undefined;
  let exhausted = false;
  let claimFailed: { error: unknown } | undefined;
  let backlogSaid = false;
  const claimMore = (): void => {
    if (claiming || exhausted || outcome.halted || options.shouldStop?.()) return;
    claiming = deps.rounds
      .claimDue(round.id, deps.clock.now(), options.concurrency, options.staleAfterMs)
      .then((claimed) => {
        if (claimed.length === 0) exhausted = true;
        else if (claimed.length === options.concurrency && !backlogSaid) {
          backlogSaid = true;
          options.onBacklog?.();
        }
        for (const d of claimed)
          if (!held.has(keyOf(d))) {
            held.add(keyOf(d));
            ahead.push(d);
          }
      })
      .catch((error: unknown) => {
        claimFailed = { error };
        exhausted = true;
      })
      .finally(() => (claiming = undefined));
  };
  const next = async (): Promise<Delivery | undefined> => {
    for (;;) {
      if (ahead.length < options.concurrency) claimMore();
      const d = ahead.shift();
      if (d || !claiming) return d;
      await claiming;
    }
  };
  const worker = async (): Promise<void> => {
    for (let d = await next(); d; d = await next()) {
      await deliver(d);
      held.delete(keyOf(d));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  if (claimFailed) throw claimFailed.error;
  if (outcome.halted) await deps.rounds.setRoundState(round.id, 'paused');
  return outcome;
}

interface Missing {
  person: Person;
  measures: Measure[];
}

/** A second card waits at least this long after the first. */
const SECOND_CARD_GAP_MS = 2 * 24 * 60 * 60_000;

/**
 * The steps whose time has come: the second card to those who got the first and have not
 * answered; after the deadline, the escalation to the plan's coordinators and to the managers of
 * those still missing. Each step is added once per person (the delivery log's key makes sure).
 */
async function addDueSteps(
  deps: DeliverDeps,
  round: Round,
  plan: Plan,
  answered: ReadonlyMap<string, unknown>,
  people: Map<string, Person>,
  now: Date,
): Promise<{ missing: Missing[]; nextAt?: Date }> {
  const log = await deps.rounds.listDeliveries(round.id);
  const has = (step: Delivery['step']) => log.some((d) => d.step === step);
  const firsts = log.filter((d) => d.step === 'first' && d.state === 'sent');
  const missing = firsts
    .map((d) => ({ delivery: d, person: people.get(d.recipientId) }))
    .filter((x): x is { delivery: Delivery; person: Person } => x.person !== undefined)
    .map(({ delivery, person }) => ({ delivery, person, measures: unansweredBy(person, plan, answered) }))
    .filter((m) => m.measures.length > 0);
  const at = now.toISOString();
  if (at >= round.schedule.secondAt) {
    // Not to someone whose first card is fresh (a round started close to its deadline).
    const settled = new Date(now.getTime() - SECOND_CARD_GAP_MS).toISOString();
    const due = missing.filter((m) => (m.delivery.sentAt ?? at) <= settled);
    await deps.rounds.addDeliveries(due.map((m) => pendingDelivery(round.id, m.person, 'second', now)));
  }
  if (at >= round.schedule.escalateAt && !has('escalation') && missing.length > 0) {
    const coordinators = [...people.values()].filter((p) => isCoordinatorOf(p, plan));
    const managers = missing
      .map((m) => m.person.managerId && people.get(m.person.managerId))
      .filter((p): p is Person => Boolean(p));
    const recipients = new Map([...coordinators, ...managers].map((p) => [p.userId, p]));
    await deps.rounds.addDeliveries(
      [...recipients.values()].map((p) => pendingDelivery(round.id, p, 'escalation', now)),
    );
  }
  const upcoming = [round.schedule.secondAt, round.schedule.escalateAt].filter((t) => t > at).sort()[0];
  return { missing, ...(upcoming ? { nextAt: new Date(upcoming) } : {}) };
}
