/** A plan's audit trail, for its coordinators. */
import { planAuditTrail } from '../../app/audit-trail';
import type { AuditResponse } from '../../contract/api-types';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { planIdOf } from './params';

export function registerAuditRoutes(router: Router, deps: TabApiDeps): void {
  router.get('/api/v1/plans/:planId/audit', {
    handle: async (context) => {
      const body: AuditResponse = { entries: await planAuditTrail(deps, context.actor, planIdOf(context)) };
      return { status: 200, body };
    },
  });
}
