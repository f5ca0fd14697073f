/**
 * The app's lists on the site, as the repositories use them: typed reads (one $batch round trip
 * for several queries, then each one's @odata.nextLink), creates that know a key already there,
 * updates and deletes in $batch envelopes. Every Graph call of the SharePoint store goes through
 * here, so Graph throttling for longer than a person should wait becomes one error (StoreBusyError).
 */
import { StoreBusyError } from '../../app/ports';
import { throwIfFailed } from './graph-batch';
import { GraphThrottledError, type BatchRequest, type GraphApi, type GraphPage } from './graph-http';
import { LISTS, odataString, selectOf, type ListSpec } from './schema';
import { checkSchema } from './schema-check';

/**
 * Items per page: Graph pages list items and lets `$top` ask for up to 5 000 (the list view
 * threshold), so a read of up to 5 000 items is one round trip.
 */
const PAGE_SIZE = 5000;

export interface Item<F> {
  id: string;
  eTag: string;
  fields: F;
}

/** A filtered read of one list, ready to go into a $batch. */
export interface ListQuery<F> {
  spec: ListSpec<F>;
  filter: string | undefined;
}

/** What a create found: the item is new, or its key was there already (stored by an earlier attempt). */
export type Created = 'created' | 'existing';

/** `fields/Column eq 'value'`: the only filter shape the store sends (one indexed column at a time). */
export const eq = (column: string, value: string): string => `fields/${column} eq ${odataString(value)}`;

export class ListsNotProvisionedError extends Error {
  constructor(readonly missing: string[]) {
    super(`SharePoint lists missing on the site: ${missing.join(', ')}. Run npm run provision:sharepoint.`);
    this.name = 'ListsNotProvisionedError';
  }
}

type Ids = Record<ListSpec['key'], string>;

export class SiteLists {
  private constructor(
    private readonly graph: GraphApi,
    private readonly siteId: string,
    private readonly ids: Ids,
  ) {}

  /** Finds the lists and checks they hold what this version needs (schema-check.ts); throws naming what is missing. */
  static async open(graph: GraphApi, siteId: string): Promise<SiteLists> {
    const found = await graph.getAll<{ id: string; displayName: string }>(
      `/sites/${siteId}/lists?$select=id,displayName`,
    );
    const ids: Partial<Ids> = {};
    for (const spec of LISTS) ids[spec.key] = found.find((l) => l.displayName === spec.displayName)?.id;
    const missing = LISTS.filter((s) => !ids[s.key]).map((s) => s.displayName);
    if (missing.length) throw new ListsNotProvisionedError(missing);
    const lists = new SiteLists(graph, siteId, ids as Ids);
    await checkSchema(graph, (spec) => lists.path(spec));
    return lists;
  }

  /** The list's path under the Graph version root. */
  path(spec: ListSpec): string {
    return `/sites/${this.siteId}/lists/${this.ids[spec.key]}`;
  }

  query<F>(spec: ListSpec<F>, filter?: string): ListQuery<F> {
    return { spec, filter };
  }

  async read<F>(spec: ListSpec<F>, filter?: string): Promise<Item<F>[]> {
    const [items] = await this.readAll([this.query(spec, filter)] as const);
    return items;
  }

  /** Several reads in one $batch round trip, then each one's further pages; items per query, in order. */
  async readAll<Q extends readonly ListQuery<unknown>[]>(
    queries: Q,
  ): Promise<{ -readonly [K in keyof Q]: ItemsOf<Q[K]> }> {
    return this.guard(async () => {
      const responses = await this.graph.batch(queries.map((q, i) => this.request(q, String(i))));
      const out: Item<unknown>[][] = [];
      for (const [i, q] of queries.entries()) {
        const first = throwIfFailed(responses.get(String(i)), `read ${q.spec.displayName}`).body as GraphPage<RawItem>;
        const items: Item<unknown>[] = [];
        for await (const page of this.graph.pages<RawItem>('', first))
          items.push(...page.map((raw) => parsed(q.spec, raw)));
        out.push(items);
      }
      return out as { -readonly [K in keyof Q]: ItemsOf<Q[K]> };
    });
  }

  /** One item with its current ETag (the value If-Match takes: https://learn.microsoft.com/graph/api/resources/listitem, eTag). */
  async getItem<F>(spec: ListSpec<F>, itemId: string): Promise<Item<F>> {
    return this.guard(async () =>
      parsed(
        spec,
        await this.graph.get<RawItem>(`${this.path(spec)}/items/${itemId}?$expand=fields($select=${selectOf(spec)})`),
      ),
    );
  }

