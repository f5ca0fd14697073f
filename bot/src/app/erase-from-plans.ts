/**
 * Erasure's step in the plans' own text: a person named responsible for a measure (in the plan in
 * force, its revision draft and its earlier versions), and who started a draft or adopted a
 * revision, replaced by the pseudonym. Plans, drafts and versions that do not name them are not
 * written. Running it again finds nothing left, so an interrupted run is finished by the next.
 */
import { byWithoutPerson, planWithoutPerson } from '../domain/erase-from-plan';
import type { NamedPerson } from '../domain/plan';
import { DraftChangedError, type PlanRepository, type PlanVersionStore } from './ports';

export async function eraseFromPlans(
  deps: { plans: PlanRepository; versions: PlanVersionStore },
  userId: string,
  replacement: NamedPerson,
): Promise<number> {
  let written = 0;
  for (const plan of await deps.plans.listPlans()) {
    const inForce = planWithoutPerson(plan, userId, replacement);
    if (inForce) {
      await deps.plans.savePlan(inForce);
      written++;
    }
    if (await eraseFromDraft(deps.versions, plan.id, userId, replacement)) written++;
    for (const { number } of await deps.versions.listVersions(plan.id)) {
      const version = await deps.versions.getVersion(plan.id, number);
      if (!version) continue;
      const text = planWithoutPerson(version.plan, userId, replacement);
      const archivedBy = byWithoutPerson(version.archivedBy, userId, replacement);
      if (!text && archivedBy === version.archivedBy) continue;
      await deps.versions.rewriteVersion({ ...version, plan: text ?? version.plan, archivedBy });
      written++;
    }
  }
  return written;
}

/** The draft without the person; a coordinator saving it meanwhile means reading it again (once more). */
async function eraseFromDraft(
  versions: PlanVersionStore,
  planId: string,
  userId: string,
  replacement: NamedPerson,
  attempts = 2,
): Promise<boolean> {
  const draft = await versions.getDraft(planId);
  if (!draft) return false;
  const text = planWithoutPerson(draft.plan, userId, replacement);
  const startedBy = byWithoutPerson(draft.startedBy, userId, replacement);
  if (!text && startedBy === draft.startedBy) return false;
  try {
    await versions.saveDraft({ plan: text ?? draft.plan, startedAt: draft.startedAt, startedBy }, draft.version);
    return true;
  } catch (error) {
    if (error instanceof DraftChangedError && attempts > 1)
      return eraseFromDraft(versions, planId, userId, replacement, attempts - 1);
    throw error;
  }
}
