/**
 * Demo answers shipped with the repo (bot/demo/statuses.json), stored once when the demo plans are
 * first loaded: the shared plans' municipalities report different statuses on the same measures,
 * so a fresh `npm start` shows each municipality's own status, the roll-up and the comparison.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { currentPlanPeriod } from '../../domain/period';
import { findMeasure, type Plan } from '../../domain/plan';
import { STATUS_CODES, type StatusReport } from '../../domain/status';

const DemoStatusesSchema = z.object({
  reports: z.array(
    z.object({
      planId: z.string().min(1),
      /** A period id, or "current": the plan's current period when loaded. */
      period: z.string().min(1),
      measureId: z.string().min(1),
      organisationId: z.string().min(1).optional(),
      status: z.enum(STATUS_CODES),
      comment: z.string().optional(),
    }),
  ),
});

export const DEMO_REPORTER = { userId: 'demo-loader', name: 'Demodata' };

/** The demo answers for `plans` (those just loaded); one naming a plan, measure or owner not there is an error. */
export function demoStatusReports(file: string, plans: readonly Plan[], now: Date): StatusReport[] {
  if (!existsSync(file)) return [];
  const parsed = DemoStatusesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Demo statuses ${file} are not valid: ${parsed.error.message}`);
  const byId = new Map(plans.map((p) => [p.id, p]));
  return parsed.data.reports.flatMap((r, i): StatusReport[] => {
    const plan = byId.get(r.planId);
    if (!plan) return [];
    if (!findMeasure(plan, r.measureId)) throw new Error(`Demo status ${i}: no measure ${r.measureId} in ${plan.id}`);
    if (r.organisationId && !plan.owners.some((o) => o.id === r.organisationId))
      throw new Error(`Demo status ${i}: ${r.organisationId} owns no part of ${plan.id}`);
    const periodId = r.period === 'current' ? currentPlanPeriod(plan.cadence, plan.period, now).id : r.period;
    return [
      {
        id: `demo-${plan.id}-${i}`,
        planId: plan.id,
        measureId: r.measureId,
        periodId,
        status: r.status,
        ...(r.comment ? { comment: r.comment } : {}),
        reportedBy: DEMO_REPORTER,
        ...(r.organisationId ? { organisationId: r.organisationId } : {}),
        reportedAt: now.toISOString(),
        submissionId: `demo:${plan.id}:${i}`,
      },
    ];
  });
}
