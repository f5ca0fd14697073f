/**
 * "Mine tiltak": the signed-in person's measures in a plan with their answers, and reporting on
 * one or several of them. A report carries an Idempotency-Key, the tab's counterpart of the card's
 * submission id: a retried request with the same key stores nothing twice.
 */
import { z } from 'zod';
import { myMeasures, reportMyMeasures } from '../../app/my-measures';
import type { MyMeasuresResponse, MyReportResponse } from '../../contract/api-types';
import { STATUS_CODES, UNCHANGED } from '../../domain/status';
import { HttpError } from '../http-errors';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { periodQuery, planIdOf } from './params';

/** More entries than any person answers for in one plan: a longer list is a mistake, not a form. */
const MAX_ENTRIES = 500;
/** A key the tab makes (a UUID); anything the sender likes within these bounds. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

const ReportSchema = z
  .object({
    periodId: z.string().regex(/^\d{4}-(?:\d{2}|T[1-3]|Q[1-4])$/),
    entries: z
      .array(
        z
          .object({
            measureId: z.string().min(1).max(100),
            status: z.enum([...STATUS_CODES, UNCHANGED]),
            // Bounded by the use case's own limit, which names the measure in its message.
            comment: z.string().max(10_000).optional(),
            value: z.number().optional(),
            // In a shared plan, the municipality the answer is for: checked against who answers.
            organisationId: z.string().min(1).max(200).optional(),
            // Checked against the measure's benefits in the domain (invalid-benefit).
            benefits: z
              .array(
                z
                  .object({
                    benefitType: z.string().max(40),
                    value: z
                      .union([z.number(), z.string().max(40)])
                      .nullable()
                      .optional(),
                    comment: z.string().max(10_000).nullable().optional(),
                    organisationId: z.string().max(200).nullable().optional(),
                  })
                  .strict(),
              )
              .max(20)
              .optional(),
          })
          .strict(),
      )
      .max(MAX_ENTRIES),
  })
  .strict();

export function registerMyMeasureRoutes(router: Router, deps: TabApiDeps): void {
  router.get('/api/v1/plans/:planId/my-measures', {
    handle: async (context) => {
      const body: MyMeasuresResponse = await myMeasures(deps, context.actor, planIdOf(context), periodQuery(context));
      return { status: 200, body };
    },
  });

  router.post('/api/v1/plans/:planId/my-measures', {
    body: { schema: ReportSchema, invalid: 'bad_report' },
    handle: async (context) => {
      const planId = planIdOf(context);
      const key = context.req.header('Idempotency-Key');
      if (!key || !IDEMPOTENCY_KEY.test(key)) throw new HttpError('idempotency-key-required');
      const { periodId, entries } = context.body;
      const stored = await reportMyMeasures(deps, context.actor, planId, {
        submissionId: `tab:${key}`,
        periodId,
        entries: entries.map((e) => ({
          measureId: e.measureId,
          status: e.status,
          ...(e.comment?.trim() ? { comment: e.comment.trim() } : {}),
          ...(e.value !== undefined ? { value: e.value } : {}),
          ...(e.benefits?.length ? { benefits: e.benefits } : {}),
          ...(e.organisationId ? { organisationId: e.organisationId } : {}),
        })),
      });
      const body: MyReportResponse = stored;
      return { status: stored.alreadyStored ? 200 : 201, body };
    },
  });
}
