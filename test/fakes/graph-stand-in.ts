/**
 * A Microsoft Graph stand-in for the SharePoint list endpoints the app uses, over https with a
 * self-signed certificate (the Graph client sends no Authorization header over http).
 *
 * It behaves as Graph documents it: lists, columns and items CRUD; `$expand=fields($select=…)`;
 * `$filter` only on indexed columns (400 with Graph's message otherwise, unless the `Prefer:
 * HonorNonIndexedQueriesWarningMayFailRandomly` header is sent on a list under 5 000 items);
 * `$top` (default 200, at most 5 000) with an absolute `@odata.nextLink`; item ETags and 412 on
 * `If-Match` mismatch; unique columns (409); `$batch` of at most 20 requests, each answered on
 * its own. Installing a Teams app for a user: see teams-app-installations.ts. Faults can be injected: 429 with Retry-After, 503, requests that never answer, latency,
 * and the whole service going down and coming back with its data.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { generate } from 'selfsigned';
import { FilterSyntaxError, fieldsIn, matches, parseFilter } from './odata-filter';
import { DocumentLibrary } from './document-library';
import { EntraUsers } from './entra-users';
import { TeamsAppInstallations } from './teams-app-installations';

export interface ColumnDefinition {
  id: string;
  name: string;
  displayName: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required?: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  number?: Record<string, unknown>;
  dateTime?: Record<string, unknown>;
  choice?: { choices: string[] };
}

interface ListItem {
  id: string;
  guid: string;
  version: number;
  fields: Record<string, unknown>;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

interface GraphList {
  id: string;
  displayName: string;
  columns: ColumnDefinition[];
  items: Map<string, ListItem>;
  uniques: Map<string, Map<unknown, ListItem>>;
  nextItemId: number;
}

export type Fault =
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'unavailable'; retryAfterSeconds?: number }
  | { kind: 'hang' }
  /** Carries the request out, then never answers: the client cannot know it succeeded. */
  | { kind: 'lose-response' };

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Request {
  method: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: unknown;
}

const MAX_PAGE = 5000;
const DEFAULT_PAGE = 200;
const LARGE_LIST = 5000;
const BUILT_IN_COLUMNS: ColumnDefinition[] = [
  {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
    name: 'Title',
    displayName: 'Title',
    indexed: false,
    enforceUniqueValues: false,
    text: { maxLength: 255 },
  },
];

export class GraphStandIn {
  /** Every HTTP request that reached the service (a `$batch` counts once). */
  requests = 0;
  /** Operations carried out: plain requests and each request inside a `$batch`. */
  operations = 0;
  latencyMs = 0;
  readonly faults: Fault[] = [];
  readonly tokens = new Set<string>();
  readonly clients = new Map<string, string>();
  /** Teams apps installed in users' personal scope (POST /users/{id}/teamwork/installedApps). */
  readonly teamsApps = new TeamsAppInstallations();
  /** Files in the site's default document library (PUT …/drive/root:/{path}:/content). */
  readonly files = new DocumentLibrary();
  /** Entra ID users and groups (GET /users/{id | upn}, /groups/{id}/transitiveMembers). */
  readonly directory = new EntraUsers();
  readonly siteId = 'contoso.sharepoint.com,2c1e5d2a-5c4e-4b43-9d5a-1f0f5b6e7a01,8f7e6d5c-4b3a-4291-8a7b-6c5d4e3f2a10';
  private readonly lists = new Map<string, GraphList>();
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private port = 0;

  private constructor(
    readonly cert: string,
    private readonly key: string,
  ) {}

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
    const standIn = new GraphStandIn(pems.cert, pems.private);
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

  /** A token the service accepts, as if Entra ID had issued it. */
  issueToken(): string {
    const token = `stand-in-${randomUUID()}`;
    this.tokens.add(token);
    return token;
  }

  registerClient(clientId: string, secret: string): void {
    this.clients.set(clientId, secret);
  }

