/**
 * The overview's view of a shared plan (DDØ, Årdal og Lærdal) seen whole: per measure each
 * municipality's own status and the roll-up. The rules themselves live in
 * domain/municipal-status.ts.
 */
import { rollUpMeasure } from '../domain/municipal-status';
import type { Measure, Plan } from '../domain/plan';
import type { StatusCode, StatusReport } from '../domain/status';

/** One owner's status on a shared measure. */
export interface MunicipalStatus {
  ownerId: string;
  name: string;
  status: StatusCode | 'not_reported';
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
