/**
 * The one place where a failure becomes an HTTP answer: domain errors and HTTP refusals through
 * their tables, a concurrent edit (of a measure or a revision) with the version stored now, a refused plan file with its located
 * problems, and everything else as a 500 that says nothing about the service's insides (the log
 * gets the details).
 */
import { PlanFileError } from '../app/plan-import';
import { ConcurrentChangeError, DraftChangedError, StoreBusyError } from '../app/ports';
import type { ApiError } from '../contract/api-types';
import { DomainError, meaningOf, type ErrorMeaning } from '../domain/errors';
import { t, type Language } from '../i18n';
import { HTTP_ERRORS, HttpError } from './http-errors';

export interface ErrorResponse {
  status: number;
  body: (ApiError | { error: string; problems: unknown }) & Record<string, unknown>;
  headers: Record<string, string>;
  /** How the failure is logged: a refusal at its level, an unexpected failure as an error with its stack. */
  log: ErrorMeaning['log'] | 'error';
}

export function errorResponse(error: unknown, lang: Language): ErrorResponse {
  const answer = (
    meaning: ErrorMeaning,
    params: Record<string, string | number>,
    extra: { api?: string; body?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ): ErrorResponse => ({
    status: meaning.status,
    body: { error: extra.api ?? meaning.api, message: t(lang, meaning.message, params), ...extra.body },
    headers: extra.headers ?? {},
    log: meaning.log,
  });

  if (error instanceof HttpError) return answer(HTTP_ERRORS[error.code], error.params, error.extra);
  if (error instanceof DomainError) {
    // A substitute refused for a reason the tab names in its own words ("same person", "past dates").
    const body = error.code === 'invalid-substitute' ? { problem: String(error.params.problem ?? '') } : undefined;
    return answer(meaningOf(error.code), error.params, body ? { body } : {});
  }
  if (error instanceof ConcurrentChangeError) {
    return answer(
      HTTP_ERRORS['changed-by-someone-else'],
      {},
      { body: { current: error.current }, headers: { ETag: error.current.version } },
    );
  }
  if (error instanceof DraftChangedError) {
    // A revision changed, adopted or discarded by someone else: its version now, if it is still there.
    const version = error.current?.version;
    return answer(
      HTTP_ERRORS['changed-by-someone-else'],
      {},
      { body: { current: version ?? null }, headers: version ? { ETag: version } : {} },
    );
  }
  if (error instanceof StoreBusyError) {
    // The store asked for a longer wait than a person should sit through: say when to come back.
    const seconds = Math.ceil(error.retryAfterMs / 1000);
    return answer(
      HTTP_ERRORS['store-busy'],
      { minutes: Math.ceil(seconds / 60) },
      { headers: { 'Retry-After': String(seconds) } },
    );
  }
  if (error instanceof PlanFileError) {
    // The tab says in its own words that nothing was saved; the problems are the message.
    return { status: 422, body: { error: 'import_failed', problems: error.problems }, headers: {}, log: 'info' };
  }
  // What restify refuses by itself keeps its 4xx status (a scanner's odd paths are not our faults).
  const status = restifyStatus(error);
  if (status === 404) return answer(HTTP_ERRORS['not-found'], {});
  if (status === 405) return answer(HTTP_ERRORS['method-not-allowed'], {});
  if (status === 429) return answer(HTTP_ERRORS['too-many-requests'], {});
  if (status !== undefined && status >= 400 && status < 500) return { ...answer(HTTP_ERRORS.refused, {}), status };
  return { ...answer(HTTP_ERRORS.internal, {}), log: 'error' };
}

/** Errors restify raises itself (an unknown route, its throttle) carry their status. */
function restifyStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
