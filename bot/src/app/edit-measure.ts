/**
 * A coordinator keeps a measure up: every field of it (the rules are in domain/measure-edit.ts),
 * who is responsible (roles, and people named from the directory), closing it with a reason. The
 * edit names the version it was made from; if someone else saved in between, the store refuses it
 * and the coordinator gets the newer version to start from (ConcurrentChangeError), so nothing is lost.
 */
import type { Actor } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import { applyMeasureEdit, type MeasureFieldsEdit } from '../domain/measure-edit';
import { osloDate } from '../domain/period';
import type { NamedPerson, Plan } from '../domain/plan';
import type { Clock, Directory, IdGenerator, PlanRepository, VersionedMeasure } from './ports';
import { requirePlanFor } from './require-plan';

export interface MeasureEdit extends MeasureFieldsEdit {
  /** The people named responsible (Entra ID object ids), replacing those named before; [] names none. */
  responsiblePeople?: string[];
}

/** More named people than any measure has: a longer list is a mistake (or an attack), not a plan. */
export const MAX_NAMED_PEOPLE = 20;

export interface EditMeasureDeps {
  plans: PlanRepository;
  clock: Clock;
  ids: IdGenerator;
  /** Where named people are looked up: only people of the plan's tenant can be named. */
  directory: Directory;
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
  const plan = await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  const { measure } = await readMeasure(deps, planId, measureId);
  const { responsiblePeople, ...fields } = edit;
  const applied = applyMeasureEdit(plan, measure, fields, osloDate(deps.clock.now()));
  const named = responsiblePeople && (await namedPeople(deps.directory, plan, responsiblePeople));
  const { responsiblePeople: _before, ...unnamed } = applied.measure;
  const updated = named ? { ...unnamed, ...(named.length ? { responsiblePeople: named } : {}) } : applied.measure;
  const changed = [...applied.changed, ...(named ? ['responsiblePeople'] : [])];
  const audit: AuditEntry = {
    id: deps.ids.newId(),
    planId,
    at: deps.clock.now().toISOString(),
    action: 'measure-edited',
    actor: { userId: actor.userId, name: actor.name },
    details: {
      measure: measure.number,
      fields: changed.join(', '),
      ...(named ? { people: named.map((p) => p.name).join(', ') } : {}),
      ...(updated.closed && !measure.closed ? { closed: updated.closed.reason } : {}),
      ...(measure.closed && !updated.closed ? { reopened: 'true' } : {}),
    },
  };
  return deps.plans.updateMeasure(planId, updated, expectedVersion, audit);
}

/** The people named, as the directory knows them; someone outside the plan's tenant is refused. */
async function namedPeople(directory: Directory, plan: Plan, userIds: string[]): Promise<NamedPerson[]> {
  const unique = [...new Set(userIds)];
  if (unique.length > MAX_NAMED_PEOPLE)
    throw new DomainError('invalid-edit', { field: 'responsiblePeople', max: MAX_NAMED_PEOPLE });
  const people = new Map((await directory.listPeople()).map((p) => [p.userId, p]));
  return unique.map((userId) => {
    const person = people.get(userId);
    if (!person || person.tenantId !== plan.tenantId) throw new DomainError('unknown-assignee');
    return { userId, name: person.name };
  });
}
