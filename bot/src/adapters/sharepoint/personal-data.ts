/**
 * Erasing a person in SharePoint. There are no transactions: the person is replaced item by item,
 * then one audit entry per plan is written. Running it again finishes an interrupted run (it finds
 * what is left). SharePoint matches ids without regard to case, so what it finds is narrowed to
 * the exact id: erasing "o'brien" must not touch "O'Brien".
 */
import type { PersonalData } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import { writeAudit } from './audit-log';
import { fromCaseSafe } from './keys';
import { AUDIT_LIST, REPORTS_LIST } from './schema';
import { eq, type SiteLists } from './site-lists';

export class SharePointPersonalData implements PersonalData {
  constructor(private readonly lists: SiteLists) {}

  async erasePerson(
    userId: string,
    replacement: { userId: string; name: string },
    auditFor: (planId: string, count: number) => AuditEntry,
  ): Promise<{ reports: number; auditEntries: number; plans: string[] }> {
    const [reportedBy, answeredFor, acted] = await this.lists.readAll([
      this.lists.query(REPORTS_LIST, eq('ReportedById', userId)),
      this.lists.query(REPORTS_LIST, eq('AnsweredForId', userId)),
      this.lists.query(AUDIT_LIST, eq('ActorId', userId)),
    ] as const);
    const reports = reportedBy.filter((r) => r.fields.ReportedById === userId);
    const forThem = answeredFor.filter((r) => r.fields.AnsweredForId === userId);
    const entries = acted.filter((e) => e.fields.ActorId === userId);
    await this.lists.patchAll(
      REPORTS_LIST,
      reports.map((r) => ({
        itemId: r.id,
        fields: { ReportedById: replacement.userId, ReportedByName: replacement.name },
      })),
    );
    await this.lists.patchAll(
      REPORTS_LIST,
      forThem.map((r) => ({
        itemId: r.id,
        fields: { AnsweredForId: replacement.userId, AnsweredForName: replacement.name },
      })),
    );
    await this.lists.patchAll(
      AUDIT_LIST,
      entries.map((e) => ({ itemId: e.id, fields: { ActorId: replacement.userId, ActorName: replacement.name } })),
    );
    const perPlan = new Map<string, number>();
    for (const r of [...reports, ...forThem.filter((a) => !reports.some((r) => r.id === a.id))]) {
      const planId = fromCaseSafe(r.fields.PlanId);
      perPlan.set(planId, (perPlan.get(planId) ?? 0) + 1);
    }
    await writeAudit(
      this.lists,
      [...perPlan].map(([planId, count]) => auditFor(planId, count)),
    );
    return { reports: reports.length, auditEntries: entries.length, plans: [...perPlan.keys()] };
  }
}
