/**
 * What a signed-in person may do with plans. Roles per plan: coordinator (edits the plan, imports
 * and replaces it), leader (reads everything, exports), responsible (reports on own measures; see
 * permissions.ts), reader (sees the plan). Coordinator and leader come from the directory per plan,
 * or for every plan of the tenant from an Entra ID app role.
 */
import type { Person } from './permissions';

export type AppRole = 'coordinator' | 'leader';

export interface Actor {
  userId: string;
  name: string;
  /** Tenant-wide roles (Entra ID app roles "Tiltak.Coordinator", "Tiltak.Leader"). */
  appRoles: AppRole[];
  /** The directory's entry for the person, with per-plan roles; absent for a reader. */
  person?: Person;
}

export type Capability = 'view-plan' | 'export-plan' | 'import-new-plan' | 'replace-plan' | 'edit-plan';

export function can(actor: Actor, capability: Capability, planId?: string): boolean {
  const coordinator =
    actor.appRoles.includes('coordinator') || Boolean(planId && actor.person?.coordinatorOf.includes(planId));
  const leader = actor.appRoles.includes('leader') || Boolean(planId && actor.person?.leaderOf?.includes(planId));
  switch (capability) {
    case 'view-plan':
      return true;
    case 'export-plan':
      return coordinator || leader;
    case 'import-new-plan':
      return actor.appRoles.includes('coordinator');
    case 'replace-plan':
    case 'edit-plan':
      return coordinator;
  }
}

/** Whether the import page is for this person: a tenant coordinator, or the coordinator of some plan. */
export function importsPlans(actor: Actor): boolean {
  return can(actor, 'import-new-plan') || Boolean(actor.person?.coordinatorOf.length);
}

/** Maps the Entra ID app role values in a token to ours; unknown values are ignored. */
export function appRolesFromClaims(roles: readonly string[]): AppRole[] {
  const mapped: AppRole[] = [];
  if (roles.includes('Tiltak.Coordinator')) mapped.push('coordinator');
  if (roles.includes('Tiltak.Leader')) mapped.push('leader');
  return mapped;
}
