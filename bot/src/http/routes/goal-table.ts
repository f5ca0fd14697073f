/** The goal table of a plan for a period, and the ledermøte's overview of it. */
import { goalTableFor } from '../../app/get-goal-table';
import { overviewFor } from '../../app/get-overview';
import type { GoalTableResponse, OverviewResponse } from '../../contract/api-types';
import { HttpError } from '../http-errors';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { filterQuery, isPlanId, periodQuery, planIdOf } from './params';

export function registerGoalTableRoutes(router: Router, deps: TabApiDeps): void {
  router.get('/api/v1/plans/:planId/goal-table', {
    handle: async (context) => {
      const planId = context.param('planId');
      if (!isPlanId(planId)) throw new HttpError('bad-request', {}, { api: 'bad_plan_id' });
      const body: GoalTableResponse = await goalTableFor(deps, context.actor, planId, periodQuery(context));
      return { status: 200, body };
    },
  });

  router.get('/api/v1/plans/:planId/overview', {
    handle: async (context) => {
      const body: OverviewResponse = await overviewFor(
        deps,
        context.actor,
        planIdOf(context),
        periodQuery(context),
        filterQuery(context),
      );
      return { status: 200, body };
    },
  });
}
