/**
 * One measure's history, period by period: every answer given (status, comment, value, who, for
 * whom, when), the latest first within its period, and the leadership meeting's decisions and
 * follow-ups of that period. What a click on a measure in the overview opens.
 */
import { can, type Actor } from '../domain/access';
import type { Decision } from '../domain/decision';
import { DomainError } from '../domain/errors';
import { planPeriods, type Period } from '../domain/period';
import { findMeasure, type Measure } from '../domain/plan';
import type { StatusReport } from '../domain/status';
import type { Clock, DecisionStore, PlanRepository, StatusReportRepository } from './ports';
import { requirePlanFor } from './require-plan';

export interface MeasureHistory {
  measure: Measure;
  periods: { period: Period; answers: HistoryAnswer[]; decisions: Decision[] }[];
  /** Whether the reader may record a decision or follow-up on it. */
  permissions: { recordDecision: boolean };
}

export interface HistoryAnswer {
  status: StatusReport['status'];
  comment?: string;
  value?: number;
  reportedBy: string;
  answeredFor?: string;
  reportedAt: string;
}

export async function getMeasureHistory(
  deps: { plans: PlanRepository; reports: StatusReportRepository; decisions: DecisionStore; clock: Clock },
  actor: Actor,
  planId: string,
  measureId: string,
): Promise<MeasureHistory> {
  const plan = await requirePlanFor(deps.plans, actor, 'view-plan', planId);
  const measure = findMeasure(plan, measureId);
  if (!measure) throw new DomainError('unknown-measure');
  const reports = (await deps.reports.listReports(planId)).filter((r) => r.measureId === measureId);
  const decisions = (await deps.decisions.listDecisions(planId)).filter((d) => d.measureId === measureId);
  const periods = planPeriods(plan.cadence, plan.period, deps.clock.now()).reverse();
  return {
    measure,
    periods: periods
      .map((period) => ({
        period,
        answers: reports
          .filter((r) => r.periodId === period.id)
          .reverse()
          .map((r) => ({
            status: r.status,
            ...(r.comment ? { comment: r.comment } : {}),
            ...(r.value !== undefined ? { value: r.value } : {}),
            reportedBy: r.reportedBy.name,
            ...(r.answeredFor ? { answeredFor: r.answeredFor.name } : {}),
            reportedAt: r.reportedAt,
          })),
        // The latest first, as the answers are.
        decisions: decisions.filter((d) => d.periodId === period.id).reverse(),
      }))
      .filter((p) => p.answers.length > 0 || p.decisions.length > 0),
    permissions: { recordDecision: can(actor, 'record-decision', plan) },
  };
}
