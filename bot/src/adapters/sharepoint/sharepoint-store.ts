/**
 * The production store: the storage ports over SharePoint lists through Microsoft Graph.
 *
 * - A plan is a header item plus one item per goal and measure, all stamped with a revision.
 *   Replacing a plan writes the new revision's items first and then moves the header to it with
 *   If-Match, so readers see the old plan or the new one, never half of either.
 * - A measure is edited with If-Match on its item's ETag: a concurrent edit gets 412 and the
 *   caller gets the version stored now.
 * - Status reports and audit entries are only ever created; each has a unique key column, so a
 *   create retried after a lost response is refused with 409 and counted as already stored.
 * - Reads filter on indexed columns only, are batched, and follow @odata.nextLink: a goal table
 *   is two round trips whatever its size (up to 5 000 rows per page).
 */
import {
  ConcurrentChangeError,
  type AppendResult,
  type AuditLog,
  type PersonalData,
  type PlanRepository,
  type StatusReportRepository,
  type VersionedMeasure,
} from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import type { GoalNode, Measure, Plan } from '../../domain/plan';
import type { StatusCode, StatusReport } from '../../domain/status';
import { GraphRequestError, throwIfFailed, type BatchRequest, type GraphApi } from './graph-http';
import {
  AUDIT_LIST,
  LISTS,
  NODES_LIST,
  PLANS_LIST,
  REPORTS_LIST,
  odataString,
  selectOf,
  type ListSpec,
} from './schema';

const PAGE_SIZE = 5000;

interface Item<F> {
  id: string;
  eTag: string;
  fields: F;
}

interface HeaderFields {
  PlanId: string;
  Revision: number;
  Header: string;
}

interface NodeFields {
  NodeKey: string;
  PlanId: string;
  Revision: number;
  NodeId: string;
  ParentId?: string | null;
  Kind: 'goal' | 'measure';
  Position: number;
  Data: string;
}

interface ReportFields {
  ReportKey: string;
  ReportId: string;
  PlanId: string;
  PeriodId: string;
  MeasureId: string;
  Status: StatusCode;
  Comment?: string | null;
  Value?: number | null;
  ReportedById: string;
  ReportedByName: string;
  AnsweredForId?: string | null;
  AnsweredForName?: string | null;
  ReportedAt: string;
  SubmissionId: string;
}

interface AuditFields {
  EntryId: string;
  PlanId: string;
  At: string;
  Action: AuditEntry['action'];
  ActorId: string;
  ActorName: string;
  Details: string;
}

export class ListsNotProvisionedError extends Error {
  constructor(readonly missing: string[]) {
    super(`SharePoint lists missing on the site: ${missing.join(', ')}. Run npm run provision:sharepoint.`);
    this.name = 'ListsNotProvisionedError';
  }
}

/** Where each list lives on the site, and how to read it. */
export class SiteLists {
  constructor(
    private readonly graph: GraphApi,
    private readonly siteId: string,
    private readonly ids: Record<ListSpec['key'], string>,
  ) {}

  static async resolve(graph: GraphApi, siteId: string): Promise<SiteLists> {
    const found = await graph.getAll<{ id: string; displayName: string }>(
      `/sites/${siteId}/lists?$select=id,displayName`,
    );
    const ids: Partial<Record<ListSpec['key'], string>> = {};
    for (const spec of LISTS) ids[spec.key] = found.find((l) => l.displayName === spec.displayName)?.id;
    const missing = LISTS.filter((s) => !ids[s.key]).map((s) => s.displayName);
    if (missing.length) throw new ListsNotProvisionedError(missing);
    return new SiteLists(graph, siteId, ids as Record<ListSpec['key'], string>);
  }

  items(spec: ListSpec): string {
    return `/sites/${this.siteId}/lists/${this.ids[spec.key]}/items`;
  }

  /** A filtered read of a list's items with their fields, as a batchable request. */
  query(spec: ListSpec, filter: string | undefined, id: string = spec.key): BatchRequest {
    const params = [`$expand=fields($select=${selectOf(spec)})`, `$top=${PAGE_SIZE}`];
    if (filter) params.push(`$filter=${encodeURIComponent(filter)}`);
    return { id, method: 'GET', url: `${this.items(spec)}?${params.join('&')}` };
  }

