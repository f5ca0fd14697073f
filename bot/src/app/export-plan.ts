/**
 * What an export of a plan holds: the plan and this period's latest answers. Leaders and
 * coordinators export; a reader sees the plan in the tab but does not take it out.
 */
import type { Actor } from '../domain/access';
import { currentPlanPeriod } from '../domain/period';
import { allMeasures, type Plan } from '../domain/plan';
import { wholeLatest } from '../domain/municipal-status';
import type { StatusReport } from '../domain/status';
import type { Clock, PlanRepository, StatusReportRepository } from './ports';
import { requirePlanFor } from './require-plan';

export interface PlanExport {
  plan: Plan;
  periodId: string;
  reports: Map<string, StatusReport>;
}

export async function planForExport(
  deps: { plans: PlanRepository; reports: StatusReportRepository; clock: Clock },
  actor: Actor,
  planId: string,
): Promise<PlanExport> {
  const plan = await requirePlanFor(deps.plans, actor, 'export-plan', planId);
  const period = currentPlanPeriod(plan.cadence, plan.period, deps.clock.now());
  // A shared plan's status per measure is its roll-up's, as the tab shows it seen whole.
  const reports = wholeLatest(
    plan,
    allMeasures(plan),
    await deps.reports.listReports(plan.id, { periodId: period.id }),
  );
  return { plan, periodId: period.id, reports };
}
