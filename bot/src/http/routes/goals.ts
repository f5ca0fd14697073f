/** A plan's goals: a new goal, a new measure under a goal, and the numbers the tab offers for them. */
import { z } from 'zod';
import { addGoalToPlan, addMeasureToPlan, proposeNumbers } from '../../app/restructure-plan';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { planIdOf } from './params';

const text = z.string().max(10_000);
const NewMeasureSchema = z.object({ number: text, text, responsibleText: text.optional() }).strict();
const NewGoalSchema = z.object({ parentId: z.string().min(1).max(200).optional(), number: text, text }).strict();

export function registerGoalRoutes(router: Router, deps: TabApiDeps): void {
  router.get('/api/v1/plans/:planId/goals/:goalId/proposal', {
    handle: async (context) => ({
      status: 200,
      body: await proposeNumbers(deps, context.actor, planIdOf(context), context.param('goalId')),
    }),
  });

  router.post('/api/v1/plans/:planId/goals/:goalId/measures', {
    body: { schema: NewMeasureSchema, invalid: 'bad_edit' },
    handle: async (context) => {
      const saved = await addMeasureToPlan(
        deps,
        context.actor,
        planIdOf(context),
        context.param('goalId'),
        context.body,
      );
      return { status: 201, body: saved, headers: { ETag: saved.version } };
    },
  });

  router.post('/api/v1/plans/:planId/goals', {
    body: { schema: NewGoalSchema, invalid: 'bad_edit' },
    handle: async (context) => {
      const { parentId, ...goal } = context.body;
      return { status: 201, body: await addGoalToPlan(deps, context.actor, planIdOf(context), parentId, goal) };
    },
  });
}
