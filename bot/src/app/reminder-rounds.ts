/**
 * Reminder rounds as the coordinator sees them: start one for the plan's current period (one card
 * per responsible person), follow its delivery log, and nudge those who have not answered.
 */
import type { Actor } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import { auditEntry } from './audit-trail';
import { DomainError } from '../domain/errors';
import { currentPlanPeriod } from '../domain/period';
import { answerProgress, measuresOwnedBy, type Person } from '../domain/responsibility';
import type { Plan } from '../domain/plan';
import {
  defaultSchedule,
  isValidSchedule,
  pendingDelivery,
  type Delivery,
  type DeliveryStep,
  type Round,
  type RoundSchedule,
  type SkipReason,
} from '../domain/round';
import { nextSendingTime } from '../domain/sending-hours';
import { ownAnswersIn } from '../domain/municipal-answers';
import type {
  AuditLog,
  Clock,
  Directory,
  IdGenerator,
  PlanRepository,
  RoundStore,
  StatusReportRepository,
} from './ports';
import { requirePlanFor } from './require-plan';

export interface RoundDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  directory: Directory;
  rounds: RoundStore;
  audit: AuditLog;
  clock: Clock;
  ids: IdGenerator;
}

/** Everyone who answers for at least one measure of the plan, by name. */
export async function recipientsOf(directory: Directory, plan: Plan): Promise<Person[]> {
  return (await directory.listPeople())
    .filter((p) => measuresOwnedBy(p, plan).length > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export async function startRound(deps: RoundDeps, actor: Actor, planId: string): Promise<Round> {
  const plan = await requirePlanFor(deps.plans, actor, 'run-rounds', planId);
  const now = deps.clock.now();
  const period = currentPlanPeriod(plan.cadence, plan.period, now);
  const latest = await deps.rounds.latestRound(planId);
  // One open round per period: a second would send everyone their card twice.
  if (latest?.periodId === period.id && (latest.state === 'running' || latest.state === 'paused')) {
    throw new DomainError('round-open');
  }
  // Started by hand: the first card goes now; the second and the escalation keep their dates.
  const schedule = { ...defaultSchedule(period.end, now), firstAt: now.toISOString() };
  return createRound(deps, plan, period.id, schedule, { userId: actor.userId, name: actor.name });
}

/**
 * The rounds the plans' cadences call for: when a period's first reminder is due and the plan has
 * no round for that period yet, one is made on the default schedule. Returns the new rounds.
 */
export async function ensureScheduledRounds(deps: RoundDeps): Promise<Round[]> {
  const now = deps.clock.now();
  const made: Round[] = [];
  for (const plan of await deps.plans.listPlans()) {
    const period = currentPlanPeriod(plan.cadence, plan.period, now);
    // Only while the period's reminders are due: not before its first card, and not for a period
    // long over (a plan whose years have ended keeps its last period as the current one).
    const natural = defaultSchedule(period.end, new Date(0));
    const at = now.toISOString();
    if (at < natural.firstAt || at >= natural.escalateAt) continue;
    const schedule = defaultSchedule(period.end, now);
    const latest = await deps.rounds.latestRound(plan.id);
    if (latest?.periodId === period.id) continue;
    made.push(await createRound(deps, plan, period.id, schedule, SCHEDULER));
  }
  return made;
}

/** Who the audit trail names for rounds the schedule started. */
const SCHEDULER = { userId: 'tiltak:scheduler', name: 'Tiltak (planlagt runde)' };

async function createRound(
  deps: RoundDeps,
  plan: Plan,
  periodId: string,
  schedule: RoundSchedule,
  startedBy: Round['startedBy'],
): Promise<Round> {
  const now = deps.clock.now();
  const round: Round = {
    id: deps.ids.newId(),
    planId: plan.id,
    periodId,
    state: 'running',
    schedule,
    startedAt: now.toISOString(),
    startedBy,
  };
  const recipients = await recipientsOf(deps.directory, plan);
  const deliveries = recipients.map((p) => pendingDelivery(round.id, p, 'first', new Date(schedule.firstAt)));
  // Whoever has answered every measure for the period already gets no card (the delivery pass
  // checks again when the card is due, for answers given in between).
  const answered = ownAnswersIn(plan, await deps.reports.listReports(plan.id, { periodId }));
  const upToDate = recipients.filter((p) => progressOf(p, plan, answered).state === 'all');
  const audit: AuditEntry = {
    id: deps.ids.newId(),
    planId: plan.id,
    at: round.startedAt,
    action: 'round-started',
    actor: round.startedBy,
    details: { period: periodId, recipients: String(recipients.length) },
  };
  await deps.rounds.createRound(round, deliveries);
  const skipped = { state: 'skipped', reason: 'up-to-date' satisfies SkipReason } as const;
  for (const p of upToDate)
    await deps.rounds.finishDelivery({ roundId: round.id, recipientId: p.userId, step: 'first' }, skipped);
  await deps.audit.appendAudit(audit);
  return round;
}

/** How far the person has come: in a shared plan, with their own municipalities' answers only. */
function progressOf(person: Person, plan: Plan, answered: ReturnType<typeof ownAnswersIn>) {
  return answerProgress(person, plan, answered(person, measuresOwnedBy(person, plan)));
}

export interface RoundProgress {
  round: Round;
  /** Per recipient: their latest delivery, and whether they have answered for all their measures. */
  recipients: {
    userId: string;
    name: string;
    delivery: Delivery['state'];
    /** What carried their latest delivery (or is to carry it). */
    channel: Delivery['channel'];
    /**
     * Why it was not delivered; for one that went by e-mail, why Teams could not take it; for one
     * sent that Teams never confirmed (no answer to the call, not sent again), 'unconfirmed'.
     */
    reason?: string;
    /** The card went to this substitute. */
    substitute?: string;
    /** Answered for every one of their measures this period. */
    answered: boolean;
    /** 'partly': some of their measures have an answer, some not. */
    answer: 'all' | 'partly' | 'none';
    /** Of how many measures they answer for, how many have an answer this period. */
    measures: { answered: number; total: number };
    /** A card still waiting in a running round: when it goes (the next sending hour at the earliest). */
    sendsAt?: string;
  }[];
  counts: {
    recipients: number;
    sent: number;
    /** Answered for all their measures. */
    answered: number;
    /** Answered for some of their measures, not all. */
    partlyAnswered: number;
    unreachable: number;
    pending: number;
    /** Got no card: they had answered everything before it was due. */
    skipped: number;
  };
}

export async function roundProgress(deps: RoundDeps, actor: Actor, planId: string): Promise<RoundProgress | undefined> {
  const plan = await requirePlanFor(deps.plans, actor, 'follow-rounds', planId);
  const round = await deps.rounds.latestRound(planId);
  if (!round) return undefined;
  const answered = ownAnswersIn(plan, await deps.reports.listReports(planId, { periodId: round.periodId }));
  const people = new Map((await deps.directory.listPeople()).map((p) => [p.userId, p]));
  const byRecipient = new Map<string, Delivery>();
  for (const d of await deps.rounds.listDeliveries(round.id)) byRecipient.set(d.recipientId, d); // later steps last
  const now = deps.clock.now();
  const recipients = [...byRecipient.values()].map((d) => {
    const person = people.get(d.recipientId);
    const progress = person ? progressOf(person, plan, answered) : undefined;
    const waiting = round.state === 'running' && (d.state === 'pending' || d.state === 'sending');
    const due = new Date(Math.max(Date.parse(d.notBefore), now.getTime()));
    return {
      userId: d.recipientId,
      name: d.recipientName,
      delivery: d.state,
      channel: d.channel,
      ...(d.reason ? { reason: d.reason } : {}),
      ...(d.substituteName ? { substitute: d.substituteName } : {}),
      answered: progress?.state === 'all',
      answer: progress?.state ?? 'none',
      measures: { answered: progress?.answered ?? 0, total: progress?.total ?? 0 },
      ...(waiting ? { sendsAt: nextSendingTime(due).toISOString() } : {}),
    };
  });
  const count = (f: (r: (typeof recipients)[number]) => boolean) => recipients.filter(f).length;
  return {
    round,
    recipients,
    counts: {
      recipients: recipients.length,
      sent: count((r) => r.delivery === 'sent'),
      answered: count((r) => r.answer === 'all'),
      partlyAnswered: count((r) => r.answer === 'partly'),
      unreachable: count((r) => r.delivery === 'unreachable'),
      pending: count((r) => r.delivery === 'pending' || r.delivery === 'sending'),
      skipped: count((r) => r.delivery === 'skipped'),
    },
  };
}

/**
 * Sends those who have not answered for all their measures another card (a new step, so it is
 * never mixed up with the first); it asks only for the measures still missing.
 */
export async function nudgeNonResponders(deps: RoundDeps, actor: Actor, planId: string): Promise<number> {
  await requirePlanFor(deps.plans, actor, 'run-rounds', planId);
  const progress = await roundProgress(deps, actor, planId);
  if (!progress || progress.round.state !== 'running') return 0;
  const steps = (await deps.rounds.listDeliveries(progress.round.id)).map((d) => d.step);
  const step: DeliveryStep = `nudge-${steps.filter((s) => s.startsWith('nudge-')).length + 1}`;
  const now = deps.clock.now();
  const due = progress.recipients.filter((r) => !r.answered && r.delivery === 'sent');
  return deps.rounds.addDeliveries(
    due.map((r) => pendingDelivery(progress.round.id, { userId: r.userId, name: r.name }, step, now)),
  );
}

/** A coordinator moves the steps of the latest round (they must stay in order). */
export async function rescheduleRound(
  deps: RoundDeps,
  actor: Actor,
  planId: string,
  schedule: RoundSchedule,
): Promise<Round> {
  await requirePlanFor(deps.plans, actor, 'run-rounds', planId);
  if (!isValidSchedule(schedule)) throw new DomainError('invalid-schedule');
  const round = await deps.rounds.latestRound(planId);
  if (!round) throw new DomainError('unknown-round');
  if (round.state === 'cancelled' || round.state === 'done') throw new DomainError('round-closed');
  await deps.rounds.setSchedule(round.id, schedule);
  await deps.audit.appendAudit(roundChange(deps, actor, round, { ...schedule }));
  return { ...round, schedule };
}

/** Pause, resume or cancel the plan's latest round. A cancelled round stays cancelled. */
export async function changeRoundState(
  deps: RoundDeps,
  actor: Actor,
  planId: string,
  state: 'running' | 'paused' | 'cancelled',
): Promise<Round> {
  await requirePlanFor(deps.plans, actor, 'run-rounds', planId);
  const round = await deps.rounds.latestRound(planId);
  if (!round) throw new DomainError('unknown-round');
  if (round.state === 'cancelled' || round.state === 'done') throw new DomainError('round-closed');
  await deps.rounds.setRoundState(round.id, state);
  await deps.audit.appendAudit(roundChange(deps, actor, round, { state }));
  return { ...round, state };
}

/** The audit entry for a coordinator's change to a round: paused, resumed, cancelled or new dates. */
function roundChange(
  deps: Pick<RoundDeps, 'clock' | 'ids'>,
  actor: Actor,
  round: Round,
  details: Record<string, string>,
): AuditEntry {
  return auditEntry(deps, actor, round.planId, 'round-changed', { period: round.periodId, ...details });
}
