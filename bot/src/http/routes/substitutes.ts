/** Substitutes (stedfortredere) of a plan: who answers for whom, when. */
import { z } from 'zod';
import { listSubstitutes, removeSubstitute, setSubstitute, substituteCandidates } from '../../app/substitutes';
import type { SubstitutesResponse } from '../../contract/api-types';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { planIdOf } from './params';

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const SubstituteSchema = z
  .object({ absentId: z.string().min(1).max(100), substituteId: z.string().min(1).max(100), from: DAY, to: DAY })
  .strict();

export function registerSubstituteRoutes(router: Router, deps: TabApiDeps): void {
  router.get('/api/v1/plans/:planId/substitutes', {
    handle: async (context) => {
      const planId = planIdOf(context);
      const body: SubstitutesResponse = {
        substitutes: await listSubstitutes(deps, context.actor, planId),
        people: await substituteCandidates(deps, planId),
      };
      return { status: 200, body };
    },
  });

  router.post('/api/v1/plans/:planId/substitutes', {
    body: { schema: SubstituteSchema, invalid: 'bad_substitute' },
    handle: async (context) => ({
      status: 201,
      body: await setSubstitute(deps, context.actor, planIdOf(context), context.body),
    }),
  });

  router.del('/api/v1/plans/:planId/substitutes/:substituteId', {
    handle: async (context) => {
      await removeSubstitute(deps, context.actor, planIdOf(context), context.param('substituteId'));
      return { status: 204 };
    },
  });
}
