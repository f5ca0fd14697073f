/**
 * Security headers on every response. The tab must be framable by Teams (and Outlook and
 * microsoft365.com, which host Teams apps), and by nothing else.
 */
import type { Next, Request, Response } from 'restify';
import { cameOverHttps, type AddressTrust } from './client-address';

/** A year, as browsers' HSTS preload guidance asks; subdomains are left to the municipality's own policy. */
const STRICT_TRANSPORT = 'max-age=31536000';

const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
].join(' ');

function contentSecurityPolicy(signInOrigin: string | undefined): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI styles components by inserting <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // Signing in outside Teams fetches Entra ID's metadata and token endpoints from the page.
    `connect-src 'self'${signInOrigin ? ` ${signInOrigin}` : ''}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${FRAME_ANCESTORS}`,
  ].join('; ');
}

/**
 * The headers, allowing the page to reach `signInAuthority` (Entra ID) when the tab signs in there.
 * Over https (directly, or as a trusted proxy says) browsers are also told to use nothing else.
 */
export function securityHeaders(signInAuthority: string | undefined, trust: AddressTrust) {
  const policy = contentSecurityPolicy(signInAuthority ? new URL(signInAuthority).origin : undefined);
  return (req: Request, res: Response, next: Next): void => {
    if (cameOverHttps(req, trust)) res.header('Strict-Transport-Security', STRICT_TRANSPORT);
    applySecurityHeaders(policy, res, next);
  };
}

function applySecurityHeaders(policy: string, res: Response, next: Next): void {
  res.header('Content-Security-Policy', policy);
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'no-referrer');
  res.header('Cross-Origin-Opener-Policy', 'same-origin');
  res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  next();
}
