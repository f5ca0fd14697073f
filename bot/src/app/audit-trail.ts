/** A plan's audit trail is for its coordinators: who reported, imported or replaced what, when. */
import type { Actor } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import type { AuditLog, PlanRepository } from './ports';
import { requirePlanFor } from './require-plan';

export async function planAuditTrail(
  deps: { audit: AuditLog; plans: PlanRepository },
  actor: Actor,
  planId: string,
): Promise<AuditEntry[]> {
  await requirePlanFor(deps.plans, actor, 'read-audit', planId);
  return deps.audit.listAudit(planId);
}
