/**
 * A Microsoft Graph stand-in for what the app calls: SharePoint lists (sharepoint-site.ts), the
 * site's documents (document-library.ts), Entra ID users and groups (entra-users.ts), Teams app
 * installation (teams-app-installations.ts), activity feed notifications (activity-feed.ts) and
 * sending mail (mailboxes.ts), with Entra ID's token endpoint (graph-tokens.ts).
 * Over https with a self-signed certificate (the Graph client sends no Authorization over http).
 * Over 300 lines for a reason: the rules every endpoint shares (tokens, $batch, paging, throttling)
 * live here once, each resource's own in the modules named above.
 *
 * As strict as Graph on what it refuses, each rule cited where it is enforced:
 * - every request carries a valid token for Graph (401 InvalidAuthenticationToken otherwise), and
 *   the app holds the application permission and site role the request needs (403 otherwise, per
 *   request inside a $batch too);
 * - $batch (https://learn.microsoft.com/graph/json-batching): at most 20 requests ("currently
 *   limited to 20"), ids unique ("Not case-sensitive. Must be unique in the batch, otherwise, the
 *   batch request fails with a 400"), dependsOn honoured ("any request that depends on that request
 *   fails with status code 424"), responses in another order than the requests ("individual
 *   responses might appear in a different order"), each request throttled on its own and the
 *   $batch itself throttled too when the app is over its budget;
 * - throttling by resource units per app and tenant (resource-units.ts), plus injected faults:
 *   429 with Retry-After (minutes if a test asks), 503, requests that never answer, responses
 *   lost after the work was done, latency, and the whole service going down and coming back.
 * Somewhat over 300 lines: the server, the $batch rules and the dispatch by permission belong
 * together; each resource behind it has a file of its own.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { generate } from 'selfsigned';
import { DocumentLibrary } from './document-library';
import { EntraUsers } from './entra-users';
import { graphError, type Reply } from './graph-replies';
import { GraphTokens, type GraphApp, type GraphClaims } from './graph-tokens';
import { ResourceUnits } from './resource-units';
import { SharePointSite, type SiteRole } from './sharepoint-site';
import { TeamsAppInstallations } from './teams-app-installations';
import { ActivityFeed } from './activity-feed';
import { Mailboxes } from './mailboxes';

export type { ColumnDefinition, GraphList, SiteRole } from './sharepoint-site';

export type Fault =
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'unavailable'; retryAfterSeconds?: number }
  | { kind: 'hang' }
  /** Carries the request out, then never answers: the client cannot know it succeeded. */
  | { kind: 'lose-response' };

interface Request {
  method: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: unknown;
}

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

const BATCH_LIMIT = 20;
/** Application permissions that read Entra ID users and group members (https://learn.microsoft.com/graph/api/user-get, group-list-transitivemembers). */
const DIRECTORY_ROLES = {
  users: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
  groups: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
};

export class GraphStandIn {
  /** Every HTTP request that reached the service (a `$batch` counts once). */
  requests = 0;
  /** Operations carried out: plain requests and each request inside a `$batch`. */
  operations = 0;
  latencyMs = 0;
  /** Faults for the next operations, one each (inside a $batch too). */
  readonly faults: Fault[] = [];
  /** Faults for the next $batch envelopes themselves. */
  readonly batchFaults: Fault[] = [];
  readonly site: SharePointSite;
  /** Teams apps installed in users' personal scope (POST /users/{id}/teamwork/installedApps). */
  readonly teamsApps = new TeamsAppInstallations();
  /** Activity feed notifications (POST /users/{id}/teamwork/sendActivityNotification). */
  readonly activityFeed = new ActivityFeed(this.teamsApps);
  /** Mail sent as the tenant's mailboxes (POST /users/{sender}/sendMail). */
  readonly mailboxes = new Mailboxes();
  /** Files in the site's default document library (PUT …/drive/root:/{path}:/content). */
  readonly files = new DocumentLibrary();
  /** Entra ID users and groups (GET /users/{id | upn}, /groups/{id}/transitiveMembers). */
  readonly directory = new EntraUsers();
  readonly resourceUnits = new ResourceUnits();
  readonly siteId = 'contoso.sharepoint.com,2c1e5d2a-5c4e-4b43-9d5a-1f0f5b6e7a01,8f7e6d5c-4b3a-4291-8a7b-6c5d4e3f2a10';
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private port = 0;

  private constructor(
    readonly cert: string,
    private readonly key: string,
    readonly tokens: GraphTokens,
  ) {
    this.site = new SharePointSite(this.siteId, () => this.origin);
  }

