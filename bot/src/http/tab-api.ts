/**
 * The tab's JSON API under /api/v1. In local development (no Entra ID configured) it is open, but
 * only to callers on this machine. With Entra ID configured it demands a Teams SSO token; until
 * token validation lands it fails closed and answers 401 to every call.
 */
import type { Next, Request, RequestHandler, Response, Server } from 'restify';
import { z } from 'zod';
import { uploadedPlanParser } from '../adapters/files/import-messages';
import { writeBlankTemplate, writePlanWorkbook } from '../adapters/files/workbook-writer';
import { checkUpload } from './upload-schema';
import {
  confirmPlanImport,
  PlanFileError,
  previewPlanImport,
  type ImportChoices,
  type PlanFacts,
  type PlanImportDeps,
} from '../app/plan-import';
import type { TabTokenValidator, TabUser } from './tab-token';
import type { Config } from '../config';
import { isLoopback } from '../config';
import { getGoalTable, listPlanSummaries } from '../app/get-goal-table';
import type {
  AuditLog,
  Clock,
  Directory,
  IdGenerator,
  PlanRepository,
  RoundStore,
  StatusReportRepository,
  PeriodLockStore,
  ReportArchive,
  SubstituteStore,
} from '../app/ports';
import { listSubstitutes, removeSubstitute, setSubstitute } from '../app/substitutes';
import { getOverview } from '../app/get-overview';
import { inTenantScope } from '../app/tenant-scope';
import { getMeasureHistory } from '../app/measure-history';
import { isOver, lockPeriod, periodReport, reopenPeriod, type PeriodReportDeps } from '../app/period-report';
import { measuresOwnedBy } from '../domain/permissions';
import {
  changeRoundState,
  nudgeNonResponders,
  rescheduleRound,
  roundProgress,
  startRound,
} from '../app/reminder-rounds';
import { planAuditTrail } from '../app/audit-trail';
import { planForExport } from '../app/export-plan';
import { editMeasure, readMeasure } from '../app/edit-measure';
import { ConcurrentChangeError } from '../app/ports';
import { appRolesFromClaims, can, importsPlans, type Actor } from '../domain/access';
import { DomainError } from '../domain/errors';
import type {
  ApiError,
  AuditResponse,
  DevUsersResponse,
  GoalTableResponse,
  PlansResponse,
  SessionResponse,
  OverviewResponse,
  SignInResponse,
  SubstitutesResponse,
} from '../contract/api-types';

export interface TabApiDeps {
  config: Pick<Config, 'tabAuth'>;
  directory: Directory;
  audit: AuditLog;
  ids: IdGenerator;
  /** Present when Teams SSO is configured. */
  validateTabToken?: TabTokenValidator;
  plans: PlanRepository;
  reports: StatusReportRepository;
  rounds: RoundStore;
  substitutes: SubstituteStore;
  locks: PeriodLockStore;
  renderReport: PeriodReportDeps['renderReport'];
  archive?: ReportArchive;
  /** A round was started or changed: the runner looks at it now. */
  onRoundChanged: (roundId: string) => void;
  clock: Clock;
}

const PLAN_ID = /^[a-z0-9-]{1,100}$/;
const ScheduleSchema = z
  .object({ firstAt: z.iso.datetime(), secondAt: z.iso.datetime(), escalateAt: z.iso.datetime() })
  .strict();
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const SubstituteSchema = z
  .object({ absentId: z.string().min(1).max(100), substituteId: z.string().min(1).max(100), from: DAY, to: DAY })
  .strict();
const MeasureEditSchema = z
  .object({ text: z.string().optional(), responsibleText: z.string().optional(), indicatorText: z.string().optional() })
  .strict();
const PERIOD_ID = /^\d{4}-(?:\d{2}|T[1-3]|Q[1-4])$/;

