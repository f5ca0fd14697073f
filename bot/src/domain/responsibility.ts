/**
 * Who answers for which measure — the one home of that rule. A measure names roles (from the plan's
 * "Ansvarlig" cell, or set by the coordinator) and may name people outright; people hold roles in
 * the directory. A role counts only in plans of the person's tenant and only for the municipalities
 * the person works for (see docs/directory.md for the rule when an entry names none). Who may
 * report or act on a plan is decided in access.ts.
 */
import { allMeasures, isClosed, type Measure, type Plan } from './plan';
import { roleKey } from './roles';

export interface Person {
  /** Entra ID object id. */
  userId: string;
  name: string;
  /** Roles the person holds, as the organisation names them ("Teknisk sjef"). */
  roles: string[];
  /** Plans this person coordinates: a coordinator may report on every measure of the plan. */
  coordinatorOf: string[];
  /** Plans whose leadership meeting this person sits in: reads everything, exports. */
  leaderOf?: string[];
  /**
   * The municipalities (owner ids) the person works for: their roles count only in plans one of
   * these owns, and in a shared plan only for these municipalities' rows. Absent: see `unplaced`.
   */
  municipalities?: string[];
  /**
   * Set by `placePeople`: the entry names no municipality while the tenant's directory names
   * several, so the person's roles count nowhere and the coordinator is warned instead.
   */
  unplaced?: true;
  /** The person's manager (Entra ID object id), who hears when they have not answered in time. */
  managerId?: string;
  /** The person's e-mail address, where the directory has one: reminders go there when Teams cannot reach them. */
  mail?: string;
  /**
   * The person's Entra ID tenant, where one deployment serves several; absent: the home tenant
   * (as for plans). A role counts only in plans of the person's own tenant.
   */
  tenantId?: string;
}

/**
 * Where the people of each tenant work, as far as the directory says: an entry without a
 * municipality takes the only one its tenant's directory names; where the directory names several,
 * it is `unplaced`; where it names none, the person works for whichever municipality owns a plan
 * alone (one-municipality tenants keep working with a directory that never names one).
 */
export function placePeople(people: readonly Person[]): Person[] {
  const named = new Map<string, Set<string>>();
  for (const p of people) {
    const set = named.get(p.tenantId ?? '') ?? new Set<string>();
    for (const m of p.municipalities ?? []) set.add(m);
    named.set(p.tenantId ?? '', set);
  }
  return people.map((p) => {
    if (p.municipalities?.length) return p;
    const { municipalities: _none, unplaced: _was, ...rest } = p;
    const tenant = [...(named.get(p.tenantId ?? '') ?? [])];
    if (tenant.length === 0) return rest;
    return tenant.length === 1 ? { ...rest, municipalities: tenant } : { ...rest, unplaced: true };
  });
}

/** Same tenant (absent on both: the home tenant). "Rektor" in one municipality is not another's. */
function sameTenant(person: Person, plan: Plan): boolean {
  return person.tenantId === plan.tenantId;
}

/** Whether the person's roles count in this plan at all: their municipality owns it. */
function worksForPlan(person: Person, plan: Plan): boolean {
  if (person.unplaced) return false;
  if (!person.municipalities) return plan.owners.length === 1;
  return plan.owners.some((o) => person.municipalities?.includes(o.id));
}

/** In a shared plan, a measure for some owners only is answered by those owners' people. */
function appliesToPerson(person: Person, measure: Measure): boolean {
  if (!measure.appliesTo || !person.municipalities) return true;
  return measure.appliesTo.some((owner) => person.municipalities?.includes(owner));
}

function holdsRole(person: Person, measure: Measure): boolean {
  const held = new Set(person.roles.map(roleKey));
  return measure.responsibleRoles.some((role) => held.has(roleKey(role)));
}

/** Named on the measure by the coordinator: answers for it whatever the roles say. */
function isNamedOn(person: Person, measure: Measure): boolean {
  return (measure.responsiblePeople ?? []).some((p) => p.userId === person.userId);
}

export function isResponsibleFor(person: Person, plan: Plan, measure: Measure): boolean {
  if (!sameTenant(person, plan)) return false;
  if (isNamedOn(person, measure)) return true;
  return holdsRole(person, measure) && worksForPlan(person, plan) && appliesToPerson(person, measure);
}

/** Measures the person answers for in the reminder card: the open ones they are responsible for. */
export function measuresOwnedBy(person: Person, plan: Plan): Measure[] {
  if (!sameTenant(person, plan)) return [];
  return allMeasures(plan).filter((m) => !isClosed(m) && isResponsibleFor(person, plan, m));
}

/** Measures of the person's that have no answer in `answered` (measure id → latest report). */
export function unansweredBy(person: Person, plan: Plan, answered: ReadonlyMap<string, unknown>): Measure[] {
  return measuresOwnedBy(person, plan).filter((m) => !answered.has(m.id));
}

/** How far a person has come with the period's answers, measure by measure. */
export interface AnswerProgress {
  /** Measures the person answers for. */
  total: number;
  answered: number;
  /** The measures still without an answer this period, in the plan's order. */
  missing: Measure[];
  /** 'partly': some answered and some not; 'all' also for someone who answers for nothing. */
  state: 'all' | 'partly' | 'none';
}

export function answerProgress(person: Person, plan: Plan, answered: ReadonlyMap<string, unknown>): AnswerProgress {
  const owned = measuresOwnedBy(person, plan);
  const missing = owned.filter((m) => !answered.has(m.id));
  const done = owned.length - missing.length;
  const state = missing.length === 0 ? 'all' : done > 0 ? 'partly' : 'none';
  return { total: owned.length, answered: done, missing, state };
}

/** Everyone who answers for the measure: the people a round reaches for it. */
export function answerersOf(measure: Measure, plan: Plan, people: readonly Person[]): Person[] {
  return people.filter((p) => isResponsibleFor(p, plan, measure));
}

/** A role holder whose roles would count in the plan but for naming no municipality. */
export interface UnplacedHolder {
  name: string;
  /** The plan's roles they hold. */
  roles: string[];
}

/** What the coordinator should know about who answers for the plan's measures. */
export interface Reach {
  /** Measures no one answers for: no round can reach them. */
  unreached: Measure[];
  /** People holding the plan's roles who are asked for nothing because their entry names no municipality. */
  unplaced: UnplacedHolder[];
}

export function reachOf(plan: Plan, people: readonly Person[]): Reach {
  const measures = allMeasures(plan);
  // A closed measure asks no one, so no one missing is nothing to act on.
  const unreached = measures.filter((m) => !isClosed(m) && answerersOf(m, plan, people).length === 0);
  const planRoles = new Map(measures.flatMap((m) => m.responsibleRoles).map((r) => [roleKey(r), r]));
  const unplaced = people
    .filter((p) => sameTenant(p, plan) && (p.unplaced || (!p.municipalities && plan.owners.length > 1)))
    .map((p) => ({ name: p.name, roles: p.roles.filter((r) => planRoles.has(roleKey(r))) }))
    .filter((p) => p.roles.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return { unreached, unplaced };
}
