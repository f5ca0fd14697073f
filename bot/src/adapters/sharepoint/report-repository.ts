/**
 * Status reports in SharePoint: only ever created, each under a unique key (submission and
 * measure), so a create retried after a lost response meets its own key and stores nothing new.
 * One period of a plan is read through PeriodKey, the one indexed column that holds both.
 */
import type { AppendResult, StatusReportRepository } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import type { StatusReport } from '../../domain/status';
import { writeAudit } from './audit-log';
import { byTimeAndSequence, clip, fromCaseSafe, periodKey, planKey, reportKey, sequences } from './keys';
import { REPORTS_LIST, type ReportFields } from './schema';
import { eq, type SiteLists } from './site-lists';

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
    const order = sequences(reports.length);
    const outcomes = await this.lists.createAll(
      REPORTS_LIST,
      reports.map((r, i) => reportFields(r, order[i] as number)),
    );
    const created = outcomes.filter((o) => o === 'created').length;
    return { created, existing: reports.length - created };
  }

  async listReports(planId: string, filter: { periodId?: string } = {}): Promise<StatusReport[]> {
    const items = filter.periodId
      ? await this.lists.read(REPORTS_LIST, eq('PeriodKey', periodKey(planId, filter.periodId)))
      : await this.lists.read(REPORTS_LIST, eq('PlanId', planKey(planId)));
    return items
      .map((i) => ({
        at: i.fields.ReportedAt,
        sequence: i.fields.Sequence,
        itemId: i.id,
        report: reportFromFields(i.fields),
      }))
      .filter(({ report }) => report.planId === planId && (!filter.periodId || report.periodId === filter.periodId))
      .sort(byTimeAndSequence)
      .map(({ report }) => report);
  }
}

export function reportFields(r: StatusReport, sequence: number): ReportFields & { Title: string } {
  return {
    Title: clip(`${r.measureId} ${r.periodId}`),
    ReportKey: reportKey(r.submissionId, r.measureId),
    ReportId: r.id,
    PlanId: planKey(r.planId),
    PeriodId: r.periodId,
    PeriodKey: periodKey(r.planId, r.periodId),
    MeasureId: r.measureId,
    Status: r.status,
    Comment: r.comment ?? null,
    Value: r.value ?? null,
    ReportedById: r.reportedBy.userId,
    ReportedByName: r.reportedBy.name,
    AnsweredForId: r.answeredFor?.userId ?? null,
    AnsweredForName: r.answeredFor?.name ?? null,
    OrganisationId: r.organisationId ?? null,
    ReportedAt: r.reportedAt,
    SubmissionId: r.submissionId,
    Sequence: sequence,
  };
}

export function reportFromFields(f: ReportFields): StatusReport {
  return {
    id: f.ReportId,
    planId: fromCaseSafe(f.PlanId),
    measureId: f.MeasureId,
    periodId: f.PeriodId,
    status: f.Status,
    ...(f.Comment ? { comment: f.Comment } : {}),
    ...(typeof f.Value === 'number' ? { value: f.Value } : {}),
    reportedBy: { userId: f.ReportedById, name: f.ReportedByName },
    ...(f.AnsweredForId ? { answeredFor: { userId: f.AnsweredForId, name: f.AnsweredForName ?? '' } } : {}),
    ...(f.OrganisationId ? { organisationId: f.OrganisationId } : {}),
    // SharePoint keeps date and time to the second: give it back in the form it was written.
    reportedAt: new Date(f.ReportedAt).toISOString(),
    submissionId: f.SubmissionId,
  };
}