export function registerTabApi(server: Server, deps: TabApiDeps, rateLimit: RequestHandler): void {
  const guard = [rateLimit, accessGuard(deps.config.tabAuth, deps.validateTabToken)];

  // Public: what a browser outside Teams needs to sign in with a redirect (nothing secret).
  server.get('/api/v1/sign-in', rateLimit, async (_req: Request, res: Response) => {
    const tabAuth = deps.config.tabAuth;
    if (tabAuth.mode !== 'sso' || !tabAuth.sso) return sendError(res, 404, 'not_found', 'No sign-in is configured.');
    const body: SignInResponse = tabAuth.sso.signIn;
    res.send(200, body);
  });

  server.get('/api/v1/session', guard, async (req: Request, res: Response) => {
    const actor = await actorFor(req, deps);
    const body: SessionResponse = {
      mode: deps.config.tabAuth.mode,
      userName: actor.name,
      canImportPlans: importsPlans(actor),
    };
    res.send(200, body);
  });

  // The dev login's choices: people of the local directory. Only without Entra ID (404 otherwise).
  server.get('/api/v1/dev/users', guard, async (_req: Request, res: Response) => {
    if (deps.config.tabAuth.mode !== 'dev') return sendError(res, 404, 'not_found', 'Not available.');
    const people = await deps.directory.listPeople();
    const body: DevUsersResponse = { users: people.map((p) => ({ userId: p.userId, name: p.name, roles: p.roles })) };
    res.send(200, body);
  });

  server.get('/api/v1/plans', guard, async (_req: Request, res: Response) => {
    const body: PlansResponse = { plans: await listPlanSummaries(deps) };
    res.send(200, body);
  });

  server.get('/api/v1/template.xlsx', guard, async (_req: Request, res: Response) => {
    sendWorkbook(res, 'tiltak-mal.xlsx', await writeBlankTemplate());
  });

  server.get('/api/v1/plans/:planId/export.xlsx', guard, async (req: Request, res: Response) => {
    const planId = String(req.params.planId ?? '');
    if (!PLAN_ID.test(planId)) return sendError(res, 404, 'plan_not_found', 'No plan with that id.');
    try {
      const { plan, periodId, reports } = await planForExport(deps, await actorFor(req, deps), planId);
      sendWorkbook(res, `${plan.id}.xlsx`, await writePlanWorkbook(plan, { status: { periodId, reports } }));
    } catch (error) {
      if (isForbidden(error)) return sendForbidden(res);
      if (error instanceof DomainError && error.code === 'unknown-plan')
        return sendError(res, 404, 'plan_not_found', 'No plan with that id.');
      throw error;
    }
  });

  // Importing a plan: preview first (nothing saved), then confirm (the file is parsed again).
  server.post('/api/v1/imports/preview', guard, async (req: Request, res: Response) =>
    withUpload(req, res, deps, async ({ importDeps, fileName, content, facts, choices }) => {
      res.send(200, await previewPlanImport(importDeps, await actorFor(req, deps), fileName, content, facts, choices));
    }),
  );

  server.post('/api/v1/plans', guard, async (req: Request, res: Response) =>
    withUpload(req, res, deps, async ({ importDeps, fileName, content, facts, choices, replace }) => {
      try {
        const actor = await actorFor(req, deps);
        const saved = await confirmPlanImport(importDeps, actor, fileName, content, facts, { replace, choices });
        res.send(saved.outcome === 'created' ? 201 : 200, saved);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'plan-exists')) throw error;
        sendError(res, 409, 'plan_exists', 'A plan with this id exists; confirm to replace it (its reports are kept).');
      }
    }),
  );

  // The audit trail of a plan, for its coordinators.
  server.get('/api/v1/plans/:planId/audit', guard, async (req: Request, res: Response) => {
    const planId = String(req.params.planId ?? '');
    if (!PLAN_ID.test(planId)) return sendError(res, 404, 'plan_not_found', 'No plan with that id.');
    try {
      const body: AuditResponse = { entries: await planAuditTrail(deps, await actorFor(req, deps), planId) };
      res.send(200, body);
    } catch (error) {
      if (isForbidden(error)) return sendForbidden(res);
      if (error instanceof DomainError && error.code === 'unknown-plan')
        return sendError(res, 404, 'plan_not_found', 'No plan with that id.');
      throw error;
    }
  });

  // One measure, for a coordinator's edit: the ETag names the version an edit must start from.
  server.get('/api/v1/plans/:planId/measures/:measureId', guard, async (req: Request, res: Response) => {
    const planId = String(req.params.planId ?? '');
    if (!PLAN_ID.test(planId)) return sendError(res, 404, 'plan_not_found', 'No plan with that id.');
    try {
      const found = await readMeasure(deps, planId, String(req.params.measureId ?? ''));
      res.header('ETag', found.version);
      res.send(200, found);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'unknown-measure')
        return sendError(res, 404, 'measure_not_found', 'No such measure.');
      throw error;
    }
  });

  server.patch('/api/v1/plans/:planId/measures/:measureId', guard, async (req: Request, res: Response) => {
    const planId = String(req.params.planId ?? '');
    if (!PLAN_ID.test(planId)) return sendError(res, 404, 'plan_not_found', 'No plan with that id.');
    const ifMatch = req.header('If-Match');
    if (!ifMatch)
      return sendError(res, 428, 'version_required', 'Send If-Match with the ETag of the version you edited.');
    const edit = MeasureEditSchema.safeParse(req.body);
    if (!edit.success) return sendError(res, 400, 'bad_edit', 'The edit is not valid.');
    try {
      const actor = await actorFor(req, deps);
      const saved = await editMeasure(deps, actor, planId, String(req.params.measureId ?? ''), edit.data, ifMatch);
      res.header('ETag', saved.version);
      res.send(200, saved);
    } catch (error) {
      if (error instanceof ConcurrentChangeError) {
        res.header('ETag', error.current.version);
        res.send(412, {
          error: 'changed_by_someone_else',
          message: 'Someone else changed this measure; here is the new version.',
          current: error.current,
        });
        return;
      }
      if (isForbidden(error)) return sendForbidden(res);
      if (error instanceof DomainError && error.code === 'unknown-measure')
        return sendError(res, 404, 'measure_not_found', 'No such measure.');
      if (error instanceof DomainError && error.code === 'invalid-edit')
        return sendError(res, 400, 'bad_edit', `The field ${String(error.params.field)} is empty or too long.`);
      throw error;
    }
  });

  // Reminder rounds and substitutes: what a coordinator steers for a plan (leaders look on).
  const planRoute =
    (handler: (req: Request, res: Response, planId: string, actor: Actor) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const planId = String(req.params.planId ?? '');
      if (!PLAN_ID.test(planId)) return sendError(res, 404, 'plan_not_found', 'No plan with that id.');
      try {
        await handler(req, res, planId, await actorFor(req, deps));
      } catch (error) {
        if (isForbidden(error)) return sendForbidden(res);
        if (error instanceof DomainError && error.code === 'unknown-plan')
          return sendError(res, 404, 'plan_not_found', 'No plan with that id.');
        if (error instanceof DomainError && error.code === 'unknown-round')
          return sendError(res, 404, 'no_round', 'The plan has no reminder round.');
        if (error instanceof DomainError && error.code === 'invalid-schedule')
          return sendError(res, 400, 'bad_schedule', 'The steps must be dates in order: first, second, escalation.');
        if (error instanceof DomainError && error.code === 'round-open')
          return sendError(res, 409, 'round_open', 'The plan already has an open round for this period.');
        if (error instanceof DomainError && error.code === 'round-closed')
          return sendError(res, 409, 'round_closed', 'The round is cancelled or done.');
        if (error instanceof DomainError && error.code === 'invalid-substitute') {
          const problem = String(error.params.problem);
          return void res.send(400, {
            error: 'bad_substitute',
            message: `The substitute is not valid: ${problem}.`,
            problem,
          });
        }
        if (error instanceof DomainError && error.code === 'unknown-substitute')
          return sendError(res, 404, 'substitute_not_found', 'No such substitute for this plan.');
        if (error instanceof DomainError && error.code === 'unknown-period')
          return sendError(res, 400, 'bad_period', 'The plan has no such period, or it has not begun.');
        if (error instanceof DomainError && error.code === 'unknown-measure')
          return sendError(res, 404, 'measure_not_found', 'No such measure.');
        if (error instanceof DomainError && error.code === 'period-locked')
          return sendError(res, 409, 'period_locked', 'The period is locked already.');
        if (error instanceof DomainError && error.code === 'period-running')
          return sendError(
            res,
            409,
            'period_running',
            'The period is still running: lock it once its deadline has passed.',
          );
        if (error instanceof DomainError && error.code === 'period-not-locked')
          return sendError(res, 409, 'period_not_locked', 'The period is not locked.');
        if (error instanceof DomainError && error.code === 'reason-required')
          return sendError(res, 400, 'reason_required', 'Say why the period is reopened (at most 500 characters).');
        throw error;
      }
    };

  server.post(
    '/api/v1/plans/:planId/rounds',
    guard,
    planRoute(async (_req, res, planId, actor) => {
      const round = await startRound(deps, actor, planId);
      deps.onRoundChanged(round.id);
      res.send(201, round);
    }),
  );

  server.get(
    '/api/v1/plans/:planId/rounds/latest',
    guard,
    planRoute(async (_req, res, planId, actor) => {
      const progress = await roundProgress(deps, actor, planId);
      if (!progress) return sendError(res, 404, 'no_round', 'The plan has no reminder round.');
      res.send(200, progress);
    }),
  );

  server.post(
    '/api/v1/plans/:planId/rounds/latest/nudge',
    guard,
    planRoute(async (_req, res, planId, actor) => {
      const added = await nudgeNonResponders(deps, actor, planId);
      const round = await deps.rounds.latestRound(planId);
      if (round) deps.onRoundChanged(round.id);
      res.send(200, { added });
    }),
  );

  server.post(
    '/api/v1/plans/:planId/rounds/latest/state',
    guard,
    planRoute(async (req, res, planId, actor) => {
      const state = (req.body as { state?: unknown } | undefined)?.state;
      if (state !== 'running' && state !== 'paused' && state !== 'cancelled') {
        return sendError(res, 400, 'bad_state', 'state must be running, paused or cancelled.');
      }
      const round = await changeRoundState(deps, actor, planId, state);
      deps.onRoundChanged(round.id);
      res.send(200, round);
    }),
  );

  server.put(
    '/api/v1/plans/:planId/rounds/latest/schedule',
    guard,
    planRoute(async (req, res, planId, actor) => {
      const body = ScheduleSchema.safeParse(req.body);
      if (!body.success)
        return sendError(res, 400, 'bad_schedule', 'Send firstAt, secondAt and escalateAt as ISO instants.');
      const round = await rescheduleRound(deps, actor, planId, body.data);
      deps.onRoundChanged(round.id);
      res.send(200, round);
    }),
  );

  server.get(
    '/api/v1/plans/:planId/substitutes',
    guard,
    planRoute(async (_req, res, planId, actor) => {
      const substitutes = await listSubstitutes(deps, actor, planId);
      const plan = await deps.plans.getPlan(planId);
      if (!plan) return sendError(res, 404, 'plan_not_found', 'No plan with that id.');
      const people = (await deps.directory.listPeople())
        .map((p) => ({ userId: p.userId, name: p.name, responsible: measuresOwnedBy(p, plan).length > 0 }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
      const body: SubstitutesResponse = { substitutes, people };
      res.send(200, body);
    }),
  );

  server.post(
    '/api/v1/plans/:planId/substitutes',
    guard,
    planRoute(async (req, res, planId, actor) => {
      const input = SubstituteSchema.safeParse(req.body);
      if (!input.success)
        return sendError(res, 400, 'bad_substitute', 'Send absentId, substituteId, from and to (YYYY-MM-DD).');
      res.send(201, await setSubstitute(deps, actor, planId, input.data));
    }),
  );

  server.del(
    '/api/v1/plans/:planId/substitutes/:substituteId',
    guard,
    planRoute(async (req, res, planId, actor) => {
      await removeSubstitute(deps, actor, planId, String(req.params.substituteId ?? ''));
      res.send(204);
    }),
  );

  // The ledermøte's overview, a measure's history, closing a period and the council's report.
  const periodQuery = (req: Request): string | undefined => {
    const period = typeof req.query?.period === 'string' ? req.query.period : undefined;
    if (period !== undefined && !PERIOD_ID.test(period)) throw new DomainError('unknown-period');
    return period;
  };

  server.get(
    '/api/v1/plans/:planId/overview',
    guard,
    planRoute(async (req, res, planId, actor) => {
      const overview = await getOverview(deps, actor, planId, periodQuery(req));
      // getOverview has read the plan (and checked who may see it): its locks need no second read.
      const lock = (await deps.locks.listLocks(planId)).find((l) => l.periodId === overview.period.id);
      const body: OverviewResponse = {
        ...overview,
        ...(lock ? { lock } : {}),
        permissions: { lock: can(actor, 'edit-plan', planId) },
        lockable: isOver(overview.period, deps.clock.now()),
      };
      res.send(200, body);
    }),
  );

  server.get(
    '/api/v1/plans/:planId/measures/:measureId/history',
    guard,
    planRoute(async (req, res, planId, actor) => {
      res.send(200, await getMeasureHistory(deps, actor, planId, String(req.params.measureId ?? '')));
    }),
  );

  server.post(
    '/api/v1/plans/:planId/periods/:periodId/lock',
    guard,
    planRoute(async (req, res, planId, actor) => {
      res.send(201, await lockPeriod(deps, actor, planId, String(req.params.periodId ?? '')));
    }),
  );

  server.post(
    '/api/v1/plans/:planId/periods/:periodId/reopen',
    guard,
    planRoute(async (req, res, planId, actor) => {
      const reason = (req.body as { reason?: unknown } | undefined)?.reason;
      await reopenPeriod(
        deps,
        actor,
        planId,
        String(req.params.periodId ?? ''),
        typeof reason === 'string' ? reason : '',
      );
      res.send(200, { reopened: true });
    }),
  );

  for (const format of ['xlsx', 'pdf'] as const) {
    server.get(
      `/api/v1/plans/:planId/report.${format}`,
      guard,
      planRoute(async (req, res, planId, actor) => {
        const report = await periodReport(deps, actor, planId, periodQuery(req), format);
        // A report of a period still open says so in its name as well as on its cover.
        const name = `${planId}-${report.periodId}${report.frozen ? '' : '-forelopig'}.${format}`;
        sendFile(res, name, report.bytes, format === 'xlsx' ? XLSX_TYPE : 'application/pdf');
      }),
    );
  }

  server.get('/api/v1/plans/:planId/goal-table', guard, async (req: Request, res: Response) => {
    const planId = String(req.params.planId ?? '');
    const period = typeof req.query?.period === 'string' ? req.query.period : undefined;
    if (!PLAN_ID.test(planId)) return sendError(res, 400, 'bad_plan_id', 'The plan id is not valid.');
    if (period !== undefined && !PERIOD_ID.test(period)) {
      return sendError(res, 400, 'bad_period', 'The period is not valid (e.g. 2027-01, 2026-T2, 2026-Q3).');
    }
    try {
      const actor = await actorFor(req, deps);
      const table = await getGoalTable(deps, planId, period);
      const body: GoalTableResponse = {
        ...table,
        permissions: {
          export: can(actor, 'export-plan', planId),
          replace: can(actor, 'replace-plan', planId),
          edit: can(actor, 'edit-plan', planId),
          rounds: can(actor, 'export-plan', planId),
        },
      };
      res.send(200, body);
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

/**
 * Who may call the tab API. Local development (no Entra ID configured): anyone on this machine,
 * nobody else. With Entra ID: a valid Teams SSO token, or nothing — a deployment whose tab app is
 * not configured refuses every call rather than opening up.
 */
export function accessGuard(tabAuth: Config['tabAuth'], validate?: TabTokenValidator) {
  return (req: Request, res: Response, next: Next): void => {
    if (tabAuth.mode === 'dev') {
      if (isLoopback(req.socket.remoteAddress ?? '')) return next();
      sendError(res, 403, 'loopback_only', 'Without sign-in configured, the API answers only on this machine.');
      return next(false);
    }
    const refuse = (): void => {
      res.header('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'sign_in_required', 'Sign in with Teams (single sign-on) to use the tab.');
      next(false);
    };
    if (!validate) return refuse();
    validate(req.header('authorization')).then(
      (user) => {
        signedInUsers.set(req, user);
        // The rest of the request runs as the user's tenant: other tenants' plans are not there.
        inTenantScope(user.tenantId, () => next());
      },
      (error: unknown) => {
        req.log?.info?.({ reason: (error as Error).message }, 'refused a tab token');
        refuse();
      },
    );
  };
}

/** In local development a caller on this machine is the developer, with every role… */
const LOCAL_DEVELOPER: Actor = {
  userId: 'local-developer',
  name: 'Lokal utvikler',
  appRoles: ['coordinator', 'leader'],
};
/** …unless the tab's dev login picked a person of the directory (honoured in dev mode only). */
const DEV_USER_HEADER = 'x-tiltak-dev-user';

/** Who is calling: in SSO mode the token's user with their roles; in dev mode the picked person or the developer. */
async function actorFor(req: Request, deps: TabApiDeps): Promise<Actor> {
  const user = signedInUser(req);
  if (!user) {
    const devUser = deps.config.tabAuth.mode === 'dev' ? req.header(DEV_USER_HEADER) : undefined;
    const person = devUser ? await deps.directory.findPerson(devUser) : undefined;
    return person ? { userId: person.userId, name: person.name, appRoles: [], person } : LOCAL_DEVELOPER;
  }
  const person = await deps.directory.findPerson(user.userId);
  return {
    userId: user.userId,
    name: user.name ?? person?.name ?? user.userId,
    appRoles: appRolesFromClaims(user.roles),
    ...(person ? { person } : {}),
  };
}

/** The signed-in user of a request that passed the guard in SSO mode. */
const signedInUsers = new WeakMap<Request, TabUser>();

export function signedInUser(req: Request): TabUser | undefined {
  return signedInUsers.get(req);
}

interface Upload {
  importDeps: PlanImportDeps;
  fileName: string;
  content: Buffer;
  facts: PlanFacts;
  choices: ImportChoices;
  replace: boolean;
}

/** Validates an uploaded plan file, runs `handle` on it, and answers a refused file with its problems (422). */
async function withUpload(
  req: Request,
  res: Response,
  deps: TabApiDeps,
  handle: (upload: Upload) => Promise<void>,
): Promise<void> {
  const checked = checkUpload(req.body);
  if (!checked.ok) return void res.send(checked.status, checked.body);
  const { fileName, facts, choices, replace } = checked.upload;
  const parse = uploadedPlanParser(checked.lang, {
    log: (detail) => req.log.warn({ detail }, 'import: reader failed'),
  });
  try {
    await handle({
      importDeps: { plans: deps.plans, reports: deps.reports, clock: deps.clock, ids: deps.ids, parse },
      fileName,
      content: checked.content,
      facts,
      choices,
      replace,
    });
  } catch (error) {
    // Async handlers must return nothing: restify logs any value they return (here, the whole response).
    if (error instanceof PlanFileError) {
      res.send(422, { error: 'import_failed', problems: error.problems });
      return;
    }
    if (isForbidden(error)) return sendForbidden(res);
    throw error;
  }
}

function isForbidden(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'forbidden';
}

function sendForbidden(res: Response): void {
  sendError(
    res,
    403,
    'forbidden',
    "Only the plan's coordinator (importing and replacing) or a leader (exporting) may do this.",
  );
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendWorkbook(res: Response, fileName: string, workbook: Buffer): void {
  sendFile(res, fileName, workbook, XLSX_TYPE);
}

function sendFile(res: Response, fileName: string, bytes: Buffer, contentType: string): void {
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Content-Length': bytes.length,
  });
  res.end(bytes);
}

function sendError(res: Response, status: number, error: string, message: string): void {
  const body: ApiError = { error, message };
  res.send(status, body);
}
