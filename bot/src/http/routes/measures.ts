/** One measure: read it for an edit (its ETag names the version), edit it, and its history period by period. */
import { z } from 'zod';
import { editMeasure, readMeasure } from '../../app/edit-measure';
import { getMeasureHistory } from '../../app/measure-history';
import { deleteMeasureFromPlan, moveMeasureInPlan } from '../../app/restructure-plan';
import { BENEFIT_UNITS } from '../../domain/benefit';
import { BENEFIT_TYPES } from '../../domain/plan';
import { HttpError } from '../http-errors';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { planIdOf } from './params';

/** Shapes only: lengths, ranges and the plan's owners are the domain's to check (domain/measure-edit.ts). */
const text = z.string().max(10_000);
const IndicatorSchema = z
  .object({
    kind: z.enum(['deliverable', 'numeric']),
    text,
    unit: text.optional(),
    baseline: z.number().optional(),
    target: z.number().optional(),
    direction: z.enum(['higher', 'lower']).optional(),
    targetDate: text.optional(),
  })
  .strict();
const BenefitSchema = z
  .object({
    type: z.enum(BENEFIT_TYPES),
    text,
    owner: text.optional(),
    unit: z.enum(BENEFIT_UNITS).optional(),
    baseline: text.optional(),
    expectedPerYear: z.number().optional(),
    target: text.optional(),
    firstYear: z.number().int().optional(),
    expectedNok: z.number().optional(),
    realisedNok: z.number().optional(),
  })
  .strict();

export const MeasureFieldsSchema = z
  .object({
    text: text.optional(),
    responsibleText: text.optional(),
    indicatorText: text.optional(),
    indicator: IndicatorSchema.optional(),
    deadline: text.nullable().optional(),
    priority: z.number().nullable().optional(),
    priorityText: text.nullable().optional(),
    sector: text.nullable().optional(),
    appliesTo: z.array(z.string().max(200)).max(50).nullable().optional(),
    benefits: z.array(BenefitSchema).max(BENEFIT_TYPES.length).optional(),
    investmentNok: z.number().nullable().optional(),
    feasibility: text.nullable().optional(),
    quickWin: z.boolean().optional(),
    notes: text.nullable().optional(),
    closed: z.object({ reason: text }).strict().nullable().optional(),
    responsiblePeople: z.array(z.string().min(1).max(100)).max(100).optional(),
  })
  .strict();

export function registerMeasureRoutes(router: Router, deps: TabApiDeps): void {
  router.get('/api/v1/plans/:planId/measures/:measureId', {
    handle: async (context) => {
      const found = await readMeasure(deps, planIdOf(context), context.param('measureId'));
      return { status: 200, body: found, headers: { ETag: found.version } };
    },
  });

  router.patch('/api/v1/plans/:planId/measures/:measureId', {
    body: { schema: MeasureFieldsSchema, invalid: 'bad_edit' },
    handle: async (context) => {
      const planId = planIdOf(context);
      const ifMatch = context.req.header('If-Match');
      if (!ifMatch) throw new HttpError('version-required');
      const saved = await editMeasure(deps, context.actor, planId, context.param('measureId'), context.body, ifMatch);
      return { status: 200, body: saved, headers: { ETag: saved.version } };
    },
  });

  router.post('/api/v1/plans/:planId/measures/:measureId/move', {
    body: { schema: z.object({ goalId: z.string().min(1).max(200) }).strict(), invalid: 'bad_edit' },
    handle: async (context) => {
      const ifMatch = context.req.header('If-Match');
      if (!ifMatch) throw new HttpError('version-required');
      const { planId, measureId } = { planId: planIdOf(context), measureId: context.param('measureId') };
      const saved = await moveMeasureInPlan(deps, context.actor, planId, measureId, context.body.goalId, ifMatch);
      return { status: 200, body: saved, headers: { ETag: saved.version } };
    },
  });

  router.del('/api/v1/plans/:planId/measures/:measureId', {
    handle: async (context) => {
      const ifMatch = context.req.header('If-Match');
      if (!ifMatch) throw new HttpError('version-required');
      await deleteMeasureFromPlan(deps, context.actor, planIdOf(context), context.param('measureId'), ifMatch);
      return { status: 204 };
    },
  });

  router.get('/api/v1/plans/:planId/measures/:measureId/history', {
    handle: async (context) => ({
      status: 200,
      body: await getMeasureHistory(deps, context.actor, planIdOf(context), context.param('measureId')),
    }),
  });
}