  list(displayName: string): GraphList | undefined {
    return [...this.lists.values()].find((l) => l.displayName === displayName);
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
    if (method === 'POST' && /\/oauth2\/v2\.0\/token$/.test(url.pathname)) return this.token(raw);
    if (!this.tokens.has((headers.authorization ?? '').replace(/^Bearer /, ''))) {
      return error(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    }
    const upload = this.files.route(method, decodeURIComponent(url.pathname), bytes, this.siteId);
    if (upload) return upload;
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return error(400, 'BadRequest', 'Unable to read JSON request payload.');
    }
    if (method === 'POST' && url.pathname === '/v1.0/$batch') return this.batch(body);
    return this.operation({ method, url, headers, body });
  }

  private token(raw: string): Reply {
    const form = new URLSearchParams(raw);
    const id = form.get('client_id') ?? '';
    if (form.get('grant_type') !== 'client_credentials' || this.clients.get(id) !== form.get('client_secret')) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' },
      };
    }
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: this.issueToken() },
    };
  }

  private async batch(body: unknown): Promise<Reply | undefined> {
    const requests = (body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(requests)) return error(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > 20) return error(400, 'BadRequest', 'Number of requests in a batch should not exceed 20.');
    const responses = [];
    for (const r of requests as {
      id: string;
      method: string;
      url: string;
      headers?: Record<string, string>;
      body?: unknown;
    }[]) {
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const reply = await this.operation({
        method: r.method.toUpperCase(),
        url: new URL(`/v1.0${r.url.startsWith('/') ? '' : '/'}${r.url}`, this.origin),
        headers,
        body: r.body,
      });
      if (!reply)
        return { status: 504, body: { error: { code: 'GatewayTimeout', message: 'The request timed out.' } } };
      responses.push({ id: r.id, status: reply.status, headers: reply.headers ?? {}, body: reply.body });
    }
    return { status: 200, body: { responses } };
  }

  private async operation(req: Request): Promise<Reply | undefined> {
    this.operations++;
    const fault = this.faults.shift();
    if (fault?.kind === 'throttle') {
      return {
        status: 429,
        headers: { 'Retry-After': String(fault.retryAfterSeconds) },
        body: { error: { code: 'TooManyRequests', message: 'The request has been throttled.' } },
      };
    }
    if (fault?.kind === 'unavailable') {
      return {
        status: 503,
        headers: fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {},
        body: { error: { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable.' } },
      };
    }
    if (fault?.kind === 'hang') return undefined;
    try {
      const reply = this.route(req);
      return fault?.kind === 'lose-response' ? undefined : reply;
    } catch (e) {
      if (e instanceof FilterSyntaxError) return error(400, 'invalidRequest', e.message);
      throw e;
    }
  }

  private route(req: Request): Reply {
    const path = req.url.pathname.replace(/^\/v1\.0/, '');
    const installation = this.teamsApps.route(req.method, path, req.body);
    if (installation) return installation;
    const directory = this.directory.route(req.method, req.url, this.origin);
    if (directory) return directory;
    const site = /^\/sites\/([^/]+)(.*)$/.exec(decodeURIComponent(path));
    if (!site || site[1] !== this.siteId) return error(404, 'itemNotFound', 'Requested site could not be found');
    const rest = site[2] ?? '';
    if (rest === '' && req.method === 'GET')
      return ok({
        id: this.siteId,
        displayName: 'Digitalisering',
        webUrl: 'https://contoso.sharepoint.com/sites/digitalisering',
      });
    if (rest === '/lists')
      return req.method === 'POST' ? this.createList(req.body) : ok({ value: [...this.lists.values()].map(listJson) });
    const m = /^\/lists\/([^/]+)(?:\/(columns|items)(?:\/([^/]+)(\/fields)?)?)?$/.exec(rest);
    const list = m ? this.findList(m[1] ?? '') : undefined;
    if (!m || !list) return error(404, 'itemNotFound', 'The specified list was not found');
    const [, , collection, id, fields] = m;
    if (!collection) return ok(listJson(list));
    if (collection === 'columns') {
      if (!id && req.method === 'GET') return ok({ value: list.columns });
      if (!id && req.method === 'POST') return this.createColumn(list, req.body);
      if (id && req.method === 'PATCH') return this.updateColumn(list, id, req.body);
      return error(405, 'methodNotAllowed', 'Method not allowed');
    }
    if (!id) return req.method === 'POST' ? this.createItem(list, req.body) : this.listItems(list, req);
    const item = list.items.get(id);
    if (!item) return error(404, 'itemNotFound', 'The resource could not be found.');
    if (req.method === 'GET' && !fields) return ok(itemJson(item, expandedFields(req.url)), { ETag: etag(item) });
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch !== '*' && ifMatch !== etag(item)) {
      return error(412, 'preconditionFailed', 'Etag does not match the current version of the item.');
    }
    if (req.method === 'PATCH' && fields) return this.updateItem(list, item, req.body);
    if (req.method === 'DELETE' && !fields) {
      this.index(list, item, false);
      list.items.delete(id);
      return { status: 204 };
    }
    return error(405, 'methodNotAllowed', 'Method not allowed');
  }

  private findList(idOrName: string): GraphList | undefined {
    return this.lists.get(idOrName) ?? this.list(idOrName);
  }

  private createList(body: unknown): Reply {
    const b = body as { displayName?: string; columns?: Partial<ColumnDefinition>[] };
    if (!b?.displayName) return error(400, 'invalidRequest', 'displayName is required');
    if (this.list(b.displayName)) return error(409, 'nameAlreadyExists', 'The name is already in use.');
    const list: GraphList = {
      id: randomUUID(),
      displayName: b.displayName,
      columns: [...BUILT_IN_COLUMNS],
      items: new Map(),
      uniques: new Map(),
      nextItemId: 1,
    };
    for (const c of b.columns ?? []) {
      const reply = this.createColumn(list, c);
      if (reply.status >= 400) return reply;
    }
    this.lists.set(list.id, list);
    return { status: 201, body: listJson(list) };
  }

  private createColumn(list: GraphList, body: unknown): Reply {
    const c = body as Partial<ColumnDefinition>;
    if (!c?.name || !/^[A-Za-z][A-Za-z0-9_]*$/.test(c.name)) return error(400, 'invalidRequest', 'Invalid column name');
    if (list.columns.some((x) => x.name === c.name))
      return error(409, 'nameAlreadyExists', `A field named '${c.name}' already exists.`);
    if (c.enforceUniqueValues && !c.indexed)
      return error(400, 'invalidRequest', 'A column that enforces unique values must be indexed.');
    const column: ColumnDefinition = {
      ...c,
      id: randomUUID(),
      name: c.name,
      displayName: c.displayName ?? c.name,
      indexed: !!c.indexed,
      enforceUniqueValues: !!c.enforceUniqueValues,
    };
    list.columns.push(column);
    return { status: 201, body: column };
  }

  private updateColumn(list: GraphList, id: string, body: unknown): Reply {
    const column = list.columns.find((c) => c.id === id);
    if (!column) return error(404, 'itemNotFound', 'Column not found');
    Object.assign(column, body as Partial<ColumnDefinition>, { id: column.id, name: column.name });
    return ok(column);
  }

  private validateFields(list: GraphList, fields: Record<string, unknown>, except?: ListItem): Reply | undefined {
    for (const [name, value] of Object.entries(fields)) {
      const column = list.columns.find((c) => c.name === name);
      if (!column) return error(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (value === null) continue;
      if (column.text && typeof value !== 'string')
        return error(400, 'invalidRequest', `Invalid value for field '${name}'`);
      if (column.text && !column.text.allowMultipleLines && String(value).length > (column.text.maxLength ?? 255)) {
        return error(400, 'invalidRequest', `The value of field '${name}' is longer than its maximum length.`);
      }
      if (column.number && typeof value !== 'number')
        return error(400, 'invalidRequest', `Invalid value for field '${name}'`);
      if (column.choice && !column.choice.choices.includes(String(value)))
        return error(400, 'invalidRequest', `Invalid choice for field '${name}'`);
      if (
        column.enforceUniqueValues &&
        [...list.items.values()].some((i) => i !== except && i.fields[name] === value)
      ) {
        return error(
          409,
          'conflict',
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${name}].`,
        );
      }
    }
    return undefined;
  }

  /** Keeps each unique column's values → item, so checks stay fast on large lists. */
  private index(list: GraphList, item: ListItem, add: boolean): void {
    for (const column of list.columns.filter((c) => c.enforceUniqueValues)) {
      const values = list.uniques.get(column.name) ?? new Map<unknown, ListItem>();
      list.uniques.set(column.name, values);
      const value = item.fields[column.name];
      if (value === undefined || value === null) continue;
      if (add) values.set(value, item);
      else if (values.get(value) === item) values.delete(value);
    }
  }

  private createItem(list: GraphList, body: unknown): Reply {
    const fields = (body as { fields?: Record<string, unknown> })?.fields ?? {};
    const invalid = this.validateFields(list, fields);
    if (invalid) return invalid;
    const now = new Date().toISOString();
    const item: ListItem = {
      id: String(list.nextItemId++),
      guid: randomUUID(),
      version: 1,
      fields: { ...fields },
      createdDateTime: now,
      lastModifiedDateTime: now,
    };
    list.items.set(item.id, item);
    this.index(list, item, true);
    return { status: 201, headers: { ETag: etag(item) }, body: itemJson(item, undefined) };
  }

  private updateItem(list: GraphList, item: ListItem, body: unknown): Reply {
    const fields = (body ?? {}) as Record<string, unknown>;
    const invalid = this.validateFields(list, fields, item);
    if (invalid) return invalid;
    this.index(list, item, false);
    Object.assign(item.fields, fields);
    this.index(list, item, true);
    item.version++;
    item.lastModifiedDateTime = new Date().toISOString();
    return ok({ ...item.fields, '@odata.etag': etag(item), id: item.id }, { ETag: etag(item) });
  }

  private listItems(list: GraphList, req: Request): Reply {
    const params = req.url.searchParams;
    const filterText = params.get('$filter');
    let items = [...list.items.values()];
    if (filterText) {
      const filter = parseFilter(filterText);
      const honour = (req.headers.prefer ?? '').includes('HonorNonIndexedQueriesWarningMayFailRandomly');
      for (const name of fieldsIn(filter)) {
        const column = list.columns.find((c) => c.name === name);
        if (!column) return error(400, 'invalidRequest', `Field '${name}' is not recognized`);
        if (!column.indexed && (!honour || list.items.size > LARGE_LIST)) {
          return error(
            400,
            'invalidRequest',
            `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
          );
        }
      }
      items = items.filter((i) => matches(filter, i.fields));
    }
    const top = Math.min(Number(params.get('$top') ?? DEFAULT_PAGE) || DEFAULT_PAGE, MAX_PAGE);
    const skip = Number(params.get('$skiptoken') ?? 0);
    const page = items.slice(skip, skip + top);
    const select = expandedFields(req.url);
    const result: Record<string, unknown> = { value: page.map((i) => itemJson(i, select)) };
    if (skip + top < items.length) {
      const next = new URL(req.url.toString());
      next.searchParams.set('$skiptoken', String(skip + top));
      result['@odata.nextLink'] = next.toString();
    }
    return ok(result);
  }
}

