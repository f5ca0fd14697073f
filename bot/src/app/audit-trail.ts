/** A plan's audit trail is for its coordinators: who reported, imported or replaced what, when. */
import { can, type Actor } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import type { AuditLog, PlanRepository } from './ports';
import { requirePlan } from './require-plan';

export async function planAuditTrail(
  deps: { audit: AuditLog; plans: PlanRepository },
  actor: Actor,
  planId: string,
): Promise<AuditEntry[]> {
  if (!can(actor, 'replace-plan', planId)) throw new DomainError('forbidden', { planId });
  await requirePlan(deps.plans, planId);
  return deps.audit.listAudit(planId);
}
