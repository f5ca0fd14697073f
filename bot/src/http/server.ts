/**
 * One restify server for every face of the service: the Bot Framework endpoint, the tab's JSON API,
 * the built tab, and health checks. Nothing reads a request's body before the request is let in:
 * there is no server-wide body parser; each route reads its own, after its checks (router.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import restify from 'restify';
import type { BotEndpoint } from '../adapters/teams/bot-endpoint';
import type { Config } from '../config';
import { clientAddress, rateKeyOf, trustProxies } from './client-address';
import { errorResponse } from './error-response';
import { HttpError } from './http-errors';
import { readJsonBody } from './json-body';
import { refuseForeignRequests } from './local-only';
import { requestLanguage, Router, sendFailure } from './router';
import { registerTabApi, type TabApiDeps } from './routes';
import { securityHeaders } from './security-headers';
import { createAuthenticate } from './sign-in';
import type { TabTokenValidator } from './tab-token';
import { createThrottle, type Limit } from './throttle';

export interface ServerDeps extends TabApiDeps {
  config: Pick<Config, 'tabDistDir' | 'tabAuth' | 'http'>;
  logger: Logger;
  /** POST /api/messages, as the Teams adapter serves it. */
  bot: BotEndpoint;
  /** Present when Teams SSO is configured. */
  validateTabToken?: TabTokenValidator;
  isReady: () => boolean;
  rateLimits?: RateLimits;
}

/**
 * An activity is small: a status card's answer is a few kilobytes, one with a long comment on each of
 * 40 measures some 200 KB. Far above that is an attack, refused on the Content-Length header.
 */
export const MAX_ACTIVITY_BYTES = 512_000;

/**
 * Rate limits: far above what a person or Teams sends, low enough that a flood gets 429 before it
 * costs a token check, a database read or a workbook parse. The tab API counts per signed-in person
 * (`tabApi`) after counting per address (`perAddress`, generous: a town hall shares one address).
 */
export const RATE_LIMITS: RateLimits = {
  botEndpoint: { burst: 200, rate: 100 },
  tabApi: { burst: 60, rate: 20 },
  perAddress: { burst: 600, rate: 200 },
};

export interface RateLimits {
  botEndpoint: Limit;
  tabApi: Limit;
  /** Defaults to ten times `tabApi`. */
  perAddress?: Limit;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'tiltak', handleUncaughtExceptions: false });
  const { tabAuth, http } = deps.config;
  const trust = trustProxies(http.trustedProxies);
  const localOnly = tabAuth.mode === 'dev';
  server.use(securityHeaders(tabAuth.mode === 'sso' ? tabAuth.sso?.signIn.authority : undefined, trust));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // What restify answers by itself (no such route, a method it does not take) speaks our error shape.
  server.on('restifyError', (req: restify.Request, res: restify.Response, error: Error, callback: () => void) => {
    const answer = errorResponse(error, requestLanguage(req));
    if (answer.log === 'error') deps.logger.error({ err: error, url: req.url }, 'a request failed in restify');
    // JSON whatever the path asked for (a static file's error would otherwise be written as text).
    res.setHeader('Content-Type', 'application/json');
    if (!req.complete) res.setHeader('Connection', 'close');
    const body = JSON.stringify(answer.body);
    Object.assign(error, { statusCode: answer.status, toJSON: () => answer.body, toString: () => body });
    callback();
  });

  const limits = deps.rateLimits ?? RATE_LIMITS;
  const botThrottle = createThrottle(limits.botEndpoint);
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    try {
      await botThrottle(req, res, rateKeyOf(clientAddress(req, trust)));
      // Without Bot Framework authentication anything is taken: only from this machine's own.
      if (!deps.bot.authenticationOn) refuseForeignRequests(req);
      const authorization = req.header('authorization') ?? '';
      const header = await deps.bot.checkHeader(authorization);
      if (header !== 'accepted') {
        res.header('Connection', 'close');
        res.send(header === 'refused' ? 401 : 503, { error: header === 'refused' ? 'unauthorized' : 'unavailable' });
        return;
      }
      const body = await readJsonBody(req, MAX_ACTIVITY_BYTES, 'en');
      const reply = await deps.bot.process(authorization, body, req.id());
      res.send(reply.status, reply.body);
    } catch (error) {
      sendFailure(deps.logger, req, res, error, 'en');
    }
  });

  const tabApi = limits.tabApi;
  const router = new Router({
    server,
    logger: deps.logger,
    authenticate: createAuthenticate({
      tabAuth,
      logger: deps.logger,
      directory: deps.directory,
      ...(deps.validateTabToken ? { validateTabToken: deps.validateTabToken } : {}),
    }),
    addressThrottle: createThrottle(limits.perAddress ?? { burst: tabApi.burst * 10, rate: tabApi.rate * 10 }, {
      setHeaders: false,
    }),
    personThrottle: createThrottle(tabApi),
    trustProxies: trust,
    localOnly,
  });
  registerTabApi(router, deps);

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.get('/readyz', (_req, res, next) => {
    const ready = deps.isReady();
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    next();
  });
  registerTab(server, deps.config.tabDistDir, deps.logger);
  return server;
}

function registerTab(server: restify.Server, tabDistDir: string, logger: Logger): void {
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
      sendFailure(logger, req, res, new HttpError('tab-not-built'), requestLanguage(req));
      next();
      return;
    }
    serveFiles(req, res, next);
  });
}
