/**
 * A status form as it stands now, for a card opened again (Universal Actions' refresh): the
 * answers given since it was sent (in the tab, by a substitute, on another page) and the period's
 * lock decide what the person sees. Authorised as an answer would be, so a card forwarded to or
 * replayed by someone else shows them nothing of it.
 */
import { actorOf, mayAnswerFormOf } from '../domain/access';
import { currentPlanPeriod, planPeriods } from '../domain/period';
import { measuresOwnedBy } from '../domain/responsibility';
import type { StatusForm } from '../domain/status-form';
import { activeSubstituteFor } from '../domain/substitute';
import { isClosed, type PeriodGateDeps } from './period-gate';
import { answersFor, answersOfPerson, type PrepareStatusFormsDeps } from './prepare-status-forms';

export type CurrentStatusFormDeps = PrepareStatusFormsDeps & Pick<PeriodGateDeps, 'locks'>;

export interface CurrentStatusFormRequest {
  /** Who opened the card (the invoke's sender). */
  userId: string;
  planId: string;
  /** Whose measures the card lists. */
  personId: string;
  /** The card's period; the plan's current one when absent or not one of the plan's. */
  periodId?: string;
}

export type CurrentStatusForm =
  /** Not the person's nor their substitute's today (or another tenant's): no form, no answers. */
  | { kind: 'not-allowed' }
  /** The coordinator locked the period: what was answered, read-only. */
  | { kind: 'locked'; form: StatusForm }
  /** Every measure has this period's answer. */
  | { kind: 'answered'; form: StatusForm }
  /** Measures still without an answer: the form, pre-filled with what is answered. */
  | { kind: 'open'; form: StatusForm };

export async function currentStatusForm(
  deps: CurrentStatusFormDeps,
  request: CurrentStatusFormRequest,
): Promise<CurrentStatusForm> {
  const notAllowed = { kind: 'not-allowed' } as const;
  const invoker = await deps.directory.findPerson(request.userId);
  // The plan repository shows only the invoker's tenant's plans: another tenant's is not found.
  const plan = invoker && (await deps.plans.getPlan(request.planId));
  if (!invoker || !plan) return notAllowed;
  const now = deps.clock.now();
  const own = request.personId === invoker.userId;
  const substitution = own
    ? undefined
    : activeSubstituteFor(await deps.substitutes.listSubstitutions(plan.id), request.personId, now);
  const owner = own ? invoker : substitution && (await deps.directory.findPerson(request.personId));
  if (!owner) return notAllowed;
  const actor = actorOf(invoker);
  const measures = measuresOwnedBy(owner, plan).filter((m) =>
    mayAnswerFormOf(actor, owner, plan, m, substitution?.substitute.userId),
  );
  if (measures.length === 0) return notAllowed;

  const current = currentPlanPeriod(plan.cadence, plan.period, now);
  const asked = planPeriods(plan.cadence, plan.period, now).find((p) => p.id === request.periodId);
  // A card of a period not yet begun is not one the bot sent: the current period instead.
  const period = asked && asked.start <= current.start ? asked : current;
  const [locked, answers] = await Promise.all([
    isClosed(deps, plan.id, period.id),
    answersFor(deps.reports, plan, period, now).then((read) => answersOfPerson(owner, plan, read)),
  ]);
  const form: StatusForm = {
    submissionId: deps.ids.newId(),
    person: owner,
    ...(own ? {} : { substitute: invoker }),
    plan,
    period,
    measures,
    ...answers,
  };
  if (locked) return { kind: 'locked', form };
  return { kind: measures.every((m) => answers.current.has(m.id)) ? 'answered' : 'open', form };
}
