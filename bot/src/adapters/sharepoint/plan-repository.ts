/**
 * Plans in SharePoint: a header item plus one item per goal and measure, all stamped with a
 * revision of their own. Replacing a plan writes the new revision's items first and then moves the header to
 * it with If-Match, so readers see the old plan or the new one, never half of either. A measure is
 * edited with If-Match on its item's ETag: a concurrent edit gets 412 and the caller gets the
 * version stored now.
 */
import { randomInt } from 'node:crypto';
import { ConcurrentChangeError, type PlanRepository, type VersionedMeasure } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import type { GoalNode, Measure, Plan } from '../../domain/plan';
import { writeAudit } from './audit-log';
import { GraphRequestError } from './graph-http';
import { clip, nodeKey, planKey } from './keys';
import { NODES_LIST, PLANS_LIST, type NodeFields, type PlanHeaderFields } from './schema';
import { eq, type Item, type SiteLists } from './site-lists';

export class SharePointPlanRepository implements PlanRepository {
  constructor(private readonly lists: SiteLists) {}

  async listPlans(): Promise<Plan[]> {
    const [headers, nodes] = await this.lists.readAll([
      this.lists.query(PLANS_LIST),
      this.lists.query(NODES_LIST),
    ] as const);
    return headers.map((header) => assemble(header.fields, nodes)).sort((a, b) => a.id.localeCompare(b.id));
  }

  async getPlan(planId: string): Promise<Plan | undefined> {
    const [headers, nodes] = await this.lists.readAll([
      this.lists.query(PLANS_LIST, eq('PlanId', planKey(planId))),
      this.lists.query(NODES_LIST, eq('PlanId', planKey(planId))),
    ] as const);
    const header = headers[0];
    return header && assemble(header.fields, nodes);
  }

  async savePlan(plan: Plan, audit?: AuditEntry): Promise<void> {
    const key = planKey(plan.id);
    const [headers, nodes] = await this.lists.readAll([
      this.lists.query(PLANS_LIST, eq('PlanId', key)),
      this.lists.query(NODES_LIST, eq('PlanId', key)),
    ] as const);
    const header = headers[0];
    const revision = nextRevision(header?.fields.Revision ?? 0);
    await this.lists.createAll(NODES_LIST, nodeFields(plan, revision));
    const { goals: _goals, ...rest } = plan;
    const fields = { Title: clip(plan.title), PlanId: key, Revision: revision, Header: JSON.stringify(rest) };
    if (header) {
      try {
        await this.lists.updateItem(PLANS_LIST, header.id, fields, header.eTag);
      } catch (e) {
        if (e instanceof GraphRequestError && e.status === 412)
          throw new Error(`plan ${plan.id} was replaced by someone else at the same time; try again`);
        throw e;
      }
    } else {
      await this.lists.createAll(PLANS_LIST, [fields]);
    }
    if (audit) await writeAudit(this.lists, [audit]);
    // Every revision read before is unreachable now the header moved on: the old one, and any a
    // save that stopped half-way left behind (or one still under way, which will get 412).
    if (nodes.length)
      await this.lists.deleteAll(
        NODES_LIST,
        nodes.map((n) => n.id),
      );
  }

  async getMeasure(planId: string, measureId: string): Promise<VersionedMeasure | undefined> {
    const item = await this.measureItem(planId, measureId);
    return item && versioned(item);
  }

  async updateMeasure(
    planId: string,
    measure: Measure,
    expectedVersion: string,
    audit?: AuditEntry,
  ): Promise<VersionedMeasure> {
    const item = await this.measureItem(planId, measure.id);
    if (!item) throw new Error(`no measure ${measure.id} in plan ${planId}`);
    try {
      await this.lists.updateItem(
        NODES_LIST,
        item.id,
        { Title: clip(`${measure.number} ${measure.text}`), Data: JSON.stringify(measure) },
        expectedVersion,
      );
    } catch (e) {
      if (!(e instanceof GraphRequestError && e.status === 412)) throw e;
      const current = await this.getMeasure(planId, measure.id);
      if (!current) throw e;
      throw new ConcurrentChangeError(current);
    }
    if (audit) await writeAudit(this.lists, [audit]);
    // The update's answer carries no ETag: the item read now gives the one the next edit must match
    // (and, should someone have saved in between, their version with it, never ours with their ETag).
    return versioned(await this.lists.getItem(NODES_LIST, item.id));
  }

  private async measureItem(planId: string, measureId: string): Promise<Item<NodeFields> | undefined> {
    const [header] = await this.lists.read(PLANS_LIST, eq('PlanId', planKey(planId)));
    if (!header) return undefined;
    const [item] = await this.lists.read(
      NODES_LIST,
      eq('NodeKey', nodeKey(planId, header.fields.Revision, 'measure', measureId)),
    );
    return item;
  }
}

/**
 * A revision no other save uses, even one running at the same moment: two saves of one plan then
 * never write the same node keys (a key already there can only be this save's own, retried), and
 * the header decides which one counts. Later than the current one, so revisions still sort.
 */
export function nextRevision(current: number): number {
  return Math.max(current + 1 + randomInt(1000), Date.now() * 1000 + randomInt(1000));
}

function versioned(item: Item<NodeFields>): VersionedMeasure {
  return { measure: JSON.parse(item.fields.Data) as Measure, version: item.eTag };
}

/**
 * The plan's tree as node items of one revision. `keyId` is whose nodes they are in their list: the
 * plan's id for the plan in force, another (its draft's, a version's) in the versions' node list.
 */
export function nodeFields(plan: Plan, revision: number, keyId = plan.id): (NodeFields & { Title: string })[] {
  const out: (NodeFields & { Title: string })[] = [];
  const common = (
    kind: 'goal' | 'measure',
    id: string,
    parentId: string,
    position: number,
    title: string,
    data: unknown,
  ) => ({
    Title: clip(title),
    NodeKey: nodeKey(keyId, revision, kind, id),
    PlanId: planKey(keyId),
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

/**
 * The plan from its header and the items of the header's revision (other revisions are ignored).
 * SharePoint matched PlanId without regard to case; keys are case-safe, so the comparison is exact.
 */
export function assemble(
  header: Pick<PlanHeaderFields, 'PlanId' | 'Revision' | 'Header'>,
  items: Item<NodeFields>[],
): Plan {
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
