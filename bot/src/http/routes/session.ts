/** Who is signed in, how a browser outside Teams signs in, and the dev login's people. */
import type { DevUsersResponse, SessionResponse, SignInResponse } from '../../contract/api-types';
import { importsPlans } from '../../domain/access';
import { HttpError } from '../http-errors';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';

export function registerSessionRoutes(router: Router, deps: TabApiDeps): void {
  // Public: what a browser outside Teams needs to sign in with a redirect (nothing secret).
  router.open('/api/v1/sign-in', async () => {
    const tabAuth = deps.config.tabAuth;
    if (tabAuth.mode !== 'sso' || !tabAuth.sso) throw new HttpError('not-found');
    const body: SignInResponse = tabAuth.sso.signIn;
    return { status: 200, body };
  });

  router.get('/api/v1/session', {
    handle: async ({ actor }) => {
      const body: SessionResponse = {
        mode: deps.config.tabAuth.mode,
        userName: actor.name,
        canImportPlans: importsPlans(actor),
      };
      return { status: 200, body };
    },
  });

  // The dev login's choices: people of the local directory. Only without Entra ID (404 otherwise).
  router.get('/api/v1/dev/users', {
    handle: async () => {
      if (deps.config.tabAuth.mode !== 'dev') throw new HttpError('not-found');
      const people = await deps.directory.listPeople();
      const body: DevUsersResponse = {
        users: people.map((p) => ({ userId: p.userId, name: p.name, roles: p.roles })),
      };
      return { status: 200, body };
    },
  });
}
