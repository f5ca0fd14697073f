/**
 * The steps of a round after its first card, and who hears what: the second card to those who got
 * the first and have not answered, and after the deadline the escalation to the plan's coordinators
 * and to the managers of those still missing — each told only of the people they answer for.
 */
import { actorOf, isCoordinator } from '../domain/access';
import type { Measure, Plan } from '../domain/plan';
import { answerProgress, type Person } from '../domain/responsibility';
import { pendingDelivery, type Delivery, type Round } from '../domain/round';
import type { RoundStore } from './ports';

export interface Missing {
  person: Person;
  /** Their measures still without an answer. */
  measures: Measure[];
  /** Of all their measures, how many are answered: a partial answer is told apart from none. */
  answered: number;
  total: number;
}

/** Someone the round's first card never reached, and why ('not-installed', 'blocked', …). */
export interface Unreached {
  userId: string;
  name: string;
  reason: string;
  person?: Person;
}

/** A second card waits at least this long after the first. */
const SECOND_CARD_GAP_MS = 2 * 24 * 60 * 60_000;

/**
 * The steps whose time has come: the second card to those who got the first and have not
 * answered; after the deadline, the escalation to the plan's coordinators and to the managers of
 * those still missing. Each step is added once per person (the delivery log's key makes sure).
 */
export async function addDueSteps(
  deps: { rounds: RoundStore },
  round: Round,
  plan: Plan,
  /** The person's answers this period, per measure id (in a shared plan, their own municipalities'). */
  answered: (person: Person) => ReadonlyMap<string, unknown>,
  people: Map<string, Person>,
  now: Date,
): Promise<{ missing: Missing[]; unreached: Unreached[]; nextAt?: Date }> {
  const log = await deps.rounds.listDeliveries(round.id);
  const has = (step: Delivery['step']) => log.some((d) => d.step === step);
  const firsts = log.filter((d) => d.step === 'first' && d.state === 'sent');
  const missing = firsts
    .map((d) => ({ delivery: d, person: people.get(d.recipientId) }))
    .filter((x): x is { delivery: Delivery; person: Person } => x.person !== undefined)
    .map(({ delivery, person }) => {
      const progress = answerProgress(person, plan, answered(person));
      return { delivery, person, measures: progress.missing, answered: progress.answered, total: progress.total };
    })
    .filter((m) => m.measures.length > 0);
  const unreached = log
    .filter((d) => d.step === 'first' && d.state === 'unreachable')
    .map((d) => {
      const person = people.get(d.recipientId);
      return {
        userId: d.recipientId,
        name: d.recipientName,
        reason: d.reason ?? 'refused',
        ...(person ? { person } : {}),
      };
    });
  const at = now.toISOString();
  if (at >= round.schedule.secondAt) {
    // Not to someone whose first card is fresh (a round started close to its deadline).
    const settled = new Date(now.getTime() - SECOND_CARD_GAP_MS).toISOString();
    const due = missing.filter((m) => (m.delivery.sentAt ?? at) <= settled);
    await deps.rounds.addDeliveries(due.map((m) => pendingDelivery(round.id, m.person, 'second', now)));
  }
  if (at >= round.schedule.escalateAt && !has('escalation') && (missing.length > 0 || unreached.length > 0)) {
    const coordinators = [...people.values()].filter((p) => isCoordinator(actorOf(p), plan));
    const managers = [...missing.map((m) => m.person), ...unreached.flatMap((u) => (u.person ? [u.person] : []))]
      .map((p) => p.managerId && people.get(p.managerId))
      .filter((p): p is Person => Boolean(p));
    const recipients = new Map([...coordinators, ...managers].map((p) => [p.userId, p]));
    await deps.rounds.addDeliveries(
      [...recipients.values()].map((p) => pendingDelivery(round.id, p, 'escalation', now)),
    );
  }
  const upcoming = [round.schedule.secondAt, round.schedule.escalateAt].filter((t) => t > at).sort()[0];
  return { missing, unreached, ...(upcoming ? { nextAt: new Date(upcoming) } : {}) };
}

/** Whom an escalation to `recipient` names: everyone for a coordinator, a manager's own people. */
export function missingFor(recipient: Person, plan: Plan, missing: Missing[]): Missing[] {
  if (isCoordinator(actorOf(recipient), plan)) return missing;
  return missing.filter((m) => m.person.managerId === recipient.userId);
}

/** Those never reached that an escalation to `recipient` names, by the same rule as the missing. */
export function unreachedFor(recipient: Person, plan: Plan, unreached: Unreached[]): Unreached[] {
  if (isCoordinator(actorOf(recipient), plan)) return unreached;
  return unreached.filter((u) => u.person?.managerId === recipient.userId);
}