  static async start(): Promise<GraphStandIn> {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    } as Parameters<typeof generate>[1]);
    // The tokens' audience is the stand-in's origin, known once it listens.
    const late: { standIn?: GraphStandIn } = {};
    const tokens = await GraphTokens.create(() => late.standIn?.origin ?? '');
    const standIn = (late.standIn = new GraphStandIn(pems.cert, pems.private, tokens));
    await standIn.up();
    return standIn;
  }

  get origin(): string {
    return `https://localhost:${this.port}`;
  }

  get baseUrl(): string {
    return `${this.origin}/v1.0`;
  }

  /** Starts listening (again, on the same port after `down()`), with all data kept. */
  async up(): Promise<void> {
    const server = createServer({ cert: this.cert, key: this.key }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        void this.handle(req.method ?? 'GET', req.url ?? '/', req.headers as Record<string, string>, raw).then(
          (reply) => {
            if (!reply) return; // a hung request: the client's timeout ends it
            if (reply.body === undefined) {
              res.writeHead(reply.status, { 'Content-Length': '0', ...reply.headers }); // e.g. 201 Created, no body
              res.end();
              return;
            }
            res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
            res.end(JSON.stringify(reply.body));
          },
        );
      });
    });
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops answering: open connections are cut and new ones refused, as when Graph is unreachable. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async close(): Promise<void> {
    await this.down();
  }

  /**
   * Registers an app (client id and secret) with its application permissions and, for
   * Sites.Selected, its role on the site.
   */
  registerApp(app: GraphApp & { siteRole?: SiteRole }): void {
    this.tokens.register(app);
    if (app.siteRole) this.site.grants.set(app.clientId, app.siteRole);
    else this.site.grants.delete(app.clientId);
  }

  /** A token for a registered app, as Entra ID would issue it. */
  issueToken(clientId: string): Promise<string> {
    return this.tokens.issue(clientId);
  }

  list(displayName: string) {
    return this.site.list(displayName);
  }

  /** Removes a column from a list, as an administrator might by hand (for drift tests). */
  dropColumn(listName: string, column: string): void {
    const list = this.list(listName);
    if (list) list.columns = list.columns.filter((c) => c.name !== column);
  }

  private async handle(
    method: string,
    rawUrl: string,
    headers: Record<string, string>,
    bytes: Buffer,
  ): Promise<Reply | undefined> {
    this.requests++;
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const url = new URL(rawUrl, this.origin);
    const raw = bytes.toString('utf8');
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (method === 'POST' && token) return this.tokens.tokenRequest(token[1] ?? '', raw);
    const caller = await this.tokens.verify(headers.authorization);
    if ('status' in caller) return caller;
    const path = decodeURIComponent(url.pathname);
    const upload = this.files.match(method, path, this.siteId);
    if (upload) {
      const role = this.site.roleOf(caller.appId, caller.roles);
      return this.site.allows(role, 'PUT', '/drive') ? this.files.put(upload, bytes) : accessDenied();
    }
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
    }
    if (method === 'POST' && url.pathname === '/v1.0/$batch') return this.batch(body, caller);
    return this.operation({ method, url, headers, body }, caller);
  }

  private async batch(body: unknown, caller: GraphClaims): Promise<Reply | undefined> {
    const envelope = this.fault(this.batchFaults) ?? this.throttled(caller);
    if (envelope) return envelope.reply;
    const requests = (body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(requests)) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > BATCH_LIMIT)
      return graphError(400, 'BadRequest', `Number of requests in a batch should not exceed ${BATCH_LIMIT}.`);
    const items = requests as BatchItem[];
    const ids = items.map((r) => String(r.id).toLowerCase());
    if (new Set(ids).size !== ids.length) return graphError(400, 'BadRequest', 'Batch request ids must be unique.');
    if (items.some((r) => (r.dependsOn ?? []).some((d) => !ids.includes(d.toLowerCase()))))
      return graphError(400, 'BadRequest', 'A dependsOn id does not name a request in the batch.');
    const statuses = new Map<string, number>();
    const responses = [];
    // Independent requests run in no promised order: here the last first.
    for (const r of ordered(items)) {
      const failedDependency = (r.dependsOn ?? []).some((d) => (statuses.get(d.toLowerCase()) ?? 0) >= 400);
      const reply = failedDependency
        ? graphError(424, 'FailedDependency', 'A request this one depends on failed.')
        : await this.operation(
            {
              method: r.method.toUpperCase(),
              url: new URL(`/v1.0${r.url.startsWith('/') ? '' : '/'}${r.url}`, this.origin),
              headers: Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
              body: r.body,
            },
            caller,
          );
      if (!reply) return graphError(504, 'GatewayTimeout', 'The request timed out.');
      statuses.set(String(r.id).toLowerCase(), reply.status);
      responses.push({ id: r.id, status: reply.status, headers: reply.headers ?? {}, body: reply.body });
    }
    return { status: 200, body: { responses } };
  }

  private async operation(req: Request, caller: GraphClaims): Promise<Reply | undefined> {
    this.operations++;
    const path = decodeURIComponent(req.url.pathname).replace(/^\/v1\.0/, '');
    const injected = this.fault(this.faults);
    if (injected) return injected.reply;
    const charge = this.resourceUnits.charge(caller.appId, ResourceUnits.costOf(req.method, path + req.url.search));
    if (charge.throttled) return graphError(429, 'TooManyRequests', 'The request has been throttled.', charge.headers);
    const lost = this.faults[0]?.kind === 'lose-response' ? this.faults.shift() : undefined;
    const reply = this.route(req, path, caller);
    return lost ? undefined : { ...reply, headers: { ...reply.headers, ...charge.headers } };
  }

  /** The next injected fault, as Graph would answer it (undefined reply: never answers). */
  private fault(queue: Fault[]): { reply: Reply | undefined } | undefined {
    const next = queue[0];
    if (!next || next.kind === 'lose-response') return undefined;
    queue.shift();
    if (next.kind === 'hang') return { reply: undefined };
    if (next.kind === 'throttle')
      return {
        reply: graphError(429, 'TooManyRequests', 'The request has been throttled.', {
          'Retry-After': String(next.retryAfterSeconds),
        }),
      };
    return {
      reply: graphError(
        503,
        'serviceNotAvailable',
        'The service is temporarily unavailable.',
        next.retryAfterSeconds !== undefined ? { 'Retry-After': String(next.retryAfterSeconds) } : {},
      ),
    };
  }

  /** The $batch envelope itself is refused while the app is over its budget (it costs nothing itself). */
  private throttled(caller: GraphClaims): { reply: Reply } | undefined {
    const charge = this.resourceUnits.charge(caller.appId, 0);
    if (!charge.throttled) return undefined;
    return { reply: graphError(429, 'TooManyRequests', 'The request has been throttled.', charge.headers) };
  }

  private route(req: Request, path: string, caller: GraphClaims): Reply {
    const installation = this.teamsApps.route(req.method, path, req.body, caller);
    if (installation) return installation;
    const notification = this.activityFeed.route(req.method, path, req.body, caller);
    if (notification) return notification;
    const mail = this.mailboxes.route(req.method, path, req.body, caller);
    if (mail) return mail;
    if (/^\/(users|groups)\//.test(path)) {
      const needs = path.startsWith('/users/') ? DIRECTORY_ROLES.users : DIRECTORY_ROLES.groups;
      if (!needs.some((r) => caller.roles.includes(r)))
        return graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
      return this.directory.route(req.method, req.url, this.origin) ?? graphError(404, 'NotFound', 'Not found.');
    }
    const site = /^\/sites\/([^/]+)(.*)$/.exec(path);
    if (!site || site[1] !== this.siteId) return graphError(404, 'itemNotFound', 'Requested site could not be found');
    const rest = site[2] ?? '';
    // Sites.Selected: "an app… can access only the sites it has been granted"; beyond its role, 403.
    if (!this.site.allows(this.site.roleOf(caller.appId, caller.roles), req.method, rest)) return accessDenied();
    return this.site.route({ method: req.method, path: rest, url: req.url, headers: req.headers, body: req.body });
  }
}

function accessDenied(): Reply {
  return graphError(403, 'accessDenied', 'Access denied');
}

/** Requests with their dependencies first, the independent ones from the last to the first. */
function ordered(items: BatchItem[]): BatchItem[] {
  const done = new Set<string>();
  const out: BatchItem[] = [];
  const visit = (item: BatchItem): void => {
    const id = String(item.id).toLowerCase();
    if (done.has(id)) return;
    done.add(id);
    for (const d of item.dependsOn ?? []) {
      const dep = items.find((i) => String(i.id).toLowerCase() === d.toLowerCase());
      if (dep) visit(dep);
    }
    out.push(item);
  };
  for (const item of [...items].reverse()) visit(item);
  return out;
}
