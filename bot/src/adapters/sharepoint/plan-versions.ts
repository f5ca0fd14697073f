/**
 * Plan revisions in SharePoint: a header item per draft and per earlier version (VERSIONS_LIST) and
 * their trees in VERSION_NODES_LIST, written as the plan repository writes a plan (new revision's
 * nodes first, then the header moved to it with If-Match, then the old nodes deleted). The draft's
 * version token is its header's ETag.
 *
 * No transaction spans lists. Adoption therefore goes in an order a retry finishes: the version is
 * archived (found again by the draft token it came from, so a retry archives nothing twice), the
 * plan replaced, the draft deleted. Adopting and discarding check the draft's ETag just before
 * they start; an edit saved in the seconds they take is lost with the draft (the plan repository's
 * replace has the same window).
 */
import {
  DraftChangedError,
  type PlanDraft,
  type PlanVersion,
  type PlanVersionStore,
  type PlanVersionSummary,
} from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import type { Plan } from '../../domain/plan';
import { versionSummary } from '../../domain/revision';
import { writeAudit } from './audit-log';
import { GraphRequestError } from './graph-http';
import { caseSafe, clip, planKey } from './keys';
import { assemble, nextRevision, nodeFields, type SharePointPlanRepository } from './plan-repository';
import { VERSION_NODES_LIST, VERSIONS_LIST, type VersionFields } from './schema';
import { eq, type Item, type SiteLists } from './site-lists';

/** Whose nodes these are in VERSION_NODES_LIST: the plan's draft, or one of its versions. */
const draftKeyId = (planId: string): string => `${planId}#draft`;
const versionKeyId = (planId: string, number: number): string => `${planId}#v${number}`;
const headerKey = (keyId: string): string => caseSafe(keyId);

export class SharePointPlanVersionStore implements PlanVersionStore {
  constructor(
    private readonly lists: SiteLists,
    private readonly plans: SharePointPlanRepository,
  ) {}

  async getDraft(planId: string): Promise<PlanDraft | undefined> {
    return (await this.readDraft(planId)).draft;
  }

  async saveDraft(
    draft: Omit<PlanDraft, 'version'>,
    expectedVersion: string | undefined,
    audit?: AuditEntry,
  ): Promise<PlanDraft> {
    const planId = draft.plan.id;
    const keyId = draftKeyId(planId);
    const { header, nodes, draft: current } = await this.readDraft(planId);
    if (header?.eTag !== expectedVersion) throw new DraftChangedError(current);
    const revision = nextRevision(header?.fields.Revision ?? 0);
    await this.lists.createAll(VERSION_NODES_LIST, nodeFields(draft.plan, revision, keyId));
    const fields = headerFields(keyId, 'draft', 0, revision, draft.plan, draft.startedAt, draft.startedBy);
    if (header) {
      try {
        await this.lists.updateItem(VERSIONS_LIST, header.id, fields, header.eTag);
      } catch (e) {
        if (e instanceof GraphRequestError && e.status === 412)
          throw new DraftChangedError((await this.readDraft(planId)).draft);
        throw e;
      }
    } else {
      const [made] = await this.lists.createAll(VERSIONS_LIST, [fields]);
      // Someone else started a draft of the plan at the same moment: theirs stands.
      if (made === 'existing') throw new DraftChangedError((await this.readDraft(planId)).draft);
    }
    if (audit) await writeAudit(this.lists, [audit]);
    if (nodes.length)
      await this.lists.deleteAll(
        VERSION_NODES_LIST,
        nodes.map((n) => n.id),
      );
    const saved = (await this.readDraft(planId)).draft;
    if (!saved) throw new DraftChangedError(undefined);
    return saved;
  }

  async discardDraft(planId: string, expectedVersion: string, audit?: AuditEntry): Promise<void> {
    const { header, nodes, draft } = await this.readDraft(planId);
    if (!header || header.eTag !== expectedVersion) throw new DraftChangedError(draft);
    await this.lists.deleteAll(VERSIONS_LIST, [header.id]);
    if (audit) await writeAudit(this.lists, [audit]);
    if (nodes.length)
      await this.lists.deleteAll(
        VERSION_NODES_LIST,
        nodes.map((n) => n.id),
      );
  }

  async adoptDraft(adopted: Plan, archived: PlanVersion, expectedVersion: string, audit?: AuditEntry): Promise<void> {
    const planId = adopted.id;
    const { header, nodes, draft } = await this.readDraft(planId);
    if (!header || header.eTag !== expectedVersion) throw new DraftChangedError(draft);
    const headers = await this.lists.read(VERSIONS_LIST, eq('PlanId', planKey(planId)));
    const already = headers.some((h) => h.fields.Kind === 'archived' && h.fields.FromDraft === expectedVersion);
    if (!already) {
      const keyId = versionKeyId(planId, archived.number);
      await this.lists.createAll(VERSION_NODES_LIST, nodeFields(archived.plan, archived.number, keyId));
      await this.lists.createAll(VERSIONS_LIST, [
        {
          ...headerFields(
            keyId,
            'archived',
            archived.number,
            archived.number,
            archived.plan,
            archived.archivedAt,
            archived.archivedBy,
          ),
          FromDraft: expectedVersion,
        },
      ]);
    }
    await this.plans.savePlan(adopted, audit);
    await this.lists.deleteAll(VERSIONS_LIST, [header.id]);
    if (nodes.length)
      await this.lists.deleteAll(
        VERSION_NODES_LIST,
        nodes.map((n) => n.id),
      );
  }