  /**
   * Runs several reads in one $batch round trip, then follows each one's @odata.nextLink.
   * Returns the items per request id.
   */
  async readAll(requests: BatchRequest[]): Promise<Map<string, Item<never>[]>> {
    const responses = await this.graph.batch(requests);
    const out = new Map<string, Item<never>[]>();
    for (const request of requests) {
      const page = throwIfFailed(responses.get(request.id), `read ${request.id}`).body as {
        value: Item<never>[];
        '@odata.nextLink'?: string;
      };
      const items = [...page.value];
      let next = page['@odata.nextLink'];
      while (next) {
        const more = await this.graph.get<{ value: Item<never>[]; '@odata.nextLink'?: string }>(next);
        items.push(...more.value);
        next = more['@odata.nextLink'];
      }
      out.set(request.id, items);
    }
    return out;
  }

  /** Creates items in batches; returns for each the status Graph answered (201, or 409 when the key existed). */
  async createAll(spec: ListSpec, fieldsList: Record<string, unknown>[]): Promise<number[]> {
    const requests = fieldsList.map((fields, i): BatchRequest => ({
      id: String(i),
      method: 'POST',
      url: this.items(spec),
      body: { fields },
    }));
    const responses = await this.graph.batch(requests);
    return requests.map((r) => {
      const response = responses.get(r.id);
      if (response?.status === 409) return 409;
      return throwIfFailed(response, `create in ${spec.displayName}`).status;
    });
  }

  async patchAll(spec: ListSpec, patches: { itemId: string; fields: Record<string, unknown> }[]): Promise<void> {
    const responses = await this.graph.batch(
      patches.map((p, i) => ({
        id: String(i),
        method: 'PATCH',
        url: `${this.items(spec)}/${p.itemId}/fields`,
        body: p.fields,
      })),
    );
    patches.forEach((_, i) => throwIfFailed(responses.get(String(i)), `update in ${spec.displayName}`));
  }

  async deleteAll(spec: ListSpec, itemIds: string[]): Promise<void> {
    const responses = await this.graph.batch(
      itemIds.map((id) => ({ id, method: 'DELETE', url: `${this.items(spec)}/${id}` })),
    );
    for (const id of itemIds) {
      const response = responses.get(id);
      if (response?.status !== 404) throwIfFailed(response, `delete from ${spec.displayName}`);
    }
  }
}

const eq = (column: string, value: string): string => `fields/${column} eq ${odataString(value)}`;
const clip = (text: string): string => (text.length > 255 ? `${text.slice(0, 254)}…` : text);
const nodeKey = (planId: string, revision: number, kind: string, id: string): string =>
  `${planId}/${revision}/${kind}/${id}`;

export class SharePointPlanRepository implements PlanRepository {
  constructor(
    private readonly lists: SiteLists,
    private readonly graph: GraphApi,
  ) {}

