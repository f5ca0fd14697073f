/**
 * One restify server for every face of the service: the Bot Framework endpoint, the tab's JSON API,
 * the built tab, and health checks.
 */
import type { Activity, ActivityHandler } from 'botbuilder';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import restify from 'restify';
import type { TiltakCloudAdapter } from '../adapters/teams/cloud-adapter';
import type { Config } from '../config';
import { StoreBusyError } from '../app/ports';
import { inTenantScope } from '../app/tenant-scope';
import type { ApiError } from './api-types';
import { registerTabApi, type TabApiDeps } from './tab-api';
import { securityHeaders } from './security-headers';

export interface ServerDeps extends TabApiDeps {
  /** Whether plans are kept apart per tenant (a deployment for several tenants). */
  tenantScoped?: boolean;
  config: Pick<Config, 'tabDistDir' | 'tabAuth'>;
  logger: Logger;
  adapter: TiltakCloudAdapter;
  bot: ActivityHandler;
  isReady: () => boolean;
  rateLimits?: RateLimits;
}

/** Activities are small; an uploaded plan (base64) is the largest body. Still a cap against floods. */
const MAX_BODY_BYTES = 2.5 * 1024 * 1024;

/**
 * Per-caller rate limits on the public endpoints (token buckets keyed by client address): far above
 * what a person or Teams sends, low enough that a flood from one address gets 429 before it costs
 * token validation, database reads or workbook parsing. Behind a reverse proxy every caller has the
 * proxy's address: give the proxy its own limits there.
 */
export const RATE_LIMITS: RateLimits = {
  botEndpoint: { burst: 200, rate: 100 },
  tabApi: { burst: 60, rate: 20 },
};

export interface RateLimits {
  botEndpoint: { burst: number; rate: number };
  tabApi: { burst: number; rate: number };
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'tiltak', handleUncaughtExceptions: false });
  const tabAuth = deps.config.tabAuth;
  server.use(securityHeaders(tabAuth.mode === 'sso' ? tabAuth.sso?.signIn.authority : undefined));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES, rejectUnknown: true }));

  const limits = deps.rateLimits ?? RATE_LIMITS;
  server.post('/api/messages', throttle(limits.botEndpoint), async (req, res) => handleActivity(deps, req, res));
  registerTabApi(server, deps, throttle(limits.tabApi));

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.get('/readyz', (_req, res, next) => {
    const ready = deps.isReady();
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    next();
  });
  registerTab(server, deps.config.tabDistDir);
  server.on('restifyError', storeBusy);
  return server;
}

/**
 * The store asked for a longer wait than a person should sit through (SharePoint throttling for
 * minutes): the tab is told at once, with when to try again, instead of a 500 or a hanging request.
 */
function storeBusy(_req: restify.Request, res: restify.Response, err: unknown, done: () => void): void {
  if (err instanceof StoreBusyError && !res.headersSent) {
    const seconds = Math.ceil(err.retryAfterMs / 1000);
    res.header('Retry-After', String(seconds));
    const body: ApiError = {
      error: 'store_busy',
      message: `SharePoint is busy; nothing was changed. Try again in ${Math.ceil(seconds / 60)} min.`,
    };
    res.send(503, body);
  }
  done();
}

/**
 * Runs one activity through the bot. Authentication failures must answer 401: botbuilder throws
 * several error types for them (a bad signature surfaces as a plain Error), so any failure before
 * the bot's logic starts is treated as an authentication failure.
 */
async function handleActivity(deps: ServerDeps, req: restify.Request, res: restify.Response): Promise<void> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
    res.send(400, { error: 'bad_request', message: 'The body must be a Bot Framework activity.' });
    return;
  }
  const activity = body as Activity;
  const log = deps.logger.child({ requestId: req.id(), activityId: activity.id, activityType: activity.type });
  let logicStarted = false;
  try {
    const invokeResponse = await deps.adapter.handleActivity(
      req.header('authorization') ?? '',
      activity,
      async (context) => {
        logicStarted = true;
        // The turn runs as the activity's tenant: a card can reach only that tenant's plans.
        const tenant = context.activity.conversation?.tenantId ?? tenantOf(context.activity);
        await inTenantScope(deps.tenantScoped ? tenant : undefined, () => deps.bot.run(context));
      },
    );
    res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
  } catch (error) {
    if (!logicStarted) {
      log.warn({ reason: (error as Error).message }, 'rejected an activity that failed authentication');
      res.send(401, { error: 'unauthorized' });
      return;
    }
    log.error({ err: error }, 'the bot failed on an activity');
    res.send(500, { error: 'internal_error' });
  }
}

function tenantOf(activity: Activity): string | undefined {
  const id = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return typeof id === 'string' ? id : undefined;
}

function throttle(limit: { burst: number; rate: number }): restify.RequestHandler {
  return restify.plugins.throttle({ ...limit, ip: true, setHeaders: true });
}

function registerTab(server: restify.Server, tabDistDir: string): void {
  server.get('/', (_req, res, next) => {
    res.redirect(302, '/tab/', next);
  });
  server.get('/tab', (_req, res, next) => {
    res.redirect(301, '/tab/', next);
  });
  const serveFiles = restify.plugins.serveStaticFiles(tabDistDir, {
    setHeaders: (response: { setHeader(name: string, value: string): void }, path: string) => {
      // Built assets carry a content hash in their names; index.html must always be fresh.
      response.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  } as never);
  server.get('/tab/*', (req, res, next) => {
    if (!existsSync(join(tabDistDir, 'index.html'))) {
      res.send(503, { error: 'tab_not_built', message: 'The tab is not built: run `npm run build:tab`.' });
      next();
      return;
    }
    serveFiles(req, res, next);
  });
}
