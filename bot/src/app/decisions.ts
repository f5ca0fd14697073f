/**
 * The leadership meeting's decisions and follow-ups on a measure: a leader or the coordinator
 * records one for a period (what, who follows it up, by when), and it is audited; everyone who
 * may read the plan reads them. A locked period is the council's record as frozen: nothing is added
 * to it (reopening it lets the meeting's decisions in again).
 */
import type { Actor } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import {
  decisionProblem,
  MAX_ASSIGNEE_TEXT,
  MAX_DECISION_TEXT,
  type Decision,
  type DecisionDraft,
} from '../domain/decision';
import { DomainError } from '../domain/errors';
import { findMeasure } from '../domain/plan';
import { choosePeriod } from './get-goal-table';
import type { Clock, DecisionStore, Directory, IdGenerator, PeriodLockStore, PlanRepository } from './ports';
import { requirePlanFor } from './require-plan';

export interface DecisionDeps {
  plans: PlanRepository;
  decisions: DecisionStore;
  locks: PeriodLockStore;
  directory: Directory;
  clock: Clock;
  ids: IdGenerator;
}

export interface DecisionInput extends DecisionDraft {
  /** The period it belongs to; absent: the plan's current period. */
  periodId?: string;
  /** A person from the directory who follows it up (their name is taken from there). */
  assigneeId?: string;
}

export async function recordDecision(
  deps: DecisionDeps,
  actor: Actor,
  planId: string,
  measureId: string,
  input: DecisionInput,
): Promise<Decision> {
  const plan = await requirePlanFor(deps.plans, actor, 'record-decision', planId);
  const measure = findMeasure(plan, measureId);
  if (!measure) throw new DomainError('unknown-measure', { number: measureId });
  const now = deps.clock.now();
  const { period } = choosePeriod(plan, input.periodId, now);
  const problem = decisionProblem(input);
  if (problem)
    throw new DomainError('invalid-decision', {
      problem,
      max: problem === 'assignee-too-long' ? MAX_ASSIGNEE_TEXT : MAX_DECISION_TEXT,
    });
  if ((await deps.locks.listLocks(planId)).some((l) => l.periodId === period.id))
    throw new DomainError('period-locked', { period: period.id });
  const assignee = await assigneeOf(deps, plan.tenantId, input);
  const decision: Decision = {
    id: deps.ids.newId(),
    planId,
    measureId,
    periodId: period.id,
    kind: input.kind,
    text: input.text.trim(),
    ...(assignee ? { assignee } : {}),
    ...(input.dueDate ? { dueDate: input.dueDate } : {}),
    recordedBy: { userId: actor.userId, name: actor.name },
    recordedAt: now.toISOString(),
  };
  const audit: AuditEntry = {
    id: deps.ids.newId(),
    planId,
    at: decision.recordedAt,
    action: 'decision-recorded',
    actor: decision.recordedBy,
    details: { measure: measure.number, period: period.id, kind: decision.kind },
  };
  await deps.decisions.addDecision(decision, audit);
  return decision;
}

/** The plan's decisions, of one measure or period when asked; for whoever may read the plan. */
export async function listDecisions(
  deps: Pick<DecisionDeps, 'plans' | 'decisions'>,
  actor: Actor,
  planId: string,
  filter: { measureId?: string; periodId?: string } = {},
): Promise<Decision[]> {
  await requirePlanFor(deps.plans, actor, 'view-plan', planId);
  const all = await deps.decisions.listDecisions(planId, filter.periodId ? { periodId: filter.periodId } : {});
  return filter.measureId ? all.filter((d) => d.measureId === filter.measureId) : all;
}

/** A person picked from the directory (of the plan's own tenant only), or a name or role as written. */
async function assigneeOf(
  deps: Pick<DecisionDeps, 'directory'>,
  tenantId: string | undefined,
  input: DecisionInput,
): Promise<Decision['assignee']> {
  if (input.assigneeId) {
    const person = await deps.directory.findPerson(input.assigneeId);
    if (!person || person.tenantId !== tenantId) throw new DomainError('unknown-assignee');
    return { userId: person.userId, name: person.name };
  }
  const name = input.assignee?.trim();
  return name ? { name } : undefined;
}