  async listPlans(): Promise<Plan[]> {
    const read = await this.lists.readAll([
      this.lists.query(PLANS_LIST, undefined),
      this.lists.query(NODES_LIST, undefined),
    ]);
    const nodes = read.get('nodes') as Item<NodeFields>[];
    return (read.get('plans') as Item<HeaderFields>[])
      .map((header) => assemble(header.fields, nodes))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  async getPlan(planId: string): Promise<Plan | undefined> {
    const read = await this.lists.readAll([
      this.lists.query(PLANS_LIST, eq('PlanId', planId)),
      this.lists.query(NODES_LIST, eq('PlanId', planId)),
    ]);
    const header = (read.get('plans') as Item<HeaderFields>[])[0];
    return header && assemble(header.fields, read.get('nodes') as Item<NodeFields>[]);
  }

  async savePlan(plan: Plan, audit?: AuditEntry): Promise<void> {
    const header = await this.header(plan.id);
    const revision = (header?.fields.Revision ?? 0) + 1;
    await this.lists.createAll(NODES_LIST, nodeFields(plan, revision));
    const { goals: _goals, ...rest } = plan;
    const fields = { Title: clip(plan.title), PlanId: plan.id, Revision: revision, Header: JSON.stringify(rest) };
    if (header) {
      try {
        await this.graph.patch(`${this.lists.items(PLANS_LIST)}/${header.id}/fields`, fields, {
          'If-Match': header.eTag,
        });
      } catch (e) {
        if (e instanceof GraphRequestError && e.status === 412)
          throw new Error(`plan ${plan.id} was replaced by someone else at the same time; try again`);
        throw e;
      }
    } else {
      await this.graph.post(this.lists.items(PLANS_LIST), { fields });
    }
    if (audit) await writeAudit(this.lists, [audit]);
    await this.removeRevisionsBefore(plan.id, revision);
  }

  async getMeasure(planId: string, measureId: string): Promise<VersionedMeasure | undefined> {
    const item = await this.measureItem(planId, measureId);
    return item && { measure: JSON.parse(item.fields.Data) as Measure, version: item.eTag };
  }

  async updateMeasure(
    planId: string,
    measure: Measure,
    expectedVersion: string,
    audit?: AuditEntry,
  ): Promise<VersionedMeasure> {
    const item = await this.measureItem(planId, measure.id);
    if (!item) throw new Error(`no measure ${measure.id} in plan ${planId}`);
    let updated: { '@odata.etag': string };
    try {
      updated = await this.graph.patch(
        `${this.lists.items(NODES_LIST)}/${item.id}/fields`,
        { Title: clip(`${measure.number} ${measure.text}`), Data: JSON.stringify(measure) },
        { 'If-Match': expectedVersion },
      );
    } catch (e) {
      if (!(e instanceof GraphRequestError && e.status === 412)) throw e;
      const current = await this.getMeasure(planId, measure.id);
      if (!current) throw e;
      throw new ConcurrentChangeError(current);
    }
    if (audit) await writeAudit(this.lists, [audit]);
    return { measure, version: updated['@odata.etag'] };
  }

  private async header(planId: string): Promise<Item<HeaderFields> | undefined> {
    const read = await this.lists.readAll([this.lists.query(PLANS_LIST, eq('PlanId', planId))]);
    return (read.get('plans') as Item<HeaderFields>[])[0];
  }

  private async measureItem(planId: string, measureId: string): Promise<Item<NodeFields> | undefined> {
    const header = await this.header(planId);
    if (!header) return undefined;
    const key = nodeKey(planId, header.fields.Revision, 'measure', measureId);
    const read = await this.lists.readAll([this.lists.query(NODES_LIST, eq('NodeKey', key))]);
    return (read.get('nodes') as Item<NodeFields>[])[0];
  }

  /** Old revisions are unreachable once the header moved on; removing them only saves space. */
  private async removeRevisionsBefore(planId: string, revision: number): Promise<void> {
    const read = await this.lists.readAll([this.lists.query(NODES_LIST, eq('PlanId', planId))]);
    const stale = (read.get('nodes') as Item<NodeFields>[])
      .filter((n) => n.fields.Revision < revision)
      .map((n) => n.id);
    if (stale.length) await this.lists.deleteAll(NODES_LIST, stale);
  }
}

function nodeFields(plan: Plan, revision: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const common = (
    kind: 'goal' | 'measure',
    id: string,
    parentId: string,
    position: number,
    title: string,
    data: unknown,
  ) => ({
    Title: clip(title),
    NodeKey: nodeKey(plan.id, revision, kind, id),
    PlanId: plan.id,
    Revision: revision,
    NodeId: id,
    ParentId: parentId,
    Kind: kind,
    Position: position,
    Data: JSON.stringify(data),
  });
  const walk = (nodes: GoalNode[], parentId: string): void =>
    nodes.forEach((node, position) => {
      const { children, measures, ...data } = node;
      out.push(common('goal', node.id, parentId, position, `${node.number} ${node.text}`, data));
      measures.forEach((m, i) => out.push(common('measure', m.id, node.id, i, `${m.number} ${m.text}`, m)));
      walk(children, node.id);
    });
  walk(plan.goals, '');
  return out;
}

/** The plan from its header and the items of the header's revision (other revisions are ignored). */
function assemble(header: HeaderFields, items: Item<NodeFields>[]): Plan {
  const mine = items
    .map((i) => i.fields)
    .filter((f) => f.PlanId === header.PlanId && f.Revision === header.Revision)
    .sort((a, b) => a.Position - b.Position);
  const goals = new Map<string, GoalNode>();
  for (const f of mine.filter((x) => x.Kind === 'goal'))
    goals.set(f.NodeId, { ...(JSON.parse(f.Data) as GoalNode), children: [], measures: [] });
  const roots: GoalNode[] = [];
  for (const f of mine) {
    const parent = f.ParentId ? goals.get(f.ParentId) : undefined;
    if (f.Kind === 'measure') parent?.measures.push(JSON.parse(f.Data) as Measure);
    else if (parent) parent.children.push(goals.get(f.NodeId) as GoalNode);
    else roots.push(goals.get(f.NodeId) as GoalNode);
  }
  return { ...(JSON.parse(header.Header) as Omit<Plan, 'goals'>), goals: roots };
}

export class SharePointStatusReportRepository implements StatusReportRepository {
  constructor(private readonly lists: SiteLists) {}

