/**
 * Changing a revision's draft: the plan-upkeep use cases (edit-measure.ts, restructure-plan.ts)
 * run unchanged on the draft through DraftPlans, and renumbering, which only a revision does (in
 * force, a measure's number is what the council adopted). Every change names the draft's version.
 */
import type { Actor } from '../domain/access';
import { findMeasure } from '../domain/plan';
import { renumberMeasure } from '../domain/revision';
import { auditEntry } from './audit-trail';
import { DraftPlans } from './draft-plans';
import { editMeasure, type EditMeasureDeps, type MeasureEdit } from './edit-measure';
import { ConcurrentChangeError, type PlanVersionStore, type VersionedMeasure } from './ports';
import { requirePlanFor } from './require-plan';

/**
 * The deps of a plan-upkeep use case with the plan's draft in the place of the plan, once the actor
 * may edit the plan: someone who may not is refused as such, before the draft is looked for.
 */
export async function onTheDraft<D extends { plans: EditMeasureDeps['plans'] }>(
  deps: D & { versions: PlanVersionStore },
  actor: Actor,
  planId: string,
): Promise<D> {
  await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  return { ...deps, plans: new DraftPlans(deps.versions, deps.plans) };
}

/** A measure of the draft edited, and renumbered when `number` is given; `expectedVersion` is the draft's. */
export async function editDraftMeasure(
  deps: EditMeasureDeps & { versions: PlanVersionStore },
  actor: Actor,
  planId: string,
  measureId: string,
  edit: MeasureEdit & { number?: string },
  expectedVersion: string,
): Promise<VersionedMeasure> {
  const { number, ...fields } = edit;
  const draftDeps = await onTheDraft(deps, actor, planId);
  let version = expectedVersion;
  if (Object.keys(fields).length > 0 || number === undefined)
    version = (await editMeasure(draftDeps, actor, planId, measureId, fields, version)).version;
  if (number === undefined) return (await draftDeps.plans.getMeasure(planId, measureId)) as VersionedMeasure;
  const draft = await requirePlanFor(draftDeps.plans, actor, 'edit-plan', planId);
  const before = findMeasure(draft, measureId);
  const current = await draftDeps.plans.getMeasure(planId, measureId);
  if (current && current.version !== version) throw new ConcurrentChangeError(current);
  const renumbered = renumberMeasure(draft, measureId, number);
  await draftDeps.plans.savePlan(
    renumbered,
    auditEntry(deps, actor, planId, 'measure-edited', {
      measure: before?.number ?? measureId,
      fields: 'number',
      number: number.trim(),
    }),
  );
  return (await draftDeps.plans.getMeasure(planId, measureId)) as VersionedMeasure;
}
