/** Status reports in the embedded store: rows, append-only, one per (submission, measure). */
import type Database from 'better-sqlite3';
import type { AppendResult, StatusReportRepository } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import type { StatusCode, StatusReport } from '../../domain/status';
import { writeAudit } from './sqlite-audit';

/**
 * Shared plans report per municipality: the owner a report is for. Old rows keep NULL and count
 * for every owner. The unique key stays (submission, measure): one person's submission answers a
 * measure for one municipality.
 */
export const REPORT_ORGANISATION_MIGRATION = `ALTER TABLE status_reports ADD COLUMN organisation_id TEXT;`;

export interface ReportRow {
  id: string;
  plan_id: string;
  measure_id: string;
  period_id: string;
  status: StatusCode;
  comment: string | null;
  value: number | null;
  reported_by_id: string;
  reported_by_name: string;
  answered_for_id: string | null;
  answered_for_name: string | null;
  organisation_id: string | null;
  reported_at: string;
  submission_id: string;
}

export class SqliteStatusReportRepository implements StatusReportRepository {
  constructor(private readonly db: Database.Database) {}

  async appendReports(reports: StatusReport[], audit?: AuditEntry): Promise<AppendResult> {
    const insert = this.db.prepare(
      `INSERT INTO status_reports
         (id, plan_id, measure_id, period_id, status, comment, value,
          reported_by_id, reported_by_name, answered_for_id, answered_for_name, reported_at, submission_id,
          organisation_id)
       VALUES (@id, @planId, @measureId, @periodId, @status, @comment, @value,
          @reportedById, @reportedByName, @answeredForId, @answeredForName, @reportedAt, @submissionId,
          @organisationId)
       ON CONFLICT (submission_id, measure_id) DO NOTHING`,
    );
    const bySubmission = this.db.prepare('SELECT * FROM status_reports WHERE submission_id = ? ORDER BY rowid');
    const appendAll = this.db.transaction((items: StatusReport[]) => {
      let inserted = 0;
      for (const r of items) {
        inserted += insert.run({
          id: r.id,
          planId: r.planId,
          measureId: r.measureId,
          periodId: r.periodId,
          status: r.status,
          comment: r.comment ?? null,
          value: r.value ?? null,
          reportedById: r.reportedBy.userId,
          reportedByName: r.reportedBy.name,
          answeredForId: r.answeredFor?.userId ?? null,
          answeredForName: r.answeredFor?.name ?? null,
          reportedAt: r.reportedAt,
          submissionId: r.submissionId,
          organisationId: r.organisationId ?? null,
        }).changes;
      }
      if (audit && inserted > 0) writeAudit(this.db, audit);
      const submissionIds = [...new Set(items.map((r) => r.submissionId))];
      const stored = submissionIds.flatMap((id) => bySubmission.all(id) as ReportRow[]).map(fromRow);
      return { reports: stored, alreadyStored: inserted === 0 && items.length > 0 };
    });
    return appendAll(reports);
  }

  /** In the order stored (rowid), which the domain relies on to break ties between equal times. */
  async listReports(planId: string, filter: { periodId?: string } = {}): Promise<StatusReport[]> {
    const rows = (
      filter.periodId
        ? this.db
            .prepare('SELECT * FROM status_reports WHERE plan_id = ? AND period_id = ? ORDER BY reported_at, rowid')
            .all(planId, filter.periodId)
        : this.db.prepare('SELECT * FROM status_reports WHERE plan_id = ? ORDER BY reported_at, rowid').all(planId)
    ) as ReportRow[];
    return rows.map(fromRow);
  }
}

export function fromRow(row: ReportRow): StatusReport {
  return {
    id: row.id,
    planId: row.plan_id,
    measureId: row.measure_id,
    periodId: row.period_id,
    status: row.status,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    ...(row.value !== null ? { value: row.value } : {}),
    reportedBy: { userId: row.reported_by_id, name: row.reported_by_name },
    ...(row.answered_for_id !== null
      ? { answeredFor: { userId: row.answered_for_id, name: row.answered_for_name ?? '' } }
      : {}),
    ...(row.organisation_id ? { organisationId: row.organisation_id } : {}),
    reportedAt: row.reported_at,
    submissionId: row.submission_id,
  };
}
