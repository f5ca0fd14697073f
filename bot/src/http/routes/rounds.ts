/** A plan's reminder round: start it, follow it, nudge, pause/resume/cancel, move its dates. */
import { z } from 'zod';
import {
  changeRoundState,
  nudgeNonResponders,
  rescheduleRound,
  roundProgress,
  startRound,
} from '../../app/reminder-rounds';
import { DomainError } from '../../domain/errors';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { planIdOf } from './params';

const ScheduleSchema = z
  .object({ firstAt: z.iso.datetime(), secondAt: z.iso.datetime(), escalateAt: z.iso.datetime() })
  .strict();
const StateSchema = z.object({ state: z.enum(['running', 'paused', 'cancelled']) });

export function registerRoundRoutes(router: Router, deps: TabApiDeps): void {
  router.post('/api/v1/plans/:planId/rounds', {
    handle: async (context) => {
      const round = await startRound(deps, context.actor, planIdOf(context));
      deps.onRoundChanged(round.id);
      return { status: 201, body: round };
    },
  });

  router.get('/api/v1/plans/:planId/rounds/latest', {
    handle: async (context) => {
      const progress = await roundProgress(deps, context.actor, planIdOf(context));
      if (!progress) throw new DomainError('unknown-round');
      return { status: 200, body: progress };
    },
  });

  router.post('/api/v1/plans/:planId/rounds/latest/nudge', {
    handle: async (context) => {
      const planId = planIdOf(context);
      const added = await nudgeNonResponders(deps, context.actor, planId);
      const round = await deps.rounds.latestRound(planId);
      if (round) deps.onRoundChanged(round.id);
      return { status: 200, body: { added } };
    },
  });

  router.post('/api/v1/plans/:planId/rounds/latest/state', {
    body: { schema: StateSchema, invalid: 'bad_state' },
    handle: async (context) => {
      const round = await changeRoundState(deps, context.actor, planIdOf(context), context.body.state);
      deps.onRoundChanged(round.id);
      return { status: 200, body: round };
    },
  });

  router.put('/api/v1/plans/:planId/rounds/latest/schedule', {
    body: { schema: ScheduleSchema, invalid: 'bad_schedule' },
    handle: async (context) => {
      const round = await rescheduleRound(deps, context.actor, planIdOf(context), context.body);
      deps.onRoundChanged(round.id);
      return { status: 200, body: round };
    },
  });
}
