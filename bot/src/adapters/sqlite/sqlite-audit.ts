/** The audit trail in the embedded store, append-only. */
import type Database from 'better-sqlite3';
import type { AuditLog } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';

/** Writes one audit entry; callers do it inside the transaction of the change it records. */
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

interface AuditRow {
  id: string;
  plan_id: string;
  at: string;
  action: AuditEntry['action'];
  actor_id: string;
  actor_name: string;
  details: string;
}

export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: Database.Database) {}

  async appendAudit(entry: AuditEntry): Promise<void> {
    writeAudit(this.db, entry);
  }

  async listAudit(planId: string): Promise<AuditEntry[]> {
    const rows = this.db
      .prepare('SELECT * FROM audit_log WHERE plan_id = ? ORDER BY at, rowid')
      .all(planId) as AuditRow[];
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      at: r.at,
      action: r.action,
      actor: { userId: r.actor_id, name: r.actor_name },
      details: JSON.parse(r.details) as Record<string, string>,
    }));
  }
}