  async appendReports(reports: StatusReport[], audit?: AuditEntry): Promise<AppendResult> {
    const { created } = await this.importReports(reports);
    // Written even when every report existed: an earlier attempt may have stopped between the
    // two writes. The entry's id is derived from the submission, so it is stored once.
    if (audit && reports.length > 0) await writeAudit(this.lists, [audit]);
    return { reports, alreadyStored: created === 0 && reports.length > 0 };
  }

  /** Copies reports made elsewhere (the migration); counts what was new and what was there. */
  async importReports(reports: StatusReport[]): Promise<{ created: number; existing: number }> {
    const statuses = await this.lists.createAll(REPORTS_LIST, reports.map(reportFields));
    const created = statuses.filter((s) => s === 201).length;
    return { created, existing: reports.length - created };
  }

  async listReports(planId: string, filter: { periodId?: string } = {}): Promise<StatusReport[]> {
    const where = filter.periodId
      ? `${eq('PlanId', planId)} and ${eq('PeriodId', filter.periodId)}`
      : eq('PlanId', planId);
    const read = await this.lists.readAll([this.lists.query(REPORTS_LIST, where)]);
    return (read.get('reports') as Item<ReportFields>[])
      .sort((a, b) => a.fields.ReportedAt.localeCompare(b.fields.ReportedAt) || Number(a.id) - Number(b.id))
      .map((i) => reportFromFields(i.fields));
  }
}

function reportFields(r: StatusReport): Record<string, unknown> {
  return {
    Title: clip(`${r.measureId} ${r.periodId}`),
    ReportKey: `${r.submissionId}/${r.measureId}`,
    ReportId: r.id,
    PlanId: r.planId,
    PeriodId: r.periodId,
    MeasureId: r.measureId,
    Status: r.status,
    Comment: r.comment ?? null,
    Value: r.value ?? null,
    ReportedById: r.reportedBy.userId,
    ReportedByName: r.reportedBy.name,
    AnsweredForId: r.answeredFor?.userId ?? null,
    AnsweredForName: r.answeredFor?.name ?? null,
    ReportedAt: r.reportedAt,
    SubmissionId: r.submissionId,
  };
}

function reportFromFields(f: ReportFields): StatusReport {
  return {
    id: f.ReportId,
    planId: f.PlanId,
    measureId: f.MeasureId,
    periodId: f.PeriodId,
    status: f.Status,
    ...(f.Comment ? { comment: f.Comment } : {}),
    ...(typeof f.Value === 'number' ? { value: f.Value } : {}),
    reportedBy: { userId: f.ReportedById, name: f.ReportedByName },
    ...(f.AnsweredForId ? { answeredFor: { userId: f.AnsweredForId, name: f.AnsweredForName ?? '' } } : {}),
    reportedAt: f.ReportedAt,
    submissionId: f.SubmissionId,
  };
}

async function writeAudit(lists: SiteLists, entries: AuditEntry[]): Promise<number[]> {
  return lists.createAll(
    AUDIT_LIST,
    entries.map((e) => ({
      Title: clip(`${e.action} ${e.planId}`),
      EntryId: e.id,
      PlanId: e.planId,
      At: e.at,
      Action: e.action,
      ActorId: e.actor.userId,
      ActorName: e.actor.name,
      Details: JSON.stringify(e.details),
    })),
  );
}

export class SharePointAuditLog implements AuditLog {
  constructor(private readonly lists: SiteLists) {}

