/**
 * The tab's JSON API under /api/v1. In local development (no Entra ID configured) it is open, but
 * only to callers on this machine. With Entra ID configured it demands a Teams SSO token; until
 * token validation lands it fails closed and answers 401 to every call.
 */
import type { Next, Request, Response, Server } from 'restify';
import type { Config } from '../config';
import { isLoopback } from '../config';
import { getGoalTable, listPlanSummaries } from '../app/get-goal-table';
import type { Clock, PlanRepository, StatusReportRepository } from '../app/ports';
import { DomainError } from '../domain/errors';
import type { ApiError, PlansResponse, SessionResponse } from './api-types';

export interface TabApiDeps {
  config: Pick<Config, 'tabAuth'>;
  plans: PlanRepository;
  reports: StatusReportRepository;
  clock: Clock;
}

const PLAN_ID = /^[a-z0-9-]{1,100}$/;
const PERIOD_ID = /^\d{4}-(?:\d{2}|T[1-3]|Q[1-4])$/;

export function registerTabApi(server: Server, deps: TabApiDeps): void {
  const guard = accessGuard(deps.config.tabAuth);

  server.get('/api/v1/session', guard, (_req: Request, res: Response, next: Next) => {
    const body: SessionResponse = { mode: deps.config.tabAuth.mode };
    res.send(200, body);
    next();
  });

  server.get('/api/v1/plans', guard, async (_req: Request, res: Response) => {
    const body: PlansResponse = { plans: await listPlanSummaries(deps) };
    res.send(200, body);
  });

  server.get('/api/v1/plans/:planId/goal-table', guard, async (req: Request, res: Response) => {
    const planId = String(req.params.planId ?? '');
    const period = typeof req.query?.period === 'string' ? req.query.period : undefined;
    if (!PLAN_ID.test(planId)) return sendError(res, 400, 'bad_plan_id', 'The plan id is not valid.');
    if (period !== undefined && !PERIOD_ID.test(period)) {
      return sendError(res, 400, 'bad_period', 'The period is not valid (e.g. 2027-01, 2026-T2, 2026-Q3).');
    }
    try {
      res.send(200, await getGoalTable(deps, planId, period));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'unknown-plan') {
        return sendError(res, 404, 'plan_not_found', 'No plan with that id.');
      }
      if (error instanceof DomainError && error.code === 'unknown-period') {
        return sendError(res, 400, 'bad_period', 'The plan has no such period.');
      }
      throw error;
    }
  });
}

export function accessGuard(tabAuth: Config['tabAuth']) {
  return (req: Request, res: Response, next: Next): void => {
    if (tabAuth.mode === 'sso') {
      sendError(
        res,
        401,
        'sign_in_required',
        'Sign-in with Teams SSO is required (token validation is not enabled in this version).',
      );
      next(false);
      return;
    }
    if (!isLoopback(req.socket.remoteAddress ?? '')) {
      sendError(res, 403, 'loopback_only', 'Without sign-in configured, the API answers only on this machine.');
      next(false);
      return;
    }
    next();
  };
}

function sendError(res: Response, status: number, error: string, message: string): void {
  const body: ApiError = { error, message };
  res.send(status, body);
}
