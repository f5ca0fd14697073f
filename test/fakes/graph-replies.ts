/** What the Graph stand-in's parts answer, in Graph's error shape (https://learn.microsoft.com/graph/errors). */
import { randomUUID } from 'node:crypto';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export function ok(body: unknown, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers, body };
}

/** "The error resource is returned whenever an error occurs": code, message, innerError with date and request-id. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers,
    body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } } },
  };
}
