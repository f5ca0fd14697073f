/**
 * Entra ID's users and groups as Graph serves them to an app: `GET /users/{id | upn}` with `$select`
 * and `$expand=manager($select=id)` (404 Request_ResourceNotFound for someone unknown; no `manager`
 * property for someone without one), and `GET /groups/{id}/transitiveMembers/microsoft.graph.user`
 * in pages with an absolute `@odata.nextLink`. Part of the Graph stand-in.
 */
export interface EntraUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  /** The primary SMTP address (Graph's `mail`; null for someone without a mailbox). */
  mail?: string;
  managerId?: string;
}

export interface DirectoryReply {
  status: number;
  body: unknown;
}

export class EntraUsers {
  readonly users = new Map<string, EntraUser>();
  /** Group id → member user ids (nested groups already flattened, as transitiveMembers does). */
  readonly groups = new Map<string, string[]>();
  /** Members per page (Graph's default is 100). */
  pageSize = 100;

  add(user: EntraUser): void {
    this.users.set(user.id, user);
  }

  route(method: string, url: URL, origin: string): DirectoryReply | undefined {
    if (method !== 'GET') return undefined;
    const path = decodeURIComponent(url.pathname.replace(/^\/v1\.0/, ''));
    const group = /^\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(path);
    if (group) return this.members(group[1] ?? '', url, origin);
    const user = /^\/users\/([^/]+)$/.exec(path);
    if (user) return this.user(user[1] ?? '', url);
    return undefined;
  }

  private find(key: string): EntraUser | undefined {
    return (
      this.users.get(key) ??
      [...this.users.values()].find((u) => u.userPrincipalName.toLowerCase() === key.toLowerCase())
    );
  }

  private user(key: string, url: URL): DirectoryReply {
    const user = this.find(key);
    if (!user)
      return {
        status: 404,
        body: {
          error: {
            code: 'Request_ResourceNotFound',
            message: `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
          },
        },
      };
    const body: Record<string, unknown> = this.selected(user, url.searchParams.get('$select'));
    const manager = user.managerId ? this.users.get(user.managerId) : undefined;
    if ((url.searchParams.get('$expand') ?? '').startsWith('manager') && manager) body.manager = { id: manager.id };
    return { status: 200, body };
  }

  private members(groupId: string, url: URL, origin: string): DirectoryReply {
    const ids = this.groups.get(groupId);
    if (!ids)
      return {
        status: 404,
        body: { error: { code: 'Request_ResourceNotFound', message: `Resource '${groupId}' does not exist.` } },
      };
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const top = Math.min(Number(url.searchParams.get('$top') ?? this.pageSize), this.pageSize);
    const page = ids.slice(skip, skip + top).flatMap((id) => {
      const u = this.users.get(id);
      return u ? [this.selected(u, url.searchParams.get('$select'))] : [];
    });
    const next = new URL(url.pathname + url.search, origin);
    next.searchParams.set('$skiptoken', String(skip + top));
    return {
      status: 200,
      body: { value: page, ...(skip + top < ids.length ? { '@odata.nextLink': next.toString() } : {}) },
    };
  }

  private selected(user: EntraUser, select: string | null): Record<string, unknown> {
    const all: Record<string, unknown> = {
      id: user.id,
      displayName: user.displayName,
      userPrincipalName: user.userPrincipalName,
      mail: user.mail ?? null,
    };
    if (!select) return all;
    return Object.fromEntries(select.split(',').map((k) => [k, all[k] ?? null]));
  }
}
