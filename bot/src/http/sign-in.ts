/**
 * Who is calling the tab API, decided on the request's headers alone. Local development (no Entra ID
 * configured): anyone on this machine, as the developer or as the person the dev login picked, and
 * nobody else. With Entra ID: a valid Teams SSO token, or nothing — a deployment whose tab app is not
 * configured refuses every call rather than opening up.
 */
import type { Logger } from 'pino';
import type { Request } from 'restify';
import type { Directory } from '../app/ports';
import type { Config } from '../config';
import { isLoopback } from '../config';
import { actorOf, appRolesFromClaims, type Actor } from '../domain/access';
import { HttpError } from './http-errors';
import type { TabTokenValidator } from './tab-token';

export interface SignedIn {
  actor: Actor;
  /** The tenant whose plans the request may see; undefined where the deployment keeps none apart. */
  tenantScope?: string;
}

export type Authenticate = (req: Request) => Promise<SignedIn>;

/** In local development a caller on this machine is the developer, with every role… */
const LOCAL_DEVELOPER: Actor = {
  userId: 'local-developer',
  name: 'Lokal utvikler',
  appRoles: ['coordinator', 'leader'],
};
/** …unless the tab's dev login picked a person of the directory (honoured in dev mode only). */
const DEV_USER_HEADER = 'x-tiltak-dev-user';

export function createAuthenticate(deps: {
  tabAuth: Config['tabAuth'];
  directory: Directory;
  logger: Logger;
  validateTabToken?: TabTokenValidator;
}): Authenticate {
  const { tabAuth, directory, validateTabToken, logger } = deps;
  if (tabAuth.mode === 'dev') {
    return async (req) => {
      refuseUnlessLoopback(req);
      const devUser = req.header(DEV_USER_HEADER);
      const person = devUser ? await directory.findPerson(devUser) : undefined;
      return { actor: person ? actorOf(person) : LOCAL_DEVELOPER };
    };
  }
  // The first tenant allowed to sign in is the home tenant: plans stored without a tenant are its.
  const homeTenant = tabAuth.sso?.tenantIds[0];
  return async (req) => {
    if (!validateTabToken) throw signInRequired();
    let user;
    try {
      user = await validateTabToken(req.header('authorization'));
    } catch (error) {
      logger.info({ reason: (error as Error).message }, 'refused a tab token');
      throw signInRequired();
    }
    const person = await directory.findPerson(user.userId);
    const tenantId = user.tenantId === homeTenant ? undefined : user.tenantId;
    return {
      actor: {
        userId: user.userId,
        name: user.name ?? person?.name ?? user.userId,
        appRoles: appRolesFromClaims(user.roles),
        ...(person ? { person } : {}),
        ...(tenantId ? { tenantId } : {}),
      },
      tenantScope: user.tenantId,
    };
  };
}

/** Without sign-in configured the API answers only callers on this machine. */
export function refuseUnlessLoopback(req: Request): void {
  if (!isLoopback(req.socket.remoteAddress ?? '')) throw new HttpError('loopback-only');
}

function signInRequired(): HttpError {
  return new HttpError('sign-in-required', {}, { headers: { 'WWW-Authenticate': 'Bearer' } });
}
