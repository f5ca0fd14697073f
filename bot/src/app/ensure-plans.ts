/**
 * Saves plans that the store does not hold yet. Plans already there are left alone, so a restart
 * never overwrites a coordinator's changes with the shipped demo version.
 */
import type { Plan } from '../domain/plan';
import { saveImportedPlan, type SavePlanDeps } from './save-imported-plan';

/** The actor the audit trail names for plans the service loads by itself. */
export const DEMO_LOADER = { userId: 'tiltak', name: 'Tiltak (demoplaner)' };

export async function ensurePlans(deps: SavePlanDeps, candidates: Plan[]): Promise<string[]> {
  const added: string[] = [];
  for (const plan of candidates) {
    if (await deps.plans.getPlan(plan.id)) continue;
    await saveImportedPlan(deps, plan, { replace: false, actor: DEMO_LOADER });
    added.push(plan.id);
  }
  return added;
}