  /**
   * Creates items, 20 to a $batch. A create refused because its key exists stored nothing new:
   * Graph does not document the status of a unique-value violation (SharePoint's own REST API
   * answers 500 SPDuplicateValuesFoundException; Graph has been seen answering 400 and 409), so a
   * refused create is judged by looking its key up, never by its status. Any other refusal throws.
   */
  async createAll<F>(spec: ListSpec<F>, fieldsList: (F & { Title: string })[]): Promise<Created[]> {
    return this.guard(async () => {
      const url = `${this.path(spec)}/items`;
      const responses = await this.graph.batch(
        fieldsList.map((fields, i): BatchRequest => ({ id: String(i), method: 'POST', url, body: { fields } })),
      );
      const refused = fieldsList.flatMap((fields, i) => ((responses.get(String(i))?.status ?? 0) >= 400 ? [i] : []));
      const keys = refused.map((i) => keyOf(spec, fieldsList[i]));
      const found = await this.existingKeys(spec, keys);
      return fieldsList.map((fields, i) => {
        if (refused.includes(i) && found.has(keyOf(spec, fields))) return 'existing';
        throwIfFailed(responses.get(String(i)), `create in ${spec.displayName}`);
        return 'created';
      });
    });
  }

  /**
   * Updates an item's fields, with If-Match when given (412 when someone else saved first). Graph
   * answers with the fields only, no ETag (https://learn.microsoft.com/graph/api/listitem-update:
   * "200 OK … a fieldValueSet"): read the item again for the next If-Match.
   */
  async updateItem<F>(
    spec: ListSpec<F>,
    itemId: string,
    fields: Partial<F> & { Title?: string },
    ifMatch?: string,
  ): Promise<void> {
    await this.guard(() =>
      this.graph.patch(`${this.path(spec)}/items/${itemId}/fields`, fields, ifMatch ? { 'If-Match': ifMatch } : {}),
    );
  }

  async patchAll<F>(spec: ListSpec<F>, patches: { itemId: string; fields: Partial<F> }[]): Promise<void> {
    await this.guard(async () => {
      const responses = await this.graph.batch(
        patches.map((p, i) => ({
          id: String(i),
          method: 'PATCH',
          url: `${this.path(spec)}/items/${p.itemId}/fields`,
          body: p.fields,
        })),
      );
      patches.forEach((_, i) => throwIfFailed(responses.get(String(i)), `update in ${spec.displayName}`));
    });
  }

  /** Deletes items; one already gone (404) is as good as deleted. */
  async deleteAll(spec: ListSpec, itemIds: string[]): Promise<void> {
    await this.guard(async () => {
      const responses = await this.graph.batch(
        itemIds.map((id) => ({ id, method: 'DELETE', url: `${this.path(spec)}/items/${id}` })),
      );
      for (const id of itemIds) {
        const response = responses.get(id);
        if (response?.status !== 404) throwIfFailed(response, `delete from ${spec.displayName}`);
      }
    });
  }

  private request(query: ListQuery<unknown>, id: string): BatchRequest {
    const params = [`$expand=fields($select=${selectOf(query.spec)})`, `$top=${PAGE_SIZE}`];
    if (query.filter) params.push(`$filter=${encodeURIComponent(query.filter)}`);
    return { id, method: 'GET', url: `${this.path(query.spec)}/items?${params.join('&')}` };
  }

  /** Which of these keys the list holds (SharePoint matches them without regard to case; keys are case-safe). */
  private async existingKeys<F>(spec: ListSpec<F>, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const found = await this.readAll(keys.map((key) => this.query(spec, eq(spec.keyColumn, key))));
    return new Set(found.flat().map((item) => keyOf(spec, item.fields)));
  }

  private async guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof GraphThrottledError) throw new StoreBusyError(e.retryAfterMs);
      throw e;
    }
  }
}

type ItemsOf<Q> = Q extends ListQuery<infer F> ? Item<F>[] : never;

interface RawItem {
  id: string;
  eTag: string;
  fields?: unknown;
}

function keyOf<F>(spec: ListSpec<F>, fields: F | undefined): string {
  return String((fields as Record<string, unknown> | undefined)?.[spec.keyColumn]);
}

function parsed<F>(spec: ListSpec<F>, raw: RawItem): Item<F> {
  return { id: raw.id, eTag: raw.eTag, fields: spec.parse(raw.fields ?? {}) };
}
