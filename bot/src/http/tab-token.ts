/**
 * Teams SSO for the tab: the tab gets a token with teams-js `authentication.getAuthToken()` and
 * sends it as a Bearer token. A token is accepted only when it is signed by one of Entra ID's
 * published keys (RS256; "none" and HMAC are refused), issued by an allowed tenant, meant for this
 * app, within its validity, and grants the `access_as_user` scope.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { TabSsoSettings } from '../config';

export interface TabUser {
  /** Entra ID object id (oid): the same id the bot sees as aadObjectId. */
  userId: string;
  tenantId: string;
  name?: string;
  /** Entra ID app role values granted to the user ("Tiltak.Coordinator" …). */
  roles: string[];
}

export class TabAuthError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TabAuthError';
  }
}

const REQUIRED_SCOPE = 'access_as_user';
const CLOCK_TOLERANCE_SECONDS = 60;

export type TabTokenValidator = (authorization: string | undefined) => Promise<TabUser>;

export function createTabTokenValidator(settings: TabSsoSettings): TabTokenValidator {
  // Keys are fetched on first use and cached; an unknown key id triggers a refresh (key rollover).
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  const tenants = new Set(settings.tenantIds);

  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new TabAuthError('missing bearer token');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        audience: settings.audiences,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      }));
    } catch (error) {
      throw new TabAuthError(`token rejected: ${(error as Error).message}`);
    }
    const tenantId = String(payload.tid);
    if (!tenants.has(tenantId)) throw new TabAuthError(`tenant ${tenantId} is not allowed`);
    // v2 tokens name the tenant in the issuer; v1 tokens use sts.windows.net. Either must match tid.
    const issuers = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
    if (!issuers.includes(String(payload.iss)))
      throw new TabAuthError(`issuer ${String(payload.iss)} does not match tenant`);
    const scopes = String(payload.scp ?? '').split(' ');
    if (!scopes.includes(REQUIRED_SCOPE)) throw new TabAuthError(`scope ${REQUIRED_SCOPE} missing`);
    return {
      userId: String(payload.oid),
      tenantId,
      ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
      roles: Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [],
    };
  };
}