  async appendAudit(entry: AuditEntry): Promise<void> {
    await writeAudit(this.lists, [entry]);
  }

  /** Copies entries made elsewhere (the migration); counts what was new and what was there. */
  async importEntries(entries: AuditEntry[]): Promise<{ created: number; existing: number }> {
    const created = (await writeAudit(this.lists, entries)).filter((s) => s === 201).length;
    return { created, existing: entries.length - created };
  }

  async listAudit(planId: string): Promise<AuditEntry[]> {
    const read = await this.lists.readAll([this.lists.query(AUDIT_LIST, eq('PlanId', planId))]);
    return (read.get('audit') as Item<AuditFields>[])
      .sort((a, b) => a.fields.At.localeCompare(b.fields.At) || Number(a.id) - Number(b.id))
      .map(({ fields: f }) => ({
        id: f.EntryId,
        planId: f.PlanId,
        at: f.At,
        action: f.Action,
        actor: { userId: f.ActorId, name: f.ActorName },
        details: JSON.parse(f.Details) as Record<string, string>,
      }));
  }
}

/**
 * SharePoint has no transactions: the person is replaced item by item, then one audit entry per
 * plan is written. Running it again finishes an interrupted run (it finds what is left).
 */
export class SharePointPersonalData implements PersonalData {
  constructor(private readonly lists: SiteLists) {}

  async erasePerson(
    userId: string,
    replacement: { userId: string; name: string },
    auditFor: (planId: string, count: number) => AuditEntry,
  ): Promise<{ reports: number; auditEntries: number; plans: string[] }> {
    const read = await this.lists.readAll([
      this.lists.query(REPORTS_LIST, eq('ReportedById', userId)),
      this.lists.query(REPORTS_LIST, eq('AnsweredForId', userId), 'answered-for'),
      this.lists.query(AUDIT_LIST, eq('ActorId', userId)),
    ]);
    const reports = read.get('reports') as Item<ReportFields>[];
    const answeredFor = read.get('answered-for') as Item<ReportFields>[];
    const entries = read.get('audit') as Item<AuditFields>[];
    await this.lists.patchAll(
      REPORTS_LIST,
      reports.map((r) => ({
        itemId: r.id,
        fields: { ReportedById: replacement.userId, ReportedByName: replacement.name },
      })),
    );
    await this.lists.patchAll(
      REPORTS_LIST,
      answeredFor.map((r) => ({
        itemId: r.id,
        fields: { AnsweredForId: replacement.userId, AnsweredForName: replacement.name },
      })),
    );
    await this.lists.patchAll(
      AUDIT_LIST,
      entries.map((e) => ({ itemId: e.id, fields: { ActorId: replacement.userId, ActorName: replacement.name } })),
    );
    const perPlan = new Map<string, number>();
    for (const r of [...reports, ...answeredFor.filter((a) => !reports.some((r) => r.id === a.id))])
      perPlan.set(r.fields.PlanId, (perPlan.get(r.fields.PlanId) ?? 0) + 1);
    await writeAudit(
      this.lists,
      [...perPlan].map(([planId, count]) => auditFor(planId, count)),
    );
    return { reports: reports.length, auditEntries: entries.length, plans: [...perPlan.keys()] };
  }
}

export interface SharePointStore {
  plans: SharePointPlanRepository;
  reports: SharePointStatusReportRepository;
  audit: SharePointAuditLog;
  personalData: SharePointPersonalData;
}

export async function openSharePointStore(graph: GraphApi, siteId: string): Promise<SharePointStore> {
  const lists = await SiteLists.resolve(graph, siteId);
  return {
    plans: new SharePointPlanRepository(lists, graph),
    reports: new SharePointStatusReportRepository(lists),
    audit: new SharePointAuditLog(lists),
    personalData: new SharePointPersonalData(lists),
  };
}
