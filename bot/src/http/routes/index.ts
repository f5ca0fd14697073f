/**
 * The tab's JSON API under /api/v1, one router per resource. In local development (no Entra ID
 * configured) it is open, but only to this machine's own pages; with Entra ID it demands a Teams SSO
 * token (router.ts says in which order a request is checked).
 */
import type { Router } from '../router';
import { registerAuditRoutes } from './audit';
import { registerDecisionRoutes } from './decisions';
import type { TabApiDeps } from './deps';
import { registerGoalRoutes } from './goals';
import { registerGoalTableRoutes } from './goal-table';
import { registerImportRoutes } from './imports';
import { registerMeasureRoutes } from './measures';
import { registerMyMeasureRoutes } from './my-measures';
import { registerPeriodRoutes } from './periods';
import { registerPlanRoutes } from './plans';
import { registerReportRoutes } from './reports';
import { registerRevisionRoutes } from './revision';
import { registerRoundRoutes } from './rounds';
import { registerSessionRoutes } from './session';
import { registerSubstituteRoutes } from './substitutes';

export type { TabApiDeps } from './deps';

export function registerTabApi(router: Router, deps: TabApiDeps): void {
  registerSessionRoutes(router, deps);
  registerPlanRoutes(router, deps);
  registerImportRoutes(router, deps);
  registerGoalTableRoutes(router, deps);
  registerMeasureRoutes(router, deps);
  registerMyMeasureRoutes(router, deps);
  registerDecisionRoutes(router, deps);
  registerGoalRoutes(router, deps);
  registerRoundRoutes(router, deps);
  registerSubstituteRoutes(router, deps);
  registerPeriodRoutes(router, deps);
  registerReportRoutes(router, deps);
  registerAuditRoutes(router, deps);
  registerRevisionRoutes(router, deps);
}
