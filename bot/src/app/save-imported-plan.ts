/**
 * Saves a plan a coordinator imported. An existing plan with the same id is replaced only when
 * asked for: its structure is replaced, its status reports are kept (they live apart).
 */
import { DomainError } from '../domain/errors';
import type { Plan } from '../domain/plan';
import type { PlanRepository } from './ports';

export type ImportOutcome = 'created' | 'replaced';

export async function saveImportedPlan(
  plans: PlanRepository,
  plan: Plan,
  options: { replace: boolean },
): Promise<ImportOutcome> {
  const existing = await plans.getPlan(plan.id);
  if (existing && !options.replace) throw new DomainError('plan-exists', { id: plan.id });
  await plans.savePlan(plan);
  return existing ? 'replaced' : 'created';
}
