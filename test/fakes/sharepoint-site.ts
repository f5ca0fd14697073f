/**
 * One SharePoint site as Graph serves it: lists, columns and items, for the Graph stand-in. Each
 * behaviour follows Microsoft's documentation, cited beside it; where the documentation is silent
 * the stricter choice is made and said so. Longer than most files because it is one resource's
 * rules, read side by side with one set of Microsoft pages; its parts (filters, tokens, throttling,
 * installations, documents) live in files of their own.
 */
import { randomUUID } from 'node:crypto';
import { fieldsIn, FilterSyntaxError, matches, parseFilter } from './odata-filter';
import { graphError, ok, type Reply } from './graph-replies';

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

export interface GraphList {
  id: string;
  displayName: string;
  columns: ColumnDefinition[];
  items: Map<string, ListItem>;
  /** Per unique column: its values folded to lower case → the item holding it. */
  uniques: Map<string, Map<string, ListItem>>;
  nextItemId: number;
}

/**
 * Sites.Selected roles an app may be granted on a site (POST /sites/{id}/permissions,
 * https://learn.microsoft.com/graph/permissions-selected-overview): read < write (add, edit and
 * delete items and files) < manage (also create and change lists and columns) < fullcontrol.
 */
export type SiteRole = 'read' | 'write' | 'manage' | 'fullcontrol';
const LEVEL: Record<SiteRole, number> = { read: 0, write: 1, manage: 2, fullcontrol: 3 };
/** Tenant-wide application permissions and the role on every site they amount to. */
const TENANT_WIDE: Record<string, SiteRole> = {
  'Sites.Read.All': 'read',
  'Sites.ReadWrite.All': 'write',
  'Sites.Manage.All': 'manage',
  'Sites.FullControl.All': 'fullcontrol',
};

export interface SiteRequest {
  method: string;
  /** The path after /sites/{site-id}. */
  path: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: unknown;
}

/** How Graph answers a create or update that meets a unique value already in the list. */
export interface UniqueViolation {
  status: number;
  code: string;
}

/** Items per page by default and at most ($top), and the list view threshold. */
const DEFAULT_PAGE = 200;
const MAX_PAGE = 5000;
const LIST_VIEW_THRESHOLD = 5000;
/** "Indexed columns: 20 per list" (SharePoint limits, https://learn.microsoft.com/office365/servicedescriptions/sharepoint-online-service-description/sharepoint-online-limits). */
const MAX_INDEXES = 20;
const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';
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

export class SharePointSite {
  readonly lists = new Map<string, GraphList>();
  /** Sites.Selected grants on this site, by app (client) id. */
  readonly grants = new Map<string, SiteRole>();
  /**
   * Graph does not document the answer to a unique-value violation on POST/PATCH of list items
   * (SharePoint's own REST API answers 500 Microsoft.SharePoint.SPDuplicateValuesFoundException;
   * the Power Platform connector shows it as 400). Default: 400 invalidRequest with SharePoint's
   * message — not 409, so a client relying on 409 fails here; tests vary it.
   */
  uniqueViolation: UniqueViolation = { status: 400, code: 'invalidRequest' };

  constructor(
    readonly id: string,
    private readonly origin: () => string,
  ) {}

  list(displayName: string): GraphList | undefined {
    return [...this.lists.values()].find((l) => l.displayName === displayName);
  }

  /** The role an app holds here: its grant, or a tenant-wide permission. */
  roleOf(appId: string, appRoles: string[]): SiteRole | undefined {
    const roles = appRoles.map((r) => TENANT_WIDE[r]).filter((r): r is SiteRole => Boolean(r));
    if (appRoles.includes('Sites.Selected') && this.grants.has(appId)) roles.push(this.grants.get(appId) as SiteRole);
    return roles.sort((a, b) => LEVEL[b] - LEVEL[a])[0];
  }

  /** Whether the role reaches what the request does (403 accessDenied otherwise). */
  allows(role: SiteRole | undefined, method: string, path: string): boolean {
    if (!role) return false;
    const managesLists = (method === 'POST' && path === '/lists') || (/\/columns(\/|$)/.test(path) && method !== 'GET');
    const needed: SiteRole = method === 'GET' ? 'read' : managesLists ? 'manage' : 'write';
    return LEVEL[role] >= LEVEL[needed];
  }

