/**
 * Saves a plan someone imported. An existing plan with the same id is replaced only when asked
 * for: its structure is replaced, its status reports are kept (they live apart). Either way the
 * audit trail records who did it, in the same transaction.
 */
import type { Actor } from '../domain/access';
import { DomainError } from '../domain/errors';
import type { Plan } from '../domain/plan';
import type { Clock, IdGenerator, PlanRepository } from './ports';

export type ImportOutcome = 'created' | 'replaced';

export interface SavePlanDeps {
  plans: PlanRepository;
  clock: Clock;
  ids: IdGenerator;
}

export async function saveImportedPlan(
  deps: SavePlanDeps,
  plan: Plan,
  options: { replace: boolean; actor: Pick<Actor, 'userId' | 'name'> },
): Promise<ImportOutcome> {
  const existing = await deps.plans.getPlan(plan.id);
  if (existing && !options.replace) throw new DomainError('plan-exists', { id: plan.id });
  const outcome: ImportOutcome = existing ? 'replaced' : 'created';
  await deps.plans.savePlan(plan, {
    id: deps.ids.newId(),
    planId: plan.id,
    at: deps.clock.now().toISOString(),
    action: outcome === 'created' ? 'plan-imported' : 'plan-replaced',
    actor: { userId: options.actor.userId, name: options.actor.name },
    details: { title: plan.title, ...(plan.source ? { source: plan.source } : {}) },
  });
  return outcome;
}
