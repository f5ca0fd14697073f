/**
 * Reading a request's JSON body, only after the request has been let in (rate limit, sign-in,
 * permission) and only as much as its route allows: the declared length is checked on the headers,
 * the stream is cut off at the limit when no length was declared, and compressed or non-JSON bodies
 * are refused unread (a gzip body would inflate past any limit counted on the wire).
 */
import contentType from 'content-type';
import getRawBody from 'raw-body';
import type { Request } from 'restify';
import { HttpError } from './http-errors';

/**
 * Refuses, on the headers, a body that would not be read anyway: one that is not JSON (a cross-site
 * form cannot send JSON), or compressed. A request without a body passes.
 */
export function refuseUnreadableBody(req: Request): void {
  const type = req.headers['content-type'];
  if ((type !== undefined || hasBody(req)) && !isJson(type)) throw new HttpError('unsupported-media-type');
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') throw new HttpError('unsupported-media-type');
}

function hasBody(req: Request): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

export async function readJsonBody(req: Request, maxBytes: number, lang: string): Promise<unknown> {
  refuseUnreadableBody(req);
  if (!hasBody(req)) return undefined;
  const declared = Number(req.headers['content-length'] ?? NaN);
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const tooLarge = () => new HttpError('body-too-large', { max: formatBytes(maxBytes, lang) });
  if (declared > maxBytes) throw tooLarge();
  let text: string;
  try {
    text = await getRawBody(req, { limit: maxBytes, encoding: 'utf8', ...(chunked ? {} : { length: declared }) });
  } catch (error) {
    if ((error as { type?: string }).type === 'entity.too.large') throw tooLarge();
    throw new HttpError('bad-request');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError('bad-request');
  }
}

function isJson(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  try {
    return contentType.parse(header).type === 'application/json';
  } catch {
    return false;
  }
}

/** "2,5 MB", "256 kB": sizes as the person's language writes them. */
export function formatBytes(bytes: number, lang: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [bytes / 1000, 'kilobyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
