/**
 * A coordinator corrects a measure: its text, who is responsible, its indicator. The edit names
 * the version it was made from; if someone else saved in between, the store refuses it and the
 * coordinator gets the newer version to start from (ConcurrentChangeError), so nothing is lost.
 */
import type { Actor } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import type { Measure } from '../domain/plan';
import { splitRoles } from '../domain/roles';
import type { Clock, IdGenerator, PlanRepository, VersionedMeasure } from './ports';
import { requirePlanFor } from './require-plan';

export interface MeasureEdit {
  text?: string;
  responsibleText?: string;
  indicatorText?: string;
}

export const MAX_EDIT_LENGTH = { text: 2000, responsibleText: 500, indicatorText: 1000 } as const;

export interface EditMeasureDeps {
  plans: PlanRepository;
  clock: Clock;
  ids: IdGenerator;
}

export async function readMeasure(
  deps: Pick<EditMeasureDeps, 'plans'>,
  planId: string,
  measureId: string,
): Promise<VersionedMeasure> {
  const found = await deps.plans.getMeasure(planId, measureId);
  if (!found) throw new DomainError('unknown-measure', { number: measureId });
  return found;
}

export async function editMeasure(
  deps: EditMeasureDeps,
  actor: Actor,
  planId: string,
  measureId: string,
  edit: MeasureEdit,
  expectedVersion: string,
): Promise<VersionedMeasure> {
  await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  const { measure } = await readMeasure(deps, planId, measureId);
  for (const key of Object.keys(MAX_EDIT_LENGTH) as (keyof MeasureEdit)[]) {
    const value = edit[key];
    if (value === undefined) continue;
    const empty = key === 'text' && value.trim() === '';
    if (empty || value.length > MAX_EDIT_LENGTH[key])
      throw new DomainError('invalid-edit', { field: key, max: MAX_EDIT_LENGTH[key] });
  }
  const updated: Measure = {
    ...measure,
    ...(edit.text !== undefined ? { text: edit.text.trim() } : {}),
    ...(edit.responsibleText !== undefined
      ? { responsibleText: edit.responsibleText.trim(), responsibleRoles: splitRoles(edit.responsibleText.trim()) }
      : {}),
    ...(edit.indicatorText !== undefined
      ? { indicator: { ...measure.indicator, text: edit.indicatorText.trim() } }
      : {}),
  };
  const changed = (Object.keys(edit) as (keyof MeasureEdit)[]).filter((k) => edit[k] !== undefined);
  const audit: AuditEntry = {
    id: deps.ids.newId(),
    planId,
    at: deps.clock.now().toISOString(),
    action: 'measure-edited',
    actor: { userId: actor.userId, name: actor.name },
    details: { measure: measure.number, fields: changed.join(', ') },
  };
  return deps.plans.updateMeasure(planId, updated, expectedVersion, audit);
}
