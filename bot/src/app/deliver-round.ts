/**
 * Sends a round's due deliveries: each recipient's card through the notifier, many at once (the
 * notifier keeps to Teams' rate limits), each delivery claimed before it is sent and recorded after.
 * Outside sending hours nothing goes out; the runner comes back when they open.
 */
import { planPeriods } from '../domain/period';
import { answerProgress, type Person } from '../domain/responsibility';
import type { Delivery, DeliveryChannel } from '../domain/round';
import { isSendingTime, nextSendingTime } from '../domain/sending-hours';
import { activeSubstituteFor } from '../domain/substitute';
import type {
  ActivityNotifier,
  ChatOpener,
  Clock,
  ConversationTarget,
  ConversationStore,
  DecisionStore,
  Directory,
  Notifier,
  PlanRepository,
  ReminderMailer,
  RoundStore,
  SendResult,
  PeriodLockStore,
  StatusReportRepository,
  SubstituteStore,
} from './ports';
import { isClosed } from './period-gate';
import { answersFor, answersOfPerson, formOf } from './prepare-status-forms';
import { sendReminder } from './reminder-channels';
import { addDueSteps, missingFor, unreachedFor } from './round-steps';
import { workThroughClaims } from './work-through-claims';

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
  /** The leadership meeting's follow-ups of last period, shown on the cards; absent: none shown. */
  decisions?: DecisionStore;
  /** Installs the app for people the bot has never talked to; absent, they are "not installed". */
  chats?: ChatOpener;
  /** Reminders in the Teams activity feed; absent, every reminder is a card. */
  activity?: ActivityNotifier;
  /** Reminders by e-mail for those Teams cannot reach; absent, they stay unreachable. */
  mailer?: ReminderMailer;
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
  /** Needed no card: everything was answered already. */
  skipped: number;
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
  const outcome: DeliverOutcome = { sent: 0, unreachable: 0, skipped: 0, retrying: 0 };
  const round = await deps.rounds.getRound(roundId);
  if (!round || round.state !== 'running') return outcome;
  const now = deps.clock.now();
  if (!isSendingTime(now)) return { ...outcome, nextAt: nextSendingTime(now) };

  const plan = await deps.plans.getPlan(round.planId);
  const period = plan && planPeriods(plan.cadence, plan.period, now).find((p) => p.id === round.periodId);
  if (!plan || !period) return outcome;
  // The coordinator closed the period: its answers would be refused, so its round is over.
  if (await isClosed(deps, plan.id, period.id)) {
    await deps.rounds.setRoundState(round.id, 'done');
    return outcome;
  }
  // Read once for the whole batch: the forms are pre-filled with what is already answered.
  const answers = await answersFor(deps.reports, plan, period, now, deps.decisions);
  // In a shared plan each person's own municipalities' answers: another's never counts for them.
  const answered = (person: Person) => answersOfPerson(person, plan, answers).current;
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
      const missing = missingFor(person, plan, steps.missing);
      const unreached = unreachedFor(person, plan, steps.unreached);
      // All answered meanwhile, and nobody left unreached: nothing to tell.
      if (missing.length === 0 && unreached.length === 0)
        return finish(d, { state: 'sent', at: deps.clock.now().toISOString() });
      const chat = await chatWith(person);
      if ('kind' in chat) return settle(d, chat);
      return settle(
        d,
        await deps.notifier.sendEscalation(chat, {
          plan,
          periodId: period.id,
          missing: missing.map((m) => ({
            name: m.person.name,
            numbers: m.measures.map((x) => x.number),
            answered: m.answered,
            total: m.total,
          })),
          unreached: unreached.map((u) => ({ name: u.name, reason: u.reason })),
        }),
      );
    }
    const full = formOf(person, plan, period, answers, `${round.id}/${d.step}`);
    if (!full) return finish(d, { state: 'unreachable', reason: 'not-found' });
    // Answered everything before the card was due: no card. A reminder asks only for what is missing.
    const progress = answerProgress(person, plan, full.current);
    if (progress.state === 'all') return finish(d, { state: 'skipped', reason: 'up-to-date' });
    const form =
      d.step === 'first'
        ? full
        : {
            ...full,
            measures: progress.missing,
            remaining: { missing: progress.missing.length, total: progress.total },
          };
    // Away today: the card, with their measures, goes to their substitute.
    const standIn = activeSubstituteFor(substitutions, person.userId, deps.clock.now());
    const substitute = standIn && people.get(standIn.substitute.userId);
    const reminder = { plan, periodId: period.id, missing: progress.missing, total: progress.total };
    const sent = await sendReminder(deps, d, person, reminder, {
      substitute: Boolean(substitute),
      sendCard: async () => {
        const chat = await chatWith(substitute ?? person);
        if ('kind' in chat) return chat;
        return deps.notifier.sendStatusForm(chat, substitute ? { ...form, substitute } : form);
      },
    });
    return settle(d, sent.result, {
      channel: sent.channel,
      ...(substitute ? { substituteName: substitute.name } : {}),
      ...(sent.teamsReason ? { teamsReason: sent.teamsReason } : {}),
    });
  };
  /** `teamsReason`: why Teams could not take one that went (or is to go) by e-mail. */
  const settle = async (
    d: Delivery,
    result: SendResult,
    via: { channel?: DeliveryChannel; substituteName?: string; teamsReason?: string } = {},
  ): Promise<void> => {
    const channel = via.channel ? { channel: via.channel } : {};
    if (result.kind === 'sent')
      return finish(d, {
        state: 'sent',
        at: deps.clock.now().toISOString(),
        ...channel,
        ...(via.substituteName ? { substituteName: via.substituteName } : {}),
        // No answer in time (not sent again): the log says so, for whoever asks why a card is missing.
        ...(via.teamsReason ? { reason: via.teamsReason } : result.unconfirmed ? { reason: 'unconfirmed' } : {}),
      });
    if (result.kind === 'unreachable') return finish(d, { state: 'unreachable', reason: result.reason, ...channel });
    if (result.kind === 'misconfigured') outcome.halted ??= result.detail;
    const wait = result.kind === 'misconfigured' ? 0 : (result.afterMs ?? options.retryDelayMs(d.attempts));
    // An e-mail waiting keeps Teams' reason, so that it is told when it goes.
    const detail = via.teamsReason ?? result.detail;
    return finish(d, {
      state: 'pending',
      notBefore: new Date(deps.clock.now().getTime() + wait).toISOString(),
      ...channel,
      ...(detail ? { detail } : {}),
    });
  };
  const finish = async (d: Delivery, update: Parameters<RoundStore['finishDelivery']>[1]): Promise<void> => {
    await deps.rounds.finishDelivery(d, update);
    if (update.state === 'sent') outcome.sent++;
    else if (update.state === 'unreachable') outcome.unreachable++;
    else if (update.state === 'skipped') outcome.skipped++;
    else {
      outcome.retrying++;
      const at = new Date(update.notBefore);
      if (!outcome.nextAt || at < outcome.nextAt) outcome.nextAt = at;
    }
  };

  await workThroughClaims({
    claim: (limit) => deps.rounds.claimDue(round.id, deps.clock.now(), limit, options.staleAfterMs),
    handle: deliver,
    concurrency: options.concurrency,
    // A fault of ours (the connector refused our token): nothing more is claimed, the round pauses.
    shouldStop: () => Boolean(outcome.halted) || (options.shouldStop?.() ?? false),
    ...(options.onBacklog ? { onBacklog: options.onBacklog } : {}),
  });
  if (outcome.halted) await deps.rounds.setRoundState(round.id, 'paused');
  return outcome;
}
