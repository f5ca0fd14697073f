/**
 * A coordinator adds a measure or a goal, moves a measure to another goal, or deletes one that has
 * no reports (domain/plan-upkeep.ts has the rules). The plan is saved whole, as an import saves it,
 * with the audit entry in the same write; reports are stored by measure id and so stay with a moved
 * measure. Moving and deleting name the measure's version (If-Match): one someone changed since it
 * was read is refused with the version stored now (ConcurrentChangeError), as an edit is.
 */
import type { Actor } from '../domain/access';
import { auditEntry } from './audit-trail';
import type { GoalNode, Plan } from '../domain/plan';
import {
  addGoal,
  addMeasure,
  deleteMeasure,
  findGoal,
  moveMeasure,
  proposeGoalNumber,
  proposeMeasureNumber,
  type NewGoal,
  type NewMeasure,
} from '../domain/plan-upkeep';
import { readMeasure } from './edit-measure';
import {
  ConcurrentChangeError,
  type Clock,
  type IdGenerator,
  type PlanRepository,
  type StatusReportRepository,
  type VersionedMeasure,
} from './ports';
import { requirePlanFor } from './require-plan';

export interface RestructureDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  clock: Clock;
  ids: IdGenerator;
}

/** The plan, if the measure is still at the version the coordinator saw. */
async function planAtVersion(
  deps: RestructureDeps,
  actor: Actor,
  planId: string,
  measureId: string,
  expectedVersion: string,
): Promise<{ plan: Plan; current: VersionedMeasure }> {
  const plan = await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  const current = await readMeasure(deps, planId, measureId);
  if (current.version !== expectedVersion) throw new ConcurrentChangeError(current);
  return { plan, current };
}

export async function addMeasureToPlan(
  deps: RestructureDeps,
  actor: Actor,
  planId: string,
  goalId: string,
  input: NewMeasure,
): Promise<VersionedMeasure> {
  const plan = await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  const { plan: next, measure } = addMeasure(plan, goalId, input);
  const goal = findGoal(plan, goalId) as GoalNode;
  await deps.plans.savePlan(
    next,
    auditEntry(deps, actor, planId, 'measure-added', { measure: measure.number, goal: goal.number }),
  );
  return readMeasure(deps, planId, measure.id);
}

export async function addGoalToPlan(
  deps: RestructureDeps,
  actor: Actor,
  planId: string,
  parentId: string | undefined,
  input: NewGoal,
): Promise<GoalNode> {
  const plan = await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  const { plan: next, goal } = addGoal(plan, parentId, input);
  await deps.plans.savePlan(
    next,
    auditEntry(deps, actor, planId, 'goal-added', { goal: goal.number, text: goal.text }),
  );
  return goal;
}

export async function moveMeasureInPlan(
  deps: RestructureDeps,
  actor: Actor,
  planId: string,
  measureId: string,
  goalId: string,
  expectedVersion: string,
): Promise<VersionedMeasure> {
  const { plan, current } = await planAtVersion(deps, actor, planId, measureId, expectedVersion);
  const next = moveMeasure(plan, measureId, goalId);
  const goal = findGoal(plan, goalId) as GoalNode;
  await deps.plans.savePlan(
    next,
    auditEntry(deps, actor, planId, 'measure-moved', { measure: current.measure.number, goal: goal.number }),
  );
  return readMeasure(deps, planId, measureId);
}

export async function deleteMeasureFromPlan(
  deps: RestructureDeps,
  actor: Actor,
  planId: string,
  measureId: string,
  expectedVersion: string,
): Promise<void> {
  const { plan, current } = await planAtVersion(deps, actor, planId, measureId, expectedVersion);
  const reports = (await deps.reports.listReports(planId)).filter((r) => r.measureId === measureId);
  const next = deleteMeasure(plan, measureId, reports.length);
  await deps.plans.savePlan(
    next,
    auditEntry(deps, actor, planId, 'measure-deleted', { measure: current.measure.number, text: current.measure.text }),
  );
}

/** What the tab offers for something new under a goal: the next measure's number, and the next sub-goal's. */
export interface NumberProposal {
  measure: string;
  /** Absent under a goal of the last goal level, where only measures go. */
  goal?: string;
}

export async function proposeNumbers(
  deps: Pick<RestructureDeps, 'plans'>,
  actor: Actor,
  planId: string,
  goalId: string,
): Promise<NumberProposal> {
  const plan = await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  const goal = findGoal(plan, goalId);
  const measure = proposeMeasureNumber(plan, goalId);
  const deepest = goal !== undefined && goal.level + 1 >= Math.max(1, plan.levels.length - 1);
  return { measure, ...(deepest ? {} : { goal: proposeGoalNumber(plan, goalId) }) };
}
