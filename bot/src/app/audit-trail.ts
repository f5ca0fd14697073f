/** A plan's audit trail is for its coordinators: who reported, imported or replaced what, when. */
import type { Actor } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import type { AuditLog, Clock, IdGenerator, PlanRepository } from './ports';
import { requirePlanFor } from './require-plan';

export async function planAuditTrail(
  deps: { audit: AuditLog; plans: PlanRepository },
  actor: Actor,
  planId: string,
): Promise<AuditEntry[]> {
  await requirePlanFor(deps.plans, actor, 'read-audit', planId);
  return deps.audit.listAudit(planId);
}

/** One entry of a plan's trail: who did what, now. Every use case that writes one builds it here. */
export function auditEntry(
  deps: { clock: Clock; ids: IdGenerator },
  actor: Pick<Actor, 'userId' | 'name'>,
  planId: string,
  action: AuditEntry['action'],
  details: Record<string, string>,
): AuditEntry {
  return {
    id: deps.ids.newId(),
    planId,
    at: deps.clock.now().toISOString(),
    action,
    actor: { userId: actor.userId, name: actor.name },
    details,
  };
}
