/**
 * Substitutes as the coordinator sets them in the tab: while someone is away (dates in Oslo), their
 * card goes to the substitute, who answers for their measures; the report says for whom.
 */
import type { Actor } from '../domain/access';
import { auditEntry } from './audit-trail';
import { DomainError } from '../domain/errors';
import { osloDate } from '../domain/period';
import { measuresOwnedBy } from '../domain/responsibility';
import { isValidDateRange, type Substitution } from '../domain/substitute';
import type { AuditLog, Clock, Directory, IdGenerator, PlanRepository, SubstituteStore } from './ports';
import { requirePlan, requirePlanFor } from './require-plan';

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
  await requirePlanFor(deps.plans, actor, 'follow-rounds', planId);
  return deps.substitutes.listSubstitutions(planId);
}

/** Whom the coordinator can pick, by name; `responsible`: answers for a measure of this plan (may be away). */
export async function substituteCandidates(
  deps: Pick<SubstituteDeps, 'plans' | 'directory'>,
  planId: string,
): Promise<{ userId: string; name: string; responsible: boolean }[]> {
  const plan = await requirePlan(deps.plans, planId);
  // Only the plan's own tenant: another municipality's staff are neither candidates nor named here.
  return (await deps.directory.listPeople())
    .filter((p) => p.tenantId === plan.tenantId)
    .map((p) => ({ userId: p.userId, name: p.name, responsible: measuresOwnedBy(p, plan).length > 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export async function setSubstitute(
  deps: SubstituteDeps,
  actor: Actor,
  planId: string,
  input: SubstituteInput,
): Promise<Substitution> {
  const plan = await requirePlanFor(deps.plans, actor, 'set-substitutes', planId);
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
    auditEntry(deps, actor, planId, 'substitute-set', {
      absent: absent.name,
      substitute: substitute.name,
      from: input.from,
      to: input.to,
    }),
  );
  return substitution;
}

export async function removeSubstitute(deps: SubstituteDeps, actor: Actor, planId: string, id: string): Promise<void> {
  await requirePlanFor(deps.plans, actor, 'set-substitutes', planId);
  const existing = (await deps.substitutes.listSubstitutions(planId)).find((s) => s.id === id);
  if (!existing || !(await deps.substitutes.removeSubstitution(planId, id)))
    throw new DomainError('unknown-substitute');
  await deps.audit.appendAudit(
    auditEntry(deps, actor, planId, 'substitute-removed', {
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
