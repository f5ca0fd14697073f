/**
 * The Graph endpoint for installing a Teams app in a user's personal scope, as documented:
 * POST /users/{id}/teamwork/installedApps with `teamsApp@odata.bind` pointing at the organisation's
 * app catalog → 201 with no body; 409 Conflict when the app is already installed; 404 for an
 * unknown user or catalog app; 403 where the tenant's app permission policy keeps the app from the
 * user. Part of the Graph stand-in; the Bot Connector stand-in asks it who has the app.
 */
export interface InstallReply {
  status: number;
  body?: unknown;
}

export class TeamsAppInstallations {
  /** Apps in the organisation's catalog, by catalog id. */
  readonly catalog = new Set<string>();
  /** Users known to the tenant (Entra ID object ids). */
  readonly users = new Set<string>();
  /** Users an app permission policy keeps from installing anything of ours. */
  readonly blockedFor = new Set<string>();
  /** Per user, the catalog apps installed in their personal scope. */
  readonly installed = new Map<string, Set<string>>();
  /** Every installation request, in order: user id and status answered. */
  readonly requests: { userId: string; status: number }[] = [];

  hasApp(userId: string): boolean {
    return (this.installed.get(userId)?.size ?? 0) > 0;
  }

  /** Answers /users/… requests; undefined for paths this endpoint does not serve. */
  route(method: string, path: string, body: unknown): InstallReply | undefined {
    const match = /^\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
    if (!match) return undefined;
    const userId = decodeURIComponent(match[1] ?? '');
    const reply = this.install(method, userId, body);
    this.requests.push({ userId, status: reply.status });
    return reply;
  }

  private install(method: string, userId: string, body: unknown): InstallReply {
    if (method === 'GET') {
      const apps = [...(this.installed.get(userId) ?? [])];
      return { status: 200, body: { value: apps.map((id) => ({ id: `${userId}##${id}`, teamsApp: { id } })) } };
    }
    if (method !== 'POST') return failure(405, 'MethodNotAllowed', 'The method is not allowed.');
    const bind = (body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    const appId = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
    if (!appId) return failure(400, 'BadRequest', 'teamsApp@odata.bind is required.');
    if (!this.users.has(userId)) return failure(404, 'NotFound', `User ${userId} not found.`);
    if (!this.catalog.has(appId)) return failure(404, 'NotFound', `App ${appId} not found in the catalog.`);
    if (this.blockedFor.has(userId))
      return failure(403, 'Forbidden', 'The app is blocked by the app permission policy for this user.');
    const apps = this.installed.get(userId) ?? new Set<string>();
    if (apps.has(appId)) return failure(409, 'Conflict', 'App is already installed.');
    apps.add(appId);
    this.installed.set(userId, apps);
    return { status: 201 };
  }
}

function failure(status: number, code: string, message: string): InstallReply {
  return { status, body: { error: { code, message } } };
}
