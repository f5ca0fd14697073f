/**
 * What keeps a web page in the developer's own browser from using the open API of local
 * development: requests must be addressed to this machine by a loopback name (a page that rebinds
 * its own DNS name to 127.0.0.1 sends its name as Host), and a state-changing request from a browser
 * must come from the service's own pages (Origin, or Sec-Fetch-Site where Origin is absent).
 */
import type { Request } from 'restify';
import { isLoopback } from '../config';
import { HttpError } from './http-errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function refuseForeignRequests(req: Request): void {
  const host = req.headers.host ?? '';
  if (!isLoopback(hostName(host))) throw new HttpError('foreign-host');
  if (SAFE_METHODS.has(req.method ?? 'GET')) return;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (!sameOrigin(origin, host)) throw new HttpError('cross-site');
    return;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError('cross-site');
}

/** "127.0.0.1:3978" → "127.0.0.1", "[::1]:3978" → "::1", "localhost" → "localhost". */
function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return (colon >= 0 ? host.slice(0, colon) : host).toLowerCase();
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.host === host.toLowerCase();
  } catch {
    return false;
  }
}
