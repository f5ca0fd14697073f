/** The leadership meeting's decisions and follow-ups on a measure: recorded by leaders and coordinators, read by all. */
import { z } from 'zod';
import { listDecisions, recordDecision } from '../../app/decisions';
import type { DecisionsResponse } from '../../contract/api-types';
import { DECISION_KINDS, MAX_ASSIGNEE_TEXT, MAX_DECISION_TEXT } from '../../domain/decision';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { periodQuery, planIdOf } from './params';

// Lengths are bounded here only loosely (whitespace is trimmed before the domain's own limits apply).
const DecisionSchema = z
  .object({
    kind: z.enum(DECISION_KINDS),
    text: z.string().max(MAX_DECISION_TEXT * 2),
    assignee: z
      .string()
      .max(MAX_ASSIGNEE_TEXT * 2)
      .optional(),
    assigneeId: z.string().min(1).max(100).optional(),
    dueDate: z.string().max(10).optional(),
    // Checked against the plan's own periods by the use case.
    periodId: z.string().min(1).max(20).optional(),
  })
  .strict();

export function registerDecisionRoutes(router: Router, deps: TabApiDeps): void {
  router.get('/api/v1/plans/:planId/measures/:measureId/decisions', {
    handle: async (context) => {
      const period = periodQuery(context);
      const body: DecisionsResponse = {
        decisions: await listDecisions(deps, context.actor, planIdOf(context), {
          measureId: context.param('measureId'),
          ...(period ? { periodId: period } : {}),
        }),
      };
      return { status: 200, body };
    },
  });

  router.post('/api/v1/plans/:planId/measures/:measureId/decisions', {
    body: { schema: DecisionSchema, invalid: 'bad_decision' },
    handle: async (context) => ({
      status: 201,
      body: await recordDecision(deps, context.actor, planIdOf(context), context.param('measureId'), context.body),
    }),
  });
}
