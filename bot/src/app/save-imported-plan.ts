/**
 * Saves a plan someone imported. An existing plan with the same id is replaced only when asked
 * for: its structure is replaced, its status reports are kept (they live apart). Either way the
 * audit trail records who did it, in the same transaction. Statuses the document's status column
 * gave are stored for the current period as reports marked as taken from the document.
 */
import type { Actor } from '../domain/access';
import type { DocumentStatus } from '../domain/import/interpret';
import { DomainError } from '../domain/errors';
import { currentPlanPeriod } from '../domain/period';
import type { Plan } from '../domain/plan';
import { documentSubmissionId, type StatusReport } from '../domain/status';
import type { Clock, IdGenerator, PlanRepository, StatusReportRepository } from './ports';

export type ImportOutcome = 'created' | 'replaced';

export interface SavePlanDeps {
  plans: PlanRepository;
  clock: Clock;
  ids: IdGenerator;
  /** Needed only when the document gave statuses. */
  reports?: Pick<StatusReportRepository, 'appendReports'>;
}

export async function saveImportedPlan(
  deps: SavePlanDeps,
  plan: Plan,
  options: { replace: boolean; actor: Pick<Actor, 'userId' | 'name'>; statuses?: DocumentStatus[] },
): Promise<ImportOutcome> {
  const existing = await deps.plans.getPlan(plan.id);
  if (existing && !options.replace) throw new DomainError('plan-exists', { id: plan.id });
  const outcome: ImportOutcome = existing ? 'replaced' : 'created';
  const importId = deps.ids.newId();
  const at = deps.clock.now().toISOString();
  await deps.plans.savePlan(plan, {
    id: importId,
    planId: plan.id,
    at,
    action: outcome === 'created' ? 'plan-imported' : 'plan-replaced',
    actor: { userId: options.actor.userId, name: options.actor.name },
    details: { title: plan.title, ...(plan.source ? { source: plan.source } : {}) },
  });
  const statuses = options.statuses ?? [];
  if (statuses.length > 0 && deps.reports) {
    await deps.reports.appendReports(documentReports(deps, plan, statuses, { importId, at, actor: options.actor }));
  }
  return outcome;
}

function documentReports(
  deps: SavePlanDeps,
  plan: Plan,
  statuses: DocumentStatus[],
  made: { importId: string; at: string; actor: Pick<Actor, 'userId' | 'name'> },
): StatusReport[] {
  const periodId = currentPlanPeriod(plan.cadence, plan.period, deps.clock.now()).id;
  return statuses.map((s) => ({
    id: deps.ids.newId(),
    planId: plan.id,
    measureId: s.measureId,
    periodId,
    status: s.status,
    comment: s.text,
    reportedBy: { userId: made.actor.userId, name: made.actor.name },
    reportedAt: made.at,
    submissionId: documentSubmissionId(made.importId),
  }));
}
