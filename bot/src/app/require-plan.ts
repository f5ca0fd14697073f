/**
 * The plan a use case acts on, or `unknown-plan`; with a capability, also `forbidden` unless the
 * actor may do that with it. Every use case that reads or changes something hanging off a plan (its
 * round, locks, substitutes, audit trail) goes through it first: where one deployment serves several
 * tenants, the plan repository hides other tenants' plans, and so this keeps what hangs off them out
 * of reach as well.
 */
import { can, type Actor, type Capability } from '../domain/access';
import { DomainError } from '../domain/errors';
import type { Plan } from '../domain/plan';
import type { PlanRepository } from './ports';

export async function requirePlan(plans: PlanRepository, planId: string): Promise<Plan> {
  const plan = await plans.getPlan(planId);
  if (!plan) throw new DomainError('unknown-plan');
  return plan;
}

export async function requirePlanFor(
  plans: PlanRepository,
  actor: Actor,
  capability: Exclude<Capability, 'import-new-plan'>,
  planId: string,
): Promise<Plan> {
  const plan = await requirePlan(plans, planId);
  if (!can(actor, capability, plan)) throw new DomainError('forbidden', { planId });
  return plan;
}
