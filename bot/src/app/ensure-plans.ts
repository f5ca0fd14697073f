/**
 * Saves plans that the store does not hold yet. Plans already there are left alone, so a restart
 * never overwrites a coordinator's changes with the shipped demo version.
 */
import type { Plan } from '../domain/plan';
import type { PlanRepository } from './ports';

export async function ensurePlans(plans: PlanRepository, candidates: Plan[]): Promise<string[]> {
  const added: string[] = [];
  for (const plan of candidates) {
    if (await plans.getPlan(plan.id)) continue;
    await plans.savePlan(plan);
    added.push(plan.id);
  }
  return added;
}
