/**
 * The overview's view of a shared plan (DDØ, Årdal og Lærdal) seen whole: per measure each
 * municipality's own status and the roll-up, and whose answers count as a person's own. The rules
 * themselves live in domain/municipal-status.ts.
 */
import { isShared, latestForOwner, rollUpMeasure } from '../domain/municipal-status';
import type { Measure, Plan } from '../domain/plan';
import type { Person } from '../domain/responsibility';
import type { StatusCode, StatusReport } from '../domain/status';

/** One owner's status on a shared measure. */
export interface MunicipalStatus {
  ownerId: string;
  name: string;
  status: StatusCode | 'not_reported';
}

/** What counts as answered for a person: in a shared plan, their own municipality's answers. */
export function answeredBy(
  person: Person,
  plan: Plan,
  inPeriod: StatusReport[],
  current: Map<string, StatusReport>,
): Map<string, StatusReport> {
  const own = isShared(plan) ? person.municipalities?.find((m) => plan.owners.some((o) => o.id === m)) : undefined;
  return own ? latestForOwner(inPeriod, own) : current;
}

export function municipalStatusOf(
  plan: Plan,
  m: Measure,
  inPeriod: StatusReport[],
): { municipalities: MunicipalStatus[]; rollUp: { done: number; total: number } } {
  const rollUp = rollUpMeasure(plan, m, inPeriod);
  return {
    municipalities: rollUp.owners.map((o) => ({
      ownerId: o.ownerId,
      name: o.name,
      status: o.report?.status ?? 'not_reported',
    })),
    rollUp: { done: rollUp.done, total: rollUp.total },
  };
}
