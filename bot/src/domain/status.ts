/** Status reports: one answer about one measure for one period. History is never overwritten. */

export const STATUS_CODES = ['not_started', 'on_track', 'delayed', 'done', 'cancelled'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

/** An answer on the card meaning "as last period": resolved to last period's status when stored. */
export const UNCHANGED = 'unchanged';

export function isStatusCode(value: unknown): value is StatusCode {
  return typeof value === 'string' && (STATUS_CODES as readonly string[]).includes(value);
}

export interface Reporter {
  /** Entra ID object id (aadObjectId) of the person who answered. */
  userId: string;
  name: string;
}

export interface StatusReport {
  id: string;
  planId: string;
  measureId: string;
  periodId: string;
  status: StatusCode;
  comment?: string;
  value?: number;
  reportedBy: Reporter;
  /** Set when a substitute answered: the person away, whose measure it is. */
  answeredFor?: Reporter;
  /**
   * In a shared plan, the owning municipality (an id of plan.owners) this answer is for. Absent in a
   * single-owner plan and on reports from before shared plans were reported per municipality: such
   * a report counts for every owner (domain/municipal-status.ts).
   */
  organisationId?: string;
  /** ISO 8601 instant. */
  reportedAt: string;
  /** The card (or other channel) submission this report came from; with measureId it makes a report unique. */
  submissionId: string;
  /** Set while the report waits in the local outbox to be written to the remote store. */
  pending?: true;
}

export const MAX_COMMENT_LENGTH = 2000;

/**
 * The latest report per measure. `reports` come in the order they were stored; of two reports
 * with the same time, the one stored last wins.
 */
export function latestByMeasure(reports: readonly StatusReport[]): Map<string, StatusReport> {
  const latest = new Map<string, StatusReport>();
  for (const report of reports) {
    const current = latest.get(report.measureId);
    if (!current || report.reportedAt >= current.reportedAt) latest.set(report.measureId, report);
  }
  return latest;
}

/**
 * A status taken from the plan document at import (its status column), not given by a person in
 * the period. It is stored as an ordinary report whose submission id starts with this prefix, so
 * both stores keep it without a schema change; the tab and the reports say where it came from.
 */
const FROM_DOCUMENT = 'document:';

export function documentSubmissionId(importId: string): string {
  return `${FROM_DOCUMENT}${importId}`;
}

export function isFromDocument(report: Pick<StatusReport, 'submissionId'>): boolean {
  return report.submissionId.startsWith(FROM_DOCUMENT);
}
