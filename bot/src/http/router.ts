/**
 * How every route of the tab API is served, in an order that spends nothing on a request before it
 * is let in: the caller's address is rate-limited, then the caller signed in (headers only), then
 * rate-limited as that person, then (local development) checked to come from this machine's own
 * pages, then asked whether they may use the route at all — and only then is the body read, as JSON,
 * up to the route's size. Handlers throw; error-response.ts turns whatever they throw into the answer.
 */
import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { inTenantScope } from '../app/tenant-scope';
import type { Actor } from '../domain/access';
import { DomainError } from '../domain/errors';
import { languageFromLocale, type Language } from '../i18n';
import { clientAddress, rateKeyOf, type AddressTrust } from './client-address';
import { errorResponse } from './error-response';
import { HttpError } from './http-errors';
import { formatBytes, readJsonBody, refuseUnreadableBody } from './json-body';
import { refuseForeignRequests } from './local-only';
import type { Authenticate } from './sign-in';
import type { Throttle } from './throttle';

/** A JSON body is at most this large unless its route says otherwise: forms, edits, card answers. */
export const DEFAULT_MAX_BODY_BYTES = 64_000;
/** What a route without a body still takes: the empty object a client may send. */
const NO_BODY_BYTES = 1_000;

export interface RouteContext<Body> {
  req: Request;
  actor: Actor;
  /** The caller's language (Accept-Language), for messages. */
  lang: Language;
  body: Body;
  /** A path parameter, as a string ('' when absent). */
  param(name: string): string;
  /** A query parameter, when it is a single string. */
  query(name: string): string | undefined;
}

/** What a handler answers: JSON with a status, or a file to download. */
export type Reply =
  { status: number; body?: unknown; headers?: Record<string, string> } | { file: Buffer; name: string; type: string };

export interface RouteSpec<Body> {
  /** Whether the signed-in caller may use the route at all, decided before the body is read (403). */
  allow?: (actor: Actor) => boolean;
  /** The route's JSON body: its schema, its largest size, and the API code when it does not fit. */
  body?: { schema: z.ZodType<Body>; maxBytes?: number; invalid?: string };
  handle(context: RouteContext<Body>): Promise<Reply>;
}

export interface RouterDeps {
  server: Server;
  logger: Logger;
  authenticate: Authenticate;
  /** Keyed on the caller's address, before sign-in. */
  addressThrottle: Throttle;
  /** Keyed on the signed-in person. */
  personThrottle: Throttle;
  trustProxies: AddressTrust;
  /** Local development: requests must come from this machine's own pages. */
  localOnly: boolean;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'del';

export class Router {
  constructor(private readonly deps: RouterDeps) {}

  get<Body = undefined>(path: string, spec: RouteSpec<Body>): void {
    this.add('get', path, spec);
  }
  post<Body = undefined>(path: string, spec: RouteSpec<Body>): void {
    this.add('post', path, spec);
  }
  put<Body = undefined>(path: string, spec: RouteSpec<Body>): void {
    this.add('put', path, spec);
  }
  patch<Body = undefined>(path: string, spec: RouteSpec<Body>): void {
    this.add('patch', path, spec);
  }
  del<Body = undefined>(path: string, spec: RouteSpec<Body>): void {
    this.add('del', path, spec);
  }

  /** A route anyone may call (what a browser needs before it can sign in): rate-limited, nothing more. */
  open(path: string, handle: (lang: Language) => Promise<Reply>): void {
    this.deps.server.get(path, async (req: Request, res: Response) => {
      const lang = requestLanguage(req);
      try {
        await this.deps.addressThrottle(req, res, rateKeyOf(clientAddress(req, this.deps.trustProxies)));
        send(res, await handle(lang));
      } catch (error) {
        this.fail(req, res, error, lang);
      }
    });
  }

  private add<Body>(method: Method, path: string, spec: RouteSpec<Body>): void {
    this.deps.server[method](path, async (req: Request, res: Response) => {
      const lang = requestLanguage(req);
      try {
        await this.deps.addressThrottle(req, res, rateKeyOf(clientAddress(req, this.deps.trustProxies)));
        if (this.deps.localOnly) refuseForeignRequests(req);
        const { actor, tenantScope } = await this.deps.authenticate(req);
        await this.deps.personThrottle(req, res, `person:${actor.userId}`);
        if (spec.allow && !spec.allow(actor)) throw new DomainError('forbidden');
        const body = await readBody(req, spec, lang);
        const context: RouteContext<Body> = {
          req,
          actor,
          lang,
          body,
          param: (name) => String((req.params as Record<string, unknown> | undefined)?.[name] ?? ''),
          query: (name) => {
            const value = (req.query as Record<string, unknown> | undefined)?.[name];
            return typeof value === 'string' ? value : undefined;
          },
        };
        // The rest of the request runs as the caller's tenant: other tenants' plans are not there.
        send(res, await inTenantScope(tenantScope, () => spec.handle(context)));
      } catch (error) {
        this.fail(req, res, error, lang);
      }
    });
  }

  private fail(req: Request, res: Response, error: unknown, lang: Language): void {
    sendFailure(this.deps.logger, req, res, error, lang);
  }
}

/** Answers a failed request as error-response.ts says, and logs it at its level (with the stack when unexpected). */
export function sendFailure(logger: Logger, req: Request, res: Response, error: unknown, lang: Language): void {
  const answer = errorResponse(error, lang);
  const log = logger.child({ requestId: req.id(), method: req.method, route: req.getRoute()?.path });
  if (answer.log === 'error') log.error({ err: error }, 'a request failed');
  else log[answer.log]({ status: answer.status, code: answer.body.error }, 'refused a request');
  if (res.headersSent) return;
  // A refused request whose body was never read: close rather than read the rest of it for nothing.
  if (!req.complete) res.header('Connection', 'close');
  for (const [name, value] of Object.entries(answer.headers)) res.header(name, value);
  res.send(answer.status, answer.body);
}

async function readBody<Body>(req: Request, spec: RouteSpec<Body>, lang: Language): Promise<Body> {
  // Whatever a route takes, a body it would not read is refused on its headers.
  refuseUnreadableBody(req);
  if (!spec.body) {
    // Nothing is read on a route without a body, but a large one would still be received in full
    // after the answer: refused instead (the tab sends at most "{}").
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > NO_BODY_BYTES || req.headers['transfer-encoding'] !== undefined)
      throw new HttpError('body-too-large', { max: formatBytes(NO_BODY_BYTES, lang) });
    return undefined as Body;
  }
  const raw = await readJsonBody(req, spec.body.maxBytes ?? DEFAULT_MAX_BODY_BYTES, lang);
  const parsed = spec.body.schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), problem: i.code }));
    throw new HttpError(
      'bad-request',
      {},
      { ...(spec.body.invalid ? { api: spec.body.invalid } : {}), body: { issues } },
    );
  }
  return parsed.data;
}

function send(res: Response, reply: Reply): void {
  if ('file' in reply) {
    res.writeHead(200, {
      'Content-Type': reply.type,
      'Content-Disposition': `attachment; filename="${reply.name}"`,
      'Content-Length': reply.file.length,
    });
    res.end(reply.file);
    return;
  }
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.header(name, value);
  if (reply.body === undefined) res.send(reply.status);
  else res.send(reply.status, reply.body);
}

/** The caller's language from the first tag of Accept-Language ("nn-NO,nb;q=0.8" → nynorsk). */
export function requestLanguage(req: Request): Language {
  const first = String(req.headers['accept-language'] ?? '').split(',')[0];
  return languageFromLocale(first?.split(';')[0]?.trim());
}
