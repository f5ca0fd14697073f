/**
 * Substitutes as the coordinator sets them in the tab: while someone is away (dates in Oslo), their
 * card goes to the substitute, who answers for their measures; the report says for whom.
 */
import { can, type Actor } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import { osloDate } from '../domain/period';
import { measuresOwnedBy } from '../domain/permissions';
import { isValidDateRange, type Substitution } from '../domain/substitute';
import type { AuditLog, Clock, Directory, IdGenerator, PlanRepository, SubstituteStore } from './ports';
import { requirePlan } from './require-plan';

export interface SubstituteDeps {
  plans: PlanRepository;
  directory: Directory;
  substitutes: SubstituteStore;
  audit: AuditLog;
  clock: Clock;
  ids: IdGenerator;
}

export interface SubstituteInput {
  absentId: string;
  substituteId: string;
  from: string;
  to: string;
}

export async function listSubstitutes(deps: SubstituteDeps, actor: Actor, planId: string): Promise<Substitution[]> {
  if (!can(actor, 'export-plan', planId)) throw new DomainError('forbidden', { planId });
  await requirePlan(deps.plans, planId);
  return deps.substitutes.listSubstitutions(planId);
}

export async function setSubstitute(
  deps: SubstituteDeps,
  actor: Actor,
  planId: string,
  input: SubstituteInput,
): Promise<Substitution> {
  if (!can(actor, 'edit-plan', planId)) throw new DomainError('forbidden', { planId });
  const plan = await requirePlan(deps.plans, planId);
  const absent = await deps.directory.findPerson(input.absentId);
  const substitute = await deps.directory.findPerson(input.substituteId);
  const now = deps.clock.now();
  const problem = !absent
    ? 'absent'
    : measuresOwnedBy(absent, plan).length === 0
      ? 'absent-has-no-measures'
      : !substitute
        ? 'substitute'
        : absent.userId === substitute.userId || substitute.tenantId !== plan.tenantId
          ? 'same-person'
          : !isValidDateRange(input.from, input.to)
            ? 'dates'
            : input.to < osloDate(now)
              ? 'past'
              : undefined;
  if (problem || !absent || !substitute) throw new DomainError('invalid-substitute', { problem: problem ?? '' });
  const substitution: Substitution = {
    id: deps.ids.newId(),
    planId,
    absent: { userId: absent.userId, name: absent.name },
    substitute: { userId: substitute.userId, name: substitute.name },
    from: input.from,
    to: input.to,
    setBy: actorName(actor),
    setAt: now.toISOString(),
  };
  await deps.substitutes.addSubstitution(substitution);
  await deps.audit.appendAudit(
    entry(deps, planId, actor, 'substitute-set', {
      absent: absent.name,
      substitute: substitute.name,
      from: input.from,
      to: input.to,
    }),
  );
  return substitution;
}

export async function removeSubstitute(deps: SubstituteDeps, actor: Actor, planId: string, id: string): Promise<void> {
  if (!can(actor, 'edit-plan', planId)) throw new DomainError('forbidden', { planId });
  await requirePlan(deps.plans, planId);
  const existing = (await deps.substitutes.listSubstitutions(planId)).find((s) => s.id === id);
  if (!existing || !(await deps.substitutes.removeSubstitution(planId, id)))
    throw new DomainError('unknown-substitute');
  await deps.audit.appendAudit(
    entry(deps, planId, actor, 'substitute-removed', {
      absent: existing.absent.name,
      substitute: existing.substitute.name,
      from: existing.from,
      to: existing.to,
    }),
  );
}

function actorName(actor: Actor): { userId: string; name: string } {
  return { userId: actor.userId, name: actor.name };
}

function entry(
  deps: SubstituteDeps,
  planId: string,
  actor: Actor,
  action: AuditEntry['action'],
  details: Record<string, string>,
): AuditEntry {
  return { id: deps.ids.newId(), planId, at: deps.clock.now().toISOString(), action, actor: actorName(actor), details };
}
