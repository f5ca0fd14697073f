/**
 * Refusals that belong to HTTP itself (sign-in, the request's origin, its size and type, rate
 * limits), in the same shape as the domain's table (domain/errors.ts): status, API code, log level,
 * message key. Thrown as HttpError by the request checks and mapped with everything else in
 * error-response.ts.
 */
import type { ErrorMeaning } from '../domain/errors';

export type HttpErrorCode =
  | 'sign-in-required'
  | 'loopback-only'
  | 'foreign-host'
  | 'cross-site'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'bad-request'
  | 'not-found'
  | 'method-not-allowed'
  | 'refused'
  | 'version-required'
  | 'idempotency-key-required'
  | 'changed-by-someone-else'
  | 'too-many-requests'
  | 'tab-not-built'
  | 'store-busy'
  | 'internal';

export const HTTP_ERRORS = {
  'sign-in-required': { status: 401, api: 'sign_in_required', log: 'info', message: 'tab.signInRequired' },
  'loopback-only': { status: 403, api: 'loopback_only', log: 'warn', message: 'error.loopback-only' },
  'foreign-host': { status: 403, api: 'foreign_host', log: 'warn', message: 'error.foreign-host' },
  'cross-site': { status: 403, api: 'cross_site', log: 'warn', message: 'error.cross-site' },
  'unsupported-media-type': {
    status: 415,
    api: 'unsupported_media_type',
    log: 'info',
    message: 'error.unsupported-media-type',
  },
  'body-too-large': { status: 413, api: 'body_too_large', log: 'warn', message: 'error.body-too-large' },
  'bad-request': { status: 400, api: 'bad_request', log: 'info', message: 'error.bad-request' },
  'not-found': { status: 404, api: 'not_found', log: 'info', message: 'error.not-found' },
  'method-not-allowed': { status: 405, api: 'method_not_allowed', log: 'info', message: 'error.bad-request' },
  /** A refusal restify makes itself with a status of its own (403 for a path outside the tab, 416 for a range). */
  refused: { status: 400, api: 'refused', log: 'info', message: 'error.bad-request' },
  'version-required': { status: 428, api: 'version_required', log: 'info', message: 'error.version-required' },
  'idempotency-key-required': {
    status: 428,
    api: 'idempotency_key_required',
    log: 'info',
    message: 'error.idempotency-key-required',
  },
  'changed-by-someone-else': {
    status: 412,
    api: 'changed_by_someone_else',
    log: 'info',
    message: 'error.changed-by-someone-else',
  },
  'too-many-requests': { status: 429, api: 'too_many_requests', log: 'debug', message: 'error.too-many-requests' },
  'store-busy': { status: 503, api: 'store_busy', log: 'warn', message: 'error.store-busy' },
  'tab-not-built': { status: 503, api: 'tab_not_built', log: 'warn', message: 'error.tab-not-built' },
  internal: { status: 500, api: 'internal_error', log: 'warn', message: 'error.internal' },
} as const satisfies Record<HttpErrorCode, ErrorMeaning>;

export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    /** Values for the message. */
    readonly params: Record<string, string | number> = {},
    /**
     * What the response carries besides the standard body: a more specific API code for the
     * route (an invalid schedule is `bad_schedule`), extra body fields, headers.
     */
    readonly extra: { api?: string; body?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'HttpError';
  }
}
