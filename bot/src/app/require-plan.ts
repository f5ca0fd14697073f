/**
 * The plan a use case acts on, or `unknown-plan`. Every use case that reads or changes something
 * hanging off a plan (its round, locks, substitutes, audit trail) goes through it first: where one
 * deployment serves several tenants, the plan repository hides other tenants' plans, and so this
 * keeps what hangs off them out of reach as well.
 */
import { DomainError } from '../domain/errors';
import type { Plan } from '../domain/plan';
import type { PlanRepository } from './ports';

export async function requirePlan(plans: PlanRepository, planId: string): Promise<Plan> {
  const plan = await plans.getPlan(planId);
  if (!plan) throw new DomainError('unknown-plan');
  return plan;
}
