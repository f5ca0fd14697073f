/**
 * The embedded store: one SQLite file (better-sqlite3), the default for development, demos and
 * tests. Plans are stored as documents (they are read whole); status reports as rows, append-only,
 * enforced by triggers so no code path can rewrite history.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import {
  ConcurrentChangeError,
  type AppendResult,
  type AuditLog,
  type PersonalData,
  type PlanRepository,
  type StatusReportRepository,
  type VersionedMeasure,
} from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import { findMeasure, replaceMeasure, type Measure, type Plan } from '../../domain/plan';
import { ROUND_SCHEDULE_MIGRATION, ROUNDS_MIGRATION, SqliteConversationStore, SqliteRoundStore } from './sqlite-rounds';
import { writeAudit } from './sqlite-audit';
import { SqliteSubstituteStore, SUBSTITUTES_MIGRATION } from './sqlite-substitutes';
import { PERIOD_GATE_MIGRATION, PERIOD_LOCKS_MIGRATION, SqlitePeriodLockStore } from './sqlite-period-locks';
import { STATUS_CODES, type StatusCode, type StatusReport } from '../../domain/status';

/** Each entry moves the schema one version up; never edit one that has shipped, add a new one. */
const MIGRATIONS: string[] = [
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
];

interface ReportRow {
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
  reported_at: string;
  submission_id: string;
}

export interface SqliteStore {
  plans: PlanRepository;
  reports: StatusReportRepository;
  audit: AuditLog;
  personalData: PersonalData;
  rounds: SqliteRoundStore;
  conversations: SqliteConversationStore;
  substitutes: SqliteSubstituteStore;
  locks: SqlitePeriodLockStore;
  /** Cheap query for readiness checks. */
  ping(): boolean;
  close(): void;
}

export function openSqliteStore(path: string): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return {
    plans: new SqlitePlanRepository(db),
    reports: new SqliteStatusReportRepository(db),
    audit: new SqliteAuditLog(db),
    personalData: new SqlitePersonalData(db),
    rounds: new SqliteRoundStore(db),
    conversations: new SqliteConversationStore(db),
    substitutes: new SqliteSubstituteStore(db),
    locks: new SqlitePeriodLockStore(db),
    ping: () => db.prepare('SELECT 1 AS ok').get() !== undefined,
    close: () => db.close(),
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export class SqlitePlanRepository implements PlanRepository {
  constructor(private readonly db: Database.Database) {}

  async listPlans(): Promise<Plan[]> {
    const rows = this.db.prepare('SELECT document FROM plans ORDER BY id').all() as { document: string }[];
    return rows.map((r) => JSON.parse(r.document) as Plan);
  }

  async getPlan(planId: string): Promise<Plan | undefined> {
    const row = this.db.prepare('SELECT document FROM plans WHERE id = ?').get(planId) as
      { document: string } | undefined;
    return row ? (JSON.parse(row.document) as Plan) : undefined;
  }

  async savePlan(plan: Plan, audit?: AuditEntry): Promise<void> {
    const save = this.db.prepare(
      `INSERT INTO plans (id, document, updated_at) VALUES (@id, @document, @now)
       ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at`,
    );
    this.db.transaction(() => {
      save.run({ id: plan.id, document: JSON.stringify(plan), now: new Date().toISOString() });
      if (audit) writeAudit(this.db, audit);
    })();
  }

  async getMeasure(planId: string, measureId: string): Promise<VersionedMeasure | undefined> {
    const plan = await this.getPlan(planId);
    const measure = plan && findMeasure(plan, measureId);
    return measure && { measure, version: measureVersion(measure) };
  }

  /** Compare and replace inside one transaction: SQLite serialises writers, so no edit slips between. */
  async updateMeasure(
    planId: string,
    measure: Measure,
    expectedVersion: string,
    audit?: AuditEntry,
  ): Promise<VersionedMeasure> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT document FROM plans WHERE id = ?').get(planId) as
        { document: string } | undefined;
      const plan = row && (JSON.parse(row.document) as Plan);
      const current = plan && findMeasure(plan, measure.id);
      if (!plan || !current) throw new Error(`no measure ${measure.id} in plan ${planId}`);
      if (measureVersion(current) !== expectedVersion) {
        throw new ConcurrentChangeError({ measure: current, version: measureVersion(current) });
      }
      this.db
        .prepare('UPDATE plans SET document = ?, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(replaceMeasure(plan, measure)), new Date().toISOString(), planId);
      if (audit) writeAudit(this.db, audit);
      return { measure, version: measureVersion(measure) };
    })();
  }
}

/** The embedded store's version token: a digest of the measure's content, so any change moves it. */
function measureVersion(measure: Measure): string {
  return `"${createHash('sha256').update(JSON.stringify(measure)).digest('hex').slice(0, 20)}"`;
}

export class SqliteStatusReportRepository implements StatusReportRepository {
  constructor(private readonly db: Database.Database) {}

  async appendReports(reports: StatusReport[], audit?: AuditEntry): Promise<AppendResult> {
    const insert = this.db.prepare(
      `INSERT INTO status_reports
         (id, plan_id, measure_id, period_id, status, comment, value,
          reported_by_id, reported_by_name, answered_for_id, answered_for_name, reported_at, submission_id)
       VALUES (@id, @planId, @measureId, @periodId, @status, @comment, @value,
          @reportedById, @reportedByName, @answeredForId, @answeredForName, @reportedAt, @submissionId)
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

function fromRow(row: ReportRow): StatusReport {
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
    reportedAt: row.reported_at,
    submissionId: row.submission_id,
  };
}
