/** Writes one audit entry; callers do it inside the transaction of the change it records. */
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../domain/audit';

export function writeAudit(db: Database.Database, entry: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (id, plan_id, at, action, actor_id, actor_name, details)
     VALUES (@id, @planId, @at, @action, @actorId, @actorName, @details)`,
  ).run({
    id: entry.id,
    planId: entry.planId,
    at: entry.at,
    action: entry.action,
    actorId: entry.actor.userId,
    actorName: entry.actor.name,
    details: JSON.stringify(entry.details),
  });
}
