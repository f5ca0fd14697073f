/**
 * The audit trail: who changed what, when. Append-only, and written in the same transaction as
 * the change it records, so no change goes unrecorded and no entry describes a change that failed.
 */
export type AuditAction =
  | 'status-reported'
  | 'plan-imported'
  | 'plan-replaced'
  | 'measure-edited'
  | 'measure-added'
  | 'measure-moved'
  | 'measure-deleted'
  | 'goal-added'
  | 'round-started'
  | 'round-changed'
  | 'substitute-set'
  | 'substitute-removed'
  | 'period-locked'
  | 'period-reopened'
  | 'person-erased'
  | 'decision-recorded'
  | 'revision-started'
  | 'revision-imported'
  | 'revision-discarded'
  | 'revision-adopted';

export interface AuditEntry {
  id: string;
  planId: string;
  /** ISO 8601 instant. */
  at: string;
  action: AuditAction;
  actor: { userId: string; name: string };
  /** What changed, in short: measure numbers, period, source file … */
  details: Record<string, string>;
}