  /**
   * An earlier version copied in as it is (`migrate`): its nodes, then its header. Both have unique
   * keys, so a second run (or one after an interruption) adds nothing twice.
   */
  async importVersion(version: PlanVersion): Promise<'created' | 'existing'> {
    const keyId = versionKeyId(version.planId, version.number);
    await this.lists.createAll(VERSION_NODES_LIST, nodeFields(version.plan, version.number, keyId));
    const [made] = await this.lists.createAll(VERSIONS_LIST, [
      headerFields(
        keyId,
        'archived',
        version.number,
        version.number,
        version.plan,
        version.archivedAt,
        version.archivedBy,
      ),
    ]);
    return made === 'existing' ? 'existing' : 'created';
  }

  /** As saveDraft writes a draft: the new revision's nodes, the header moved to them, the old nodes deleted. */
  async rewriteVersion(version: PlanVersion): Promise<void> {
    const keyId = versionKeyId(version.planId, version.number);
    const key = headerKey(keyId);
    const [headers, nodes] = await this.lists.readAll([
      this.lists.query(VERSIONS_LIST, eq('VersionKey', key)),
      this.lists.query(VERSION_NODES_LIST, eq('PlanId', key)),
    ] as const);
    const header = headers.find((h) => h.fields.VersionKey === key && h.fields.Kind === 'archived');
    if (!header) return;
    const revision = nextRevision(header.fields.Revision);
    await this.lists.createAll(VERSION_NODES_LIST, nodeFields(version.plan, revision, keyId));
    const { FromDraft } = header.fields;
    await this.lists.updateItem(
      VERSIONS_LIST,
      header.id,
      {
        ...headerFields(
          keyId,
          'archived',
          version.number,
          revision,
          version.plan,
          version.archivedAt,
          version.archivedBy,
        ),
        FromDraft,
      },
      header.eTag,
    );
    const old = nodes.filter((n) => n.fields.Revision !== revision);
    if (old.length)
      await this.lists.deleteAll(
        VERSION_NODES_LIST,
        old.map((n) => n.id),
      );
  }

  async listVersions(planId: string): Promise<PlanVersionSummary[]> {
    const headers = await this.lists.read(VERSIONS_LIST, eq('PlanId', planKey(planId)));
    const archived = headers
      .filter((h) => h.fields.Kind === 'archived')
      .sort((a, b) => a.fields.Number - b.fields.Number);
    if (archived.length === 0) return [];
    const nodes = await this.lists.readAll(
      archived.map((h) => this.lists.query(VERSION_NODES_LIST, eq('PlanId', h.fields.VersionKey))),
    );
    return archived.map((h, i) => versionSummary(versionOf(planId, h, nodes[i] ?? [])));
  }

  async getVersion(planId: string, number: number): Promise<PlanVersion | undefined> {
    const key = headerKey(versionKeyId(planId, number));
    const [headers, nodes] = await this.lists.readAll([
      this.lists.query(VERSIONS_LIST, eq('VersionKey', key)),
      this.lists.query(VERSION_NODES_LIST, eq('PlanId', key)),
    ] as const);
    const header = headers.find((h) => h.fields.VersionKey === key && h.fields.Kind === 'archived');
    return header && versionOf(planId, header, nodes);
  }

  private async readDraft(planId: string) {
    const key = headerKey(draftKeyId(planId));
    const [headers, nodes] = await this.lists.readAll([
      this.lists.query(VERSIONS_LIST, eq('VersionKey', key)),
      this.lists.query(VERSION_NODES_LIST, eq('PlanId', key)),
    ] as const);
    const header: Item<VersionFields> | undefined = headers.find((h) => h.fields.VersionKey === key);
    const draft: PlanDraft | undefined = header && {
      plan: assemble({ PlanId: key, Revision: header.fields.Revision, Header: header.fields.Header }, nodes),
      version: header.eTag,
      startedAt: new Date(header.fields.At).toISOString(),
      startedBy: { userId: header.fields.ById, name: header.fields.ByName },
    };
    return { header, nodes, draft };
  }
}

/** The header of a draft or version; its PlanId is the plan's, so a plan's versions are read by one filter. */
function headerFields(
  keyId: string,
  kind: 'draft' | 'archived',
  number: number,
  revision: number,
  plan: Plan,
  at: string,
  by: { userId: string; name: string },
): VersionFields & { Title: string } {
  const { goals: _goals, ...rest } = plan;
  return {
    Title: clip(plan.title),
    VersionKey: headerKey(keyId),
    PlanId: planKey(plan.id),
    Kind: kind,
    Number: number,
    Revision: revision,
    Header: JSON.stringify(rest),
    At: at,
    ById: by.userId,
    ByName: by.name,
    FromDraft: null,
  };
}

function versionOf(planId: string, header: Item<VersionFields>, nodes: Parameters<typeof assemble>[1]): PlanVersion {
  const f = header.fields;
  return {
    planId,
    number: f.Number,
    plan: assemble({ PlanId: f.VersionKey, Revision: f.Revision, Header: f.Header }, nodes),
    archivedAt: new Date(f.At).toISOString(),
    archivedBy: { userId: f.ById, name: f.ByName },
  };
}