/** `$expand=fields` (all) or `$expand=fields($select=A,B)`; undefined when fields are not expanded. */
function expandedFields(url: URL): string[] | 'all' | undefined {
  const expand = url.searchParams.get('$expand');
  if (!expand) return undefined;
  const m = /^fields(?:\(\$select=([^)]*)\))?$/.exec(expand);
  if (!m) return undefined;
  return m[1] ? m[1].split(',').map((s) => s.trim()) : 'all';
}

function etag(item: ListItem): string {
  return `"${item.guid},${item.version}"`;
}

function itemJson(item: ListItem, select: string[] | 'all' | undefined): Record<string, unknown> {
  const json: Record<string, unknown> = {
    '@odata.etag': etag(item),
    id: item.id,
    eTag: etag(item),
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
  };
  if (select) {
    const fields =
      select === 'all'
        ? item.fields
        : Object.fromEntries(select.filter((k) => k in item.fields).map((k) => [k, item.fields[k]]));
    json.fields = { '@odata.etag': etag(item), id: item.id, ...fields };
  }
  return json;
}

function listJson(list: GraphList): Record<string, unknown> {
  return { id: list.id, displayName: list.displayName, name: list.displayName, list: { template: 'genericList' } };
}

function ok(body: unknown, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers, body };
}

function error(status: number, code: string, message: string): Reply {
  return {
    status,
    body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } } },
  };
}
