/**
 * Which plan the tab opens on when the address names none: the person's own (one they are
 * responsible in or coordinate by name), else the one reported on most recently, else the first.
 * Among several own plans the most recently reported wins too. Reports are read only when there
 * is a choice to make, and only for the current period of each candidate.
 */
import type { Actor } from '../domain/access';
import { currentPlanPeriod } from '../domain/period';
import type { Plan } from '../domain/plan';
import { measuresOwnedBy } from '../domain/responsibility';
import type { Clock, StatusReportRepository } from './ports';

export function isOwnPlan(actor: Actor, plan: Plan): boolean {
  const person = actor.person;
  if (!person) return false;
  return person.coordinatorOf.includes(plan.id) || measuresOwnedBy(person, plan).length > 0;
}

export async function preferredPlan(
  deps: { reports: StatusReportRepository; clock: Clock },
  actor: Actor,
  plans: Plan[],
): Promise<string | undefined> {
  const own = plans.filter((p) => isOwnPlan(actor, p));
  const candidates = own.length > 0 ? own : plans;
  if (candidates.length <= 1) return candidates[0]?.id;
  const now = deps.clock.now();
  const latest = await Promise.all(
    candidates.map(async (plan) => {
      const period = currentPlanPeriod(plan.cadence, plan.period, now);
      const reports = await deps.reports.listReports(plan.id, { periodId: period.id });
      return { id: plan.id, at: reports.reduce((max, r) => (r.reportedAt > max ? r.reportedAt : max), '') };
    }),
  );
  // The first of the newest: a tie (nothing reported anywhere) keeps the list's order.
  return latest.reduce((best, c) => (c.at > best.at ? c : best)).id;
}
