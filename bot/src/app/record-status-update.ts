/**
 * Records the answers from one submitted form. The submission is untrusted: every measure must
 * exist in the plan and the sender must be allowed to report on it, or nothing at all is stored.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import { mayReportOn } from '../domain/permissions';
import { currentPlanPeriod, planPeriods } from '../domain/period';
import { findMeasure, type Plan } from '../domain/plan';
import { MAX_COMMENT_LENGTH, type StatusCode, type StatusReport } from '../domain/status';
import type { AppendResult, Clock, Directory, IdGenerator, PlanRepository, StatusReportRepository } from './ports';

export interface StatusEntry {
  measureId: string;
  status: StatusCode;
  comment?: string;
  value?: number;
}

export interface StatusSubmission {
  userId: string;
  submissionId: string;
  planId: string;
  periodId: string;
  entries: StatusEntry[];
}

export interface RecordStatusUpdateDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  directory: Directory;
  clock: Clock;
  ids: IdGenerator;
}

export interface RecordResult extends AppendResult {
  plan: Plan;
}

export async function recordStatusUpdate(
  deps: RecordStatusUpdateDeps,
  submission: StatusSubmission,
): Promise<RecordResult> {
  const person = await deps.directory.findPerson(submission.userId);
  if (!person) throw new DomainError('unknown-person');
  const plan = await deps.plans.getPlan(submission.planId);
  if (!plan) throw new DomainError('unknown-plan');

  const now = deps.clock.now();
  const period = planPeriods(plan.cadence, plan.period, now).find((p) => p.id === submission.periodId);
  // A form may be answered late, but never for a period that has not started or the plan does not have.
  if (!period || period.start > currentPlanPeriod(plan.cadence, plan.period, now).start) {
    throw new DomainError('unknown-period');
  }
  if (submission.entries.length === 0) throw new DomainError('nothing-reported');

  const refused = submission.entries.filter((entry) => {
    const measure = findMeasure(plan, entry.measureId);
    return !measure || !mayReportOn(person, plan, measure);
  });
  if (refused.length > 0) {
    throw new DomainError('not-allowed', { numbers: refused.map((e) => e.measureId).join(', ') });
  }
  for (const entry of submission.entries) {
    if ((entry.comment ?? '').length > MAX_COMMENT_LENGTH) {
      throw new DomainError('comment-too-long', { number: entry.measureId, max: MAX_COMMENT_LENGTH });
    }
    if (entry.value !== undefined && !Number.isFinite(entry.value)) {
      throw new DomainError('invalid-value', { number: entry.measureId });
    }
  }

  const reportedAt = now.toISOString();
  // The idempotency key belongs to the sender: someone replaying another person's card data
  // must not have their answer swallowed as a "repeat" of the other person's.
  const submissionKey = `${person.userId}:${submission.submissionId}`;
  const reports: StatusReport[] = submission.entries.map((entry) => ({
    id: deps.ids.newId(),
    planId: plan.id,
    measureId: entry.measureId,
    periodId: period.id,
    status: entry.status,
    ...(entry.comment ? { comment: entry.comment } : {}),
    ...(entry.value !== undefined ? { value: entry.value } : {}),
    reportedBy: { userId: person.userId, name: person.name },
    reportedAt,
    submissionId: submissionKey,
  }));
  const audit: AuditEntry = {
    // Derived from the submission, so a store that retries a write (SharePoint) records it once.
    id: `status-${createHash('sha256').update(submissionKey).digest('hex').slice(0, 32)}`,
    planId: plan.id,
    at: reportedAt,
    action: 'status-reported',
    actor: { userId: person.userId, name: person.name },
    details: { period: period.id, measures: reports.map((r) => `${r.measureId}: ${r.status}`).join(', ') },
  };
  return { ...(await deps.reports.appendReports(reports, audit)), plan };
}
