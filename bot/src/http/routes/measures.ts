/** One measure: read it for an edit (its ETag names the version), edit it, and its history period by period. */
import { z } from 'zod';
import { editMeasure, readMeasure } from '../../app/edit-measure';
import { getMeasureHistory } from '../../app/measure-history';
import { HttpError } from '../http-errors';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { planIdOf } from './params';

const MeasureEditSchema = z
  .object({
    text: z.string().optional(),
    responsibleText: z.string().optional(),
    indicatorText: z.string().optional(),
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
    body: { schema: MeasureEditSchema, invalid: 'bad_edit' },
    handle: async (context) => {
      const planId = planIdOf(context);
      const ifMatch = context.req.header('If-Match');
      if (!ifMatch) throw new HttpError('version-required');
      const saved = await editMeasure(deps, context.actor, planId, context.param('measureId'), context.body, ifMatch);
      return { status: 200, body: saved, headers: { ETag: saved.version } };
    },
  });

  router.get('/api/v1/plans/:planId/measures/:measureId/history', {
    handle: async (context) => ({
      status: 200,
      body: await getMeasureHistory(deps, context.actor, planIdOf(context), context.param('measureId')),
    }),
  });
}
