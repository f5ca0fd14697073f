/**
 * Who may do what with a plan: the one home of every access rule, for the tab, the bot and the CLI.
 * Roles per plan: coordinator (keeps the plan, runs its rounds, locks its periods), leader (reads
 * everything, exports, follows the rounds), responsible (reports on their own measures, see
 * responsibility.ts), reader (sees the plan). Coordinator and leader come from the directory per
 * plan, or for every plan of the person's tenant from an Entra ID app role; neither reaches a plan
 * of another tenant.
 */
import type { Measure, Plan } from './plan';
import { isResponsibleFor, type Person } from './responsibility';

export type AppRole = 'coordinator' | 'leader';

export interface Actor {
  userId: string;
  name: string;
  /** Tenant-wide roles (Entra ID app roles "Tiltak.Coordinator", "Tiltak.Leader"). */
  appRoles: AppRole[];
  /** The directory's entry for the person, with per-plan roles; absent for a reader. */
  person?: Person;
  /**
   * The actor's tenant as plans record theirs: absent for the deployment's home tenant (every
   * plan of a single-tenant deployment), the Entra ID tenant id otherwise.
   */
  tenantId?: string;
}

export type Capability =
  | 'view-plan'
  | 'see-overview'
  | 'export-plan'
  | 'follow-rounds'
  | 'import-new-plan'
  | 'replace-plan'
  | 'edit-plan'
  | 'read-audit'
  | 'run-rounds'
  | 'set-substitutes'
  | 'lock-period'
  | 'record-decision';

/** Someone from the directory acting in the chat (the bot sees no app roles). */
export function actorOf(person: Person): Actor {
  return {
    userId: person.userId,
    name: person.name,
    appRoles: [],
    person,
    ...(person.tenantId ? { tenantId: person.tenantId } : {}),
  };
}

/** The actor's own tenant decides (sign-in's token, or the chat's directory entry): never a fallback. */
function sameTenant(actor: Actor, plan: Plan): boolean {
  return actor.tenantId === plan.tenantId;
}

export function isCoordinator(actor: Actor, plan: Plan): boolean {
  return (
    sameTenant(actor, plan) &&
    (actor.appRoles.includes('coordinator') || Boolean(actor.person?.coordinatorOf.includes(plan.id)))
  );
}

export function isLeader(actor: Actor, plan: Plan): boolean {
  return (
    sameTenant(actor, plan) && (actor.appRoles.includes('leader') || Boolean(actor.person?.leaderOf?.includes(plan.id)))
  );
}

/**
 * Whether the actor may do this with the plan. `import-new-plan` concerns a plan that does not
 * exist yet: only a coordinator for the whole tenant may bring one.
 */
export function can(actor: Actor, capability: Exclude<Capability, 'import-new-plan'>, plan: Plan): boolean;
export function can(actor: Actor, capability: 'import-new-plan'): boolean;
export function can(actor: Actor, capability: Capability, plan?: Plan): boolean {
  if (capability === 'import-new-plan') return actor.appRoles.includes('coordinator');
  if (!plan) return false;
  const coordinator = isCoordinator(actor, plan);
  switch (capability) {
    case 'view-plan':
      return true;
    case 'see-overview':
    case 'export-plan':
    case 'follow-rounds':
    case 'record-decision': // the meeting's decisions; reading them is view-plan's
      return coordinator || isLeader(actor, plan);
    case 'replace-plan':
    case 'edit-plan':
    case 'read-audit':
    case 'run-rounds':
    case 'set-substitutes':
    case 'lock-period':
      return coordinator;
  }
}

/**
 * Whether the import page is for this person, decided before anything of an upload is read: a
 * tenant coordinator, or the coordinator of some plan (who may replace it).
 */
export function importsPlans(actor: Actor): boolean {
  return actor.appRoles.includes('coordinator') || Boolean(actor.person?.coordinatorOf.length);
}

/** The responsible person or the plan's coordinator may report on a measure. */
export function mayReportOn(actor: Actor, plan: Plan, measure: Measure): boolean {
  const responsible =
    actor.person !== undefined && sameTenant(actor, plan) && isResponsibleFor(actor.person, plan, measure);
  return responsible || isCoordinator(actor, plan);
}

/**
 * Whether the actor may see and answer `owner`'s status form for a measure (a card they open, or
 * one Teams refreshes): the owner themselves while responsible, or the one standing in for them
 * today (`substituteId`); always within the plan's tenant.
 */
export function mayAnswerFormOf(
  actor: Actor,
  owner: Person,
  plan: Plan,
  measure: Measure,
  substituteId: string | undefined,
): boolean {
  if (!sameTenant(actor, plan) || owner.tenantId !== plan.tenantId) return false;
  if (actor.userId === owner.userId) return mayReportOn(actor, plan, measure);
  return substituteId === actor.userId && isResponsibleFor(owner, plan, measure);
}

/** Maps the Entra ID app role values in a token to ours; unknown values are ignored. */
export function appRolesFromClaims(roles: readonly string[]): AppRole[] {
  const mapped: AppRole[] = [];
  if (roles.includes('Tiltak.Coordinator')) mapped.push('coordinator');
  if (roles.includes('Tiltak.Leader')) mapped.push('leader');
  return mapped;
}
