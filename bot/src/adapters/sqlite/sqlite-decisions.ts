/**
 * The leadership meeting's decisions and follow-ups in the embedded store: append-only (triggers),
 * each stored together with its audit entry.
 */
import type Database from 'better-sqlite3';
import type { DecisionStore } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import type { Decision } from '../../domain/decision';
import { writeAudit } from './sqlite-audit';

export const DECISIONS_MIGRATION = `
  CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    measure_id TEXT NOT NULL,
    period_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('decision', 'follow-up')),
    text TEXT NOT NULL,
    assignee_id TEXT,
    assignee_name TEXT,
    due_date TEXT,
    recorded_by_id TEXT NOT NULL,
    recorded_by_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX decisions_by_plan_period ON decisions (plan_id, period_id, recorded_at);
  CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions
    BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
  CREATE TRIGGER decisions_append_only_delete BEFORE DELETE ON decisions
    BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
`;

interface DecisionRow {
  id: string;
  plan_id: string;
  measure_id: string;
  period_id: string;
  kind: Decision['kind'];
  text: string;
  assignee_id: string | null;
  assignee_name: string | null;
  due_date: string | null;
  recorded_by_id: string;
  recorded_by_name: string;
  recorded_at: string;
}

export class SqliteDecisionStore implements DecisionStore {
  constructor(private readonly db: Database.Database) {}

  async addDecision(d: Decision, audit?: AuditEntry): Promise<void> {
    this.db.transaction(() => {
      const stored = this.db
        .prepare(
          `INSERT OR IGNORE INTO decisions (id, plan_id, measure_id, period_id, kind, text, assignee_id,
             assignee_name, due_date, recorded_by_id, recorded_by_name, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          d.id,
          d.planId,
          d.measureId,
          d.periodId,
          d.kind,
          d.text,
          d.assignee?.userId ?? null,
          d.assignee?.name ?? null,
          d.dueDate ?? null,
          d.recordedBy.userId,
          d.recordedBy.name,
          d.recordedAt,
        );
      if (stored.changes > 0 && audit) writeAudit(this.db, audit);
    })();
  }

  async listDecisions(planId: string, filter: { periodId?: string } = {}): Promise<Decision[]> {
    const rows = (
      filter.periodId
        ? this.db
            .prepare('SELECT * FROM decisions WHERE plan_id = ? AND period_id = ? ORDER BY recorded_at, rowid')
            .all(planId, filter.periodId)
        : this.db.prepare('SELECT * FROM decisions WHERE plan_id = ? ORDER BY recorded_at, rowid').all(planId)
    ) as DecisionRow[];
    return rows.map(decisionOf);
  }
}

function decisionOf(r: DecisionRow): Decision {
  return {
    id: r.id,
    planId: r.plan_id,
    measureId: r.measure_id,
    periodId: r.period_id,
    kind: r.kind,
    text: r.text,
    ...(r.assignee_name !== null
      ? { assignee: { ...(r.assignee_id !== null ? { userId: r.assignee_id } : {}), name: r.assignee_name } }
      : {}),
    ...(r.due_date !== null ? { dueDate: r.due_date } : {}),
    recordedBy: { userId: r.recorded_by_id, name: r.recorded_by_name },
    recordedAt: r.recorded_at,
  };
}
