/** Erasing a person from the embedded store (status reports, audit trail), the one path past the append-only triggers. */
import type Database from 'better-sqlite3';
import type { PersonalData } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import { writeAudit } from './sqlite-audit';

/**
 * The one path past the append-only triggers: within a single transaction they are dropped, the
 * person's identity is replaced, and they are created again exactly as the migration made them.
 */
export class SqlitePersonalData implements PersonalData {
  constructor(private readonly db: Database.Database) {}

  async erasePerson(
    userId: string,
    replacement: { userId: string; name: string },
    auditFor: (planId: string, count: number) => AuditEntry,
  ): Promise<{ reports: number; auditEntries: number; plans: string[] }> {
    const triggers = this.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%append_only%'")
      .all() as { name: string; sql: string }[];
    return this.db.transaction(() => {
      const plans = (
        this.db
          .prepare(
            'SELECT plan_id, COUNT(*) AS n FROM status_reports WHERE reported_by_id = @id OR answered_for_id = @id GROUP BY plan_id',
          )
          .all({ id: userId }) as {
          plan_id: string;
          n: number;
        }[]
      ).map((r) => ({ planId: r.plan_id, count: r.n }));
      for (const t of triggers) this.db.exec(`DROP TRIGGER ${t.name}`);
      const reports = this.db
        .prepare(
          'UPDATE status_reports SET reported_by_id = @to, reported_by_name = @name WHERE reported_by_id = @from',
        )
        .run({ from: userId, to: replacement.userId, name: replacement.name }).changes;
      this.db
        .prepare(
          'UPDATE status_reports SET answered_for_id = @to, answered_for_name = @name WHERE answered_for_id = @from',
        )
        .run({ from: userId, to: replacement.userId, name: replacement.name });
      const auditEntries = this.db
        .prepare('UPDATE audit_log SET actor_id = @to, actor_name = @name WHERE actor_id = @from')
        .run({ from: userId, to: replacement.userId, name: replacement.name }).changes;
      for (const t of triggers) this.db.exec(t.sql);
      for (const p of plans) writeAudit(this.db, auditFor(p.planId, p.count));
      return { reports, auditEntries, plans: plans.map((p) => p.planId) };
    })();
  }
}
