/**
 * Ports: what the use cases need from the outside world, named by task. Adapters implement them
 * (local SQLite store, SharePoint via Graph, Teams, the directory); the use cases never know which.
 */
import type { AuditEntry } from '../domain/audit';
import type { Person } from '../domain/permissions';
import type { Measure, Plan } from '../domain/plan';
import type { StatusReport } from '../domain/status';

export interface PlanRepository {
  listPlans(): Promise<Plan[]>;
  getPlan(planId: string): Promise<Plan | undefined>;
  /**
   * Creates or replaces the plan's structure. Status reports are kept apart and never touched.
   * The audit entry, when given, is written in the same transaction.
   */
  savePlan(plan: Plan, audit?: AuditEntry): Promise<void>;
  /** One measure with the version token an edit must name (an ETag in SharePoint). */
  getMeasure(planId: string, measureId: string): Promise<VersionedMeasure | undefined>;
  /**
   * Replaces one measure if it is still at `expectedVersion`; otherwise throws
   * ConcurrentChangeError carrying the version that is stored now, so nothing is silently lost.
   */
  updateMeasure(
    planId: string,
    measure: Measure,
    expectedVersion: string,
    audit?: AuditEntry,
  ): Promise<VersionedMeasure>;
}

export interface VersionedMeasure {
  measure: Measure;
  version: string;
}

/** Someone else changed the item since it was read; `current` is what is stored now. */
export class ConcurrentChangeError extends Error {
  constructor(readonly current: VersionedMeasure) {
    super(`measure ${current.measure.id} was changed by someone else`);
    this.name = 'ConcurrentChangeError';
  }
}

export interface AppendResult {
  /** The reports stored for this submission (the earlier ones if it was a repeat). */
  reports: StatusReport[];
  /** True when every report of the submission had been stored before: nothing new was written. */
  alreadyStored: boolean;
}

export interface StatusReportRepository {
  /**
   * Appends reports atomically: all or none. A report whose (submissionId, measureId) is already
   * stored is not stored again, so a retried or replayed submission never duplicates history.
   * The audit entry, when given, is recorded once: its id is derived from the submission, so a
   * store without transactions (SharePoint) may write it again on a repeat and still keep one.
   */
  appendReports(reports: StatusReport[], audit?: AuditEntry): Promise<AppendResult>;
  /** Reports by time, and in the order they were stored where times are equal. */
  listReports(planId: string, filter?: { periodId?: string }): Promise<StatusReport[]>;
}

export interface AuditLog {
  /** A plan's audit trail, oldest first. */
  listAudit(planId: string): Promise<AuditEntry[]>;
}

/** Erasure of a person's identity (the personal data the store holds about them). */
export interface PersonalData {
  /**
   * Replaces the person's id and name in status reports and audit entries with `replacement`,
   * in one transaction, and records one audit entry per affected plan. History keeps its statuses
   * and comments (the municipality's record of its measures); it no longer says who gave them.
   */
  erasePerson(
    userId: string,
    replacement: { userId: string; name: string },
    auditFor: (planId: string, count: number) => AuditEntry,
  ): Promise<{ reports: number; auditEntries: number; plans: string[] }>;
}

export interface Directory {
  /** The person with this Entra ID object id, with the roles they hold. */
  findPerson(userId: string): Promise<Person | undefined>;
  /** Everyone known, for local development's sign-in picker (never offered with Entra ID). */
  listPeople(): Promise<Person[]>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}
