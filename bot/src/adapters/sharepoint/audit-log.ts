/** The audit trail in SharePoint: entries only ever created, each under its id (case-safe). */
import type { AuditLog } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import { byTimeAndSequence, caseSafe, clip, fromCaseSafe, planKey, sequences } from './keys';
import { AUDIT_LIST, type AuditFields } from './schema';
import { eq, type Created, type SiteLists } from './site-lists';

export class SharePointAuditLog implements AuditLog {
  constructor(private readonly lists: SiteLists) {}

  async appendAudit(entry: AuditEntry): Promise<void> {
    await writeAudit(this.lists, [entry]);
  }

  /** Copies entries made elsewhere (the migration); counts what was new and what was there. */
  async importEntries(entries: AuditEntry[]): Promise<{ created: number; existing: number }> {
    const created = (await writeAudit(this.lists, entries)).filter((o) => o === 'created').length;
    return { created, existing: entries.length - created };
  }

  async listAudit(planId: string): Promise<AuditEntry[]> {
    const items = await this.lists.read(AUDIT_LIST, eq('PlanId', planKey(planId)));
    return items
      .map((i) => ({ at: i.fields.At, sequence: i.fields.Sequence, itemId: i.id, entry: entryFromFields(i.fields) }))
      .filter(({ entry }) => entry.planId === planId)
      .sort(byTimeAndSequence)
      .map(({ entry }) => entry);
  }
}

export function writeAudit(lists: SiteLists, entries: AuditEntry[]): Promise<Created[]> {
  const order = sequences(entries.length);
  return lists.createAll(
    AUDIT_LIST,
    entries.map((e, i) => ({
      Title: clip(`${e.action} ${e.planId}`),
      EntryId: caseSafe(e.id),
      PlanId: planKey(e.planId),
      At: e.at,
      Action: e.action,
      ActorId: e.actor.userId,
      ActorName: e.actor.name,
      Details: JSON.stringify(e.details),
      Sequence: order[i] as number,
    })),
  );
}

function entryFromFields(f: AuditFields): AuditEntry {
  return {
    id: fromCaseSafe(f.EntryId),
    planId: fromCaseSafe(f.PlanId),
    // SharePoint keeps date and time to the second: give it back in the form it was written.
    at: new Date(f.At).toISOString(),
    action: f.Action as AuditEntry['action'],
    actor: { userId: f.ActorId, name: f.ActorName },
    details: JSON.parse(f.Details) as Record<string, string>,
  };
}
