/** Closing a period (its report frozen) and opening it again with a reason. */
import { z } from 'zod';
import { lockPeriod, reopenPeriod } from '../../app/period-report';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { planIdOf } from './params';

const ReopenSchema = z.object({ reason: z.string().max(10_000).default('') });

export function registerPeriodRoutes(router: Router, deps: TabApiDeps): void {
  router.post('/api/v1/plans/:planId/periods/:periodId/lock', {
    handle: async (context) => ({
      status: 201,
      body: await lockPeriod(deps, context.actor, planIdOf(context), context.param('periodId')),
    }),
  });

  router.post('/api/v1/plans/:planId/periods/:periodId/reopen', {
    body: { schema: ReopenSchema, invalid: 'reason_required' },
    handle: async (context) => {
      await reopenPeriod(deps, context.actor, planIdOf(context), context.param('periodId'), context.body.reason);
      return { status: 200, body: { reopened: true } };
    },
  });
}
