/**
 * Who answers for which measure: people hold roles, measures name roles, and a role counts only in
 * plans of the person's tenant and, in a shared plan, for the municipalities the person works for.
 * Who may report or act on a plan is decided in access.ts.
 */
import { allMeasures, type Measure, type Plan } from './plan';
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
   * The municipalities (owner ids) the person works for, where plans are shared: a "Rektor" in
   * Årdal answers for Årdal's rows, not Lærdal's. Absent: the person's roles count everywhere.
   */
  municipalities?: string[];
  /** The person's manager (Entra ID object id), who hears when they have not answered in time. */
  managerId?: string;
  /**
   * The person's Entra ID tenant, where one deployment serves several; absent: the home tenant
   * (as for plans). A role counts only in plans of the person's own tenant.
   */
  tenantId?: string;
}

export function isResponsibleFor(person: Person, measure: Measure): boolean {
  const held = new Set(person.roles.map(roleKey));
  return measure.responsibleRoles.some((role) => held.has(roleKey(role))) && appliesToPerson(person, measure);
}

/** Same tenant (absent on both: the home tenant). "Rektor" in one municipality is not another's. */
function sameTenant(person: Person, plan: Plan): boolean {
  return person.tenantId === plan.tenantId;
}

function appliesToPerson(person: Person, measure: Measure): boolean {
  if (!measure.appliesTo || !person.municipalities) return true;
  return measure.appliesTo.some((owner) => person.municipalities?.includes(owner));
}

/** Measures the person answers for in the reminder card: the ones they are responsible for. */
export function measuresOwnedBy(person: Person, plan: Plan): Measure[] {
  if (!sameTenant(person, plan)) return [];
  return allMeasures(plan).filter((m) => isResponsibleFor(person, m));
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
