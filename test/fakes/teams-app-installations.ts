/**
 * The Graph endpoint for installing a Teams app in a user's personal scope, as documented
 * (https://learn.microsoft.com/graph/api/userteamwork-post-installedapps): POST
 * /users/{id}/teamwork/installedApps with `teamsApp@odata.bind` pointing at the organisation's app
 * catalog → "201 Created … does not return anything in the response body"; 409 Conflict when the
 * app is already installed; 404 for an unknown user or catalog app; 403 where the tenant's app
 * permission policy keeps the app from the user.
 *
 * Permissions: TeamsAppInstallation.ReadWriteSelfForUser.All lets an app "read, install, upgrade,
 * and uninstall itself" (https://learn.microsoft.com/graph/permissions-reference): itself being
 * the Teams app whose manifest's webApplicationInfo.id is the calling Entra app
 * (https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages:
 * "webApplicationInfo … id: your Microsoft Entra app ID"). Any other app is refused with 403; the
 * documentation gives no code for it, so the answer is the same Forbidden a policy gives.
 * TeamsAppInstallation.ReadWriteForUser.All reaches every app. Part of the Graph stand-in; the Bot
 * Connector stand-in asks it who has the app.
 */
import type { GraphClaims } from './graph-tokens';

export interface InstallReply {
  status: number;
  body?: unknown;
}

export interface CatalogApp {
  /** The manifest's webApplicationInfo.id: the Entra app that may install it with …SelfForUser. */
  webApplicationInfoId: string;
  /** Its manifest's resource-specific permissions (authorization.permissions.resourceSpecific), granted with each installation. */
  resourceSpecific?: string[];
}

export class TeamsAppInstallations {
  /** Apps in the organisation's catalog, by catalog id. */
  readonly catalog = new Map<string, CatalogApp>();
  /** Users known to the tenant (Entra ID object ids). */
  readonly users = new Set<string>();
  /**
   * Users of other tenants, by object id: Graph answers for the token's tenant's directory only,
   * so a token of another tenant (the home tenant's, in a multi-tenant deployment) finds no such
   * user (404, as for someone unknown). Users not named here are in whichever tenant calls.
   */
  readonly tenantOf = new Map<string, string>();
  /** Users an app permission policy keeps from installing anything of ours. */
  readonly blockedFor = new Set<string>();
  /** Per user, the catalog apps installed in their personal scope. */
  readonly installed = new Map<string, Set<string>>();
  /** Every installation request, in order: user id and status answered. */
  readonly requests: { userId: string; status: number }[] = [];

  hasApp(userId: string): boolean {
    return (this.installed.get(userId)?.size ?? 0) > 0;
  }

  /** Answers /users/…/teamwork/installedApps; undefined for paths this endpoint does not serve. */
  route(method: string, path: string, body: unknown, caller: GraphClaims): InstallReply | undefined {
    const match = /^\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
    if (!match) return undefined;
    const userId = decodeURIComponent(match[1] ?? '');
    const reply = this.install(method, userId, body, caller);
    this.requests.push({ userId, status: reply.status });
    return reply;
  }

  private install(method: string, userId: string, body: unknown, caller: GraphClaims): InstallReply {
    const any = caller.roles.includes('TeamsAppInstallation.ReadWriteForUser.All');
    const self = caller.roles.includes('TeamsAppInstallation.ReadWriteSelfForUser.All');
    if (!any && !self) return failure(403, 'Forbidden', 'Missing role permissions on the request.');
    if (method === 'GET') {
      const apps = [...(this.installed.get(userId) ?? [])];
      return { status: 200, body: { value: apps.map((id) => ({ id: `${userId}##${id}`, teamsApp: { id } })) } };
    }
    if (method !== 'POST') return failure(405, 'MethodNotAllowed', 'The method is not allowed.');
    const bind = (body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    const appId = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
    if (!appId) return failure(400, 'BadRequest', 'teamsApp@odata.bind is required.');
    const tenant = this.tenantOf.get(userId) ?? caller.tenantId;
    if (!this.users.has(userId) || tenant !== caller.tenantId)
      return failure(404, 'NotFound', `User ${userId} not found.`);
    const app = this.catalog.get(appId);
    if (!app) return failure(404, 'NotFound', `App ${appId} not found in the catalog.`);
    if (!any && app.webApplicationInfoId !== caller.appId)
      return failure(403, 'Forbidden', 'The calling app may install only the Teams app it is the web application of.');
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
