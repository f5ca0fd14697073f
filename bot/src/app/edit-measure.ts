/**
 * A coordinator corrects a measure: its text, who is responsible (roles, and people named from the
 * directory), its indicator. The edit names
 * the version it was made from; if someone else saved in between, the store refuses it and the
 * coordinator gets the newer version to start from (ConcurrentChangeError), so nothing is lost.
 */
import type { Actor } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import type { Measure, NamedPerson, Plan } from '../domain/plan';
import { splitRoles } from '../domain/roles';
import type { Clock, Directory, IdGenerator, PlanRepository, VersionedMeasure } from './ports';
import { requirePlanFor } from './require-plan';

export interface MeasureEdit {
  text?: string;
  responsibleText?: string;
  indicatorText?: string;
  /** The people named responsible (Entra ID object ids), replacing those named before; [] names none. */
  responsiblePeople?: string[];
}

type TextField = Exclude<keyof MeasureEdit, 'responsiblePeople'>;
export const MAX_EDIT_LENGTH: Record<TextField, number> = { text: 2000, responsibleText: 500, indicatorText: 1000 };
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
  for (const key of Object.keys(MAX_EDIT_LENGTH) as TextField[]) {
    const value = edit[key];
    if (value === undefined) continue;
    const empty = key === 'text' && value.trim() === '';
    if (empty || value.length > MAX_EDIT_LENGTH[key])
      throw new DomainError('invalid-edit', { field: key, max: MAX_EDIT_LENGTH[key] });
  }
  const named = edit.responsiblePeople && (await namedPeople(deps.directory, plan, edit.responsiblePeople));
  const { responsiblePeople: _before, ...unnamed } = measure;
  const updated: Measure = {
    ...(named ? unnamed : measure),
    ...(named?.length ? { responsiblePeople: named } : {}),
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
    details: {
      measure: measure.number,
      fields: changed.join(', '),
      ...(named ? { people: named.map((p) => p.name).join(', ') } : {}),
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