  route(req: SiteRequest): Reply {
    const { method, path } = req;
    if (path === '' && method === 'GET')
      return ok({
        id: this.id,
        displayName: 'Digitalisering',
        webUrl: 'https://contoso.sharepoint.com/sites/digitalisering',
      });
    if (path === '/lists')
      return method === 'POST' ? this.createList(req.body) : ok({ value: [...this.lists.values()].map(listJson) });
    const m = /^\/lists\/([^/]+)(?:\/(columns|items)(?:\/([^/]+)(\/fields)?)?)?$/.exec(path);
    const list = m ? (this.lists.get(m[1] ?? '') ?? this.list(m[1] ?? '')) : undefined;
    if (!m || !list) return graphError(404, 'itemNotFound', 'The specified list was not found');
    const [, , collection, id, fields] = m;
    if (!collection) return ok(listJson(list));
    if (collection === 'columns') {
      if (!id && method === 'GET') return ok({ value: list.columns });
      if (!id && method === 'POST') return this.createColumn(list, req.body);
      if (id && method === 'PATCH') return this.updateColumn(list, id, req.body);
      return graphError(405, 'methodNotAllowed', 'Method not allowed');
    }
    if (!id) return method === 'POST' ? this.createItem(list, req.body) : this.listItems(list, req);
    const item = list.items.get(id);
    if (!item) return graphError(404, 'itemNotFound', 'The resource could not be found.');
    if (method === 'GET' && !fields) return ok(itemJson(item, expandedFields(req.url)), { ETag: etag(item) });
    // "If-Match … does not match the current eTag on the item, a 412 Precondition Failed response
    // is returned and the item will not be updated" (https://learn.microsoft.com/graph/api/listitem-update).
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch !== '*' && ifMatch !== etag(item))
      return graphError(412, 'preconditionFailed', 'Etag does not match the current version of the item.');
    if (method === 'PATCH' && fields) return this.updateItem(list, item, req.body);
    if (method === 'DELETE' && !fields) {
      this.index(list, item, false);
      list.items.delete(id);
      return { status: 204 };
    }
    return graphError(405, 'methodNotAllowed', 'Method not allowed');
  }

  private createList(body: unknown): Reply {
    const b = body as { displayName?: string; columns?: Partial<ColumnDefinition>[] };
    if (!b?.displayName) return graphError(400, 'invalidRequest', 'displayName is required');
    if (this.list(b.displayName)) return graphError(409, 'nameAlreadyExists', 'The name is already in use.');
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
    if (!c?.name || !/^[A-Za-z][A-Za-z0-9_]*$/.test(c.name))
      return graphError(400, 'invalidRequest', 'Invalid column name');
    if (list.columns.some((x) => x.name === c.name))
      return graphError(409, 'nameAlreadyExists', `A field named '${c.name}' already exists.`);
    if (c.enforceUniqueValues && !c.indexed)
      return graphError(400, 'invalidRequest', 'A column that enforces unique values must be indexed.');
    if (c.indexed && tooManyIndexes(list)) return indexLimit();
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
    if (!column) return graphError(404, 'itemNotFound', 'Column not found');
    const change = body as Partial<ColumnDefinition>;
    if (change.indexed && !column.indexed && tooManyIndexes(list)) return indexLimit();
    Object.assign(column, change, { id: column.id, name: column.name });
    return ok(column);
  }

  /** Checks and normalises the values; undefined when they may be written. */
  private checkFields(list: GraphList, fields: Record<string, unknown>, except?: ListItem): Reply | undefined {
    for (const [name, value] of Object.entries(fields)) {
      const column = list.columns.find((c) => c.name === name);
      if (!column) return graphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (value === null) continue;
      const invalid = () => graphError(400, 'invalidRequest', `Invalid value for field '${name}'`);
      if (column.text && typeof value !== 'string') return invalid();
      if (column.text && !column.text.allowMultipleLines && String(value).length > (column.text.maxLength ?? 255))
        return graphError(400, 'invalidRequest', `The value of field '${name}' is longer than its maximum length.`);
      if (column.number && typeof value !== 'number') return invalid();
      if (column.choice && !column.choice.choices.includes(String(value)))
        return graphError(400, 'invalidRequest', `Invalid choice for field '${name}'`);
      if (column.dateTime) {
        const at = typeof value === 'string' ? Date.parse(value) : NaN;
        if (Number.isNaN(at)) return invalid();
        // SharePoint keeps date and time to the second (its DateTime field type); Graph returns
        // ISO 8601 UTC. The documentation is silent on fractions: the stricter choice drops them.
        fields[name] = new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
      }
      const holder = column.enforceUniqueValues ? list.uniques.get(name)?.get(fold(value)) : undefined;
      if (holder && holder !== except)
        return graphError(
          this.uniqueViolation.status,
          this.uniqueViolation.code,
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${name}].`,
        );
    }
    return undefined;
  }

  /** Keeps each unique column's values (folded to lower case: SharePoint compares them without regard to case). */
  private index(list: GraphList, item: ListItem, add: boolean): void {
    for (const column of list.columns.filter((c) => c.enforceUniqueValues)) {
      const values = list.uniques.get(column.name) ?? new Map<string, ListItem>();
      list.uniques.set(column.name, values);
      const value = item.fields[column.name];
      if (value === undefined || value === null) continue;
      if (add) values.set(fold(value), item);
      else if (values.get(fold(value)) === item) values.delete(fold(value));
    }
  }

  private createItem(list: GraphList, body: unknown): Reply {
    const fields = { ...((body as { fields?: Record<string, unknown> })?.fields ?? {}) };
    const invalid = this.checkFields(list, fields);
    if (invalid) return invalid;
    const now = new Date().toISOString();
    const item: ListItem = {
      id: String(list.nextItemId++),
      guid: randomUUID(),
      version: 1,
      fields,
      createdDateTime: now,
      lastModifiedDateTime: now,
    };
    list.items.set(item.id, item);
    this.index(list, item, true);
    return { status: 201, headers: { ETag: etag(item) }, body: itemJson(item, undefined) };
  }

  /**
   * PATCH …/items/{id}/fields: "200 OK … a fieldValueSet in the response body"
   * (https://learn.microsoft.com/graph/api/listitem-update): the fields only. The example carries
   * no ETag and neither does this answer; the next If-Match comes from reading the item.
   */
  private updateItem(list: GraphList, item: ListItem, body: unknown): Reply {
    const fields = { ...((body ?? {}) as Record<string, unknown>) };
    const invalid = this.checkFields(list, fields, item);
    if (invalid) return invalid;
    this.index(list, item, false);
    Object.assign(item.fields, fields);
    this.index(list, item, true);
    item.version++;
    item.lastModifiedDateTime = new Date().toISOString();
    return ok(present(item.fields));
  }

  /**
   * GET …/items with $filter, $top and paging. "When filtering on indexed fields, the service can
   * only filter one indexed field at a time" (https://learn.microsoft.com/graph/api/listitem-list);
   * a filter on a column that is not indexed needs the Prefer header
   * HonorNonIndexedQueriesWarningMayFailRandomly, and fails on a list past the 5 000-item list
   * view threshold even with it. The documentation does not say what a second indexed field gets:
   * the stricter choice treats it as a non-indexed one. An unfiltered read pages through the list
   * by id, which SharePoint allows on a list of any size.
   */
  private listItems(list: GraphList, req: SiteRequest): Reply {
    const params = req.url.searchParams;
    let items = [...list.items.values()];
    const filterText = params.get('$filter');
    if (filterText) {
      let filter;
      try {
        filter = parseFilter(filterText);
      } catch (e) {
        if (e instanceof FilterSyntaxError) return graphError(400, 'invalidRequest', e.message);
        throw e;
      }
      const honour = (req.headers.prefer ?? '').includes(HONOR_NON_INDEXED);
      const names = [...new Set(fieldsIn(filter))];
      for (const name of names)
        if (!list.columns.some((c) => c.name === name))
          return graphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      const beyondIndex = names.filter((name, i) => i > 0 || !list.columns.find((c) => c.name === name)?.indexed);
      if (beyondIndex.length > 0 && (!honour || list.items.size > LIST_VIEW_THRESHOLD))
        return graphError(
          400,
          'invalidRequest',
          `Field '${beyondIndex[0]}' cannot be referenced in filter or orderby as it is not indexed (one indexed field at a time). Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
        );
      items = items.filter((i) => matches(filter, i.fields));
    }
    const top = Math.min(Number(params.get('$top') ?? DEFAULT_PAGE) || DEFAULT_PAGE, MAX_PAGE);
    const skip = Number(params.get('$skiptoken') ?? 0);
    const select = expandedFields(req.url);
    const result: Record<string, unknown> = { value: items.slice(skip, skip + top).map((i) => itemJson(i, select)) };
    if (skip + top < items.length) {
      // "@odata.nextLink … the entire URL" (https://learn.microsoft.com/graph/paging).
      const next = new URL(req.url.pathname + req.url.search, this.origin());
      next.searchParams.set('$skiptoken', String(skip + top));
      result['@odata.nextLink'] = next.toString();
    }
    return ok(result);
  }
}

const fold = (value: unknown): string => String(value).toLowerCase();

function tooManyIndexes(list: GraphList): boolean {
  return list.columns.filter((c) => c.indexed).length >= MAX_INDEXES;
}

function indexLimit(): Reply {
  return graphError(400, 'invalidRequest', `A list can have at most ${MAX_INDEXES} indexed columns.`);
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

/** A fieldValueSet leaves out fields without a value (the documentation's examples show only those set). */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
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
    const fields = present(item.fields);
    const chosen =
      select === 'all' ? fields : Object.fromEntries(select.filter((k) => k in fields).map((k) => [k, fields[k]]));
    json.fields = { '@odata.etag': etag(item), id: item.id, ...chosen };
  }
  return json;
}

function listJson(list: GraphList): Record<string, unknown> {
  return { id: list.id, displayName: list.displayName, name: list.displayName, list: { template: 'genericList' } };
}
