/**
 * The embedded store's schema, version by version (SQLite's user_version says which have run).
 * Status reports and the audit log are append-only, enforced by triggers so no code path can rewrite
 * history.
 */
import type Database from 'better-sqlite3';
import { STATUS_CODES } from '../../domain/status';
import { FROZEN_DOCX_MIGRATION, PERIOD_GATE_MIGRATION, PERIOD_LOCKS_MIGRATION } from './sqlite-period-locks';
import {
  DELIVERY_CHANNEL_MIGRATION,
  DELIVERY_SKIPPED_MIGRATION,
  ROUND_SCHEDULE_MIGRATION,
  ROUNDS_MIGRATION,
} from './sqlite-rounds';
import { SUBSTITUTES_MIGRATION } from './sqlite-substitutes';
import { DECISIONS_MIGRATION } from './sqlite-decisions';
import { PLAN_VERSIONS_MIGRATION } from './sqlite-plan-versions';
import { REALISED_BENEFITS_MIGRATION } from './sqlite-realised-benefits';
import { REPORT_ORGANISATION_MIGRATION } from './sqlite-reports';

/** Each entry moves the schema one version up; never edit one that has shipped, add a new one. */
export const MIGRATIONS: string[] = [
  `CREATE TABLE plans (
     id TEXT PRIMARY KEY,
     document TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE status_reports (
     id TEXT PRIMARY KEY,
     plan_id TEXT NOT NULL,
     measure_id TEXT NOT NULL,
     period_id TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN (${STATUS_CODES.map((s) => `'${s}'`).join(', ')})),
     comment TEXT,
     value REAL,
     reported_by_id TEXT NOT NULL,
     reported_by_name TEXT NOT NULL,
     reported_at TEXT NOT NULL,
     submission_id TEXT NOT NULL,
     UNIQUE (submission_id, measure_id)
   );
   CREATE INDEX status_reports_by_plan_period ON status_reports (plan_id, period_id, reported_at);
   CREATE TRIGGER status_reports_append_only_update BEFORE UPDATE ON status_reports
     BEGIN SELECT RAISE(ABORT, 'status reports are append-only'); END;
   CREATE TRIGGER status_reports_append_only_delete BEFORE DELETE ON status_reports
     BEGIN SELECT RAISE(ABORT, 'status reports are append-only'); END;`,
  `CREATE TABLE audit_log (
     id TEXT PRIMARY KEY,
     plan_id TEXT NOT NULL,
     at TEXT NOT NULL,
     action TEXT NOT NULL,
     actor_id TEXT NOT NULL,
     actor_name TEXT NOT NULL,
     details TEXT NOT NULL
   );
   CREATE INDEX audit_log_by_plan ON audit_log (plan_id, at);
   CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
  ROUNDS_MIGRATION,
  ROUND_SCHEDULE_MIGRATION,
  SUBSTITUTES_MIGRATION,
  PERIOD_LOCKS_MIGRATION,
  PERIOD_GATE_MIGRATION,
  FROZEN_DOCX_MIGRATION,
  DELIVERY_SKIPPED_MIGRATION,
  DELIVERY_CHANNEL_MIGRATION,
  DECISIONS_MIGRATION,
  PLAN_VERSIONS_MIGRATION,
  REALISED_BENEFITS_MIGRATION,
  REPORT_ORGANISATION_MIGRATION,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
