/**
 * Locked periods, their frozen reports and the answer gate in the embedded SQLite file (in SharePoint
 * mode too). SQLite runs one writer at a time, so "is the period open? then let this answer in" and
 * "begin the lock" are each one transaction and cannot interleave, across every process sharing the
 * file; they take the write lock at once (IMMEDIATE), so a read-then-write never meets a newer snapshot.
 */
import type Database from 'better-sqlite3';
import type { FrozenReport, LockTime, PeriodLock, PeriodLockStore } from '../../app/ports';

export const PERIOD_LOCKS_MIGRATION = `
  CREATE TABLE period_locks (
    plan_id TEXT NOT NULL,
    period_id TEXT NOT NULL,
    locked_at TEXT NOT NULL,
    locked_by_id TEXT NOT NULL,
    locked_by_name TEXT NOT NULL,
    PRIMARY KEY (plan_id, period_id)
  );
  CREATE TABLE frozen_reports (
    plan_id TEXT NOT NULL,
    period_id TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('xlsx', 'pdf')),
    bytes BLOB NOT NULL,
    PRIMARY KEY (plan_id, period_id, format)
  );
`;

/** A lock is begun before it is complete; answers under way are recorded until they are stored. */
export const PERIOD_GATE_MIGRATION = `
  ALTER TABLE period_locks ADD COLUMN state TEXT NOT NULL DEFAULT 'locked' CHECK (state IN ('locking', 'locked'));
  CREATE TABLE answers_under_way (
    plan_id TEXT NOT NULL,
    period_id TEXT NOT NULL,
    answer_id TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, period_id, answer_id)
  );
`;

/** A locked period's report in Word too: the format check is part of the table, so the table is made anew. */
export const FROZEN_DOCX_MIGRATION = `
  CREATE TABLE frozen_reports_next (
    plan_id TEXT NOT NULL,
    period_id TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('xlsx', 'pdf', 'docx')),
    bytes BLOB NOT NULL,
    PRIMARY KEY (plan_id, period_id, format)
  );
  INSERT INTO frozen_reports_next (plan_id, period_id, format, bytes)
    SELECT plan_id, period_id, format, bytes FROM frozen_reports;
  DROP TABLE frozen_reports;
  ALTER TABLE frozen_reports_next RENAME TO frozen_reports;
`;

interface LockRow {
  plan_id: string;
  period_id: string;
  locked_at: string;
  locked_by_id: string;
  locked_by_name: string;
  state: 'locking' | 'locked';
}

export class SqlitePeriodLockStore implements PeriodLockStore {
  constructor(private readonly db: Database.Database) {}

  async listLocks(planId: string): Promise<PeriodLock[]> {
    const rows = this.db
      .prepare("SELECT * FROM period_locks WHERE plan_id = ? AND state = 'locked' ORDER BY period_id")
      .all(planId) as LockRow[];
    return rows.map((r) => ({
      planId: r.plan_id,
      periodId: r.period_id,
      lockedAt: r.locked_at,
      lockedBy: { userId: r.locked_by_id, name: r.locked_by_name },
    }));
  }

  async isClosed(planId: string, periodId: string, at: LockTime): Promise<boolean> {
    return isLive(this.lockRow(planId, periodId), at);
  }

  async beginAnswer(
    planId: string,
    periodId: string,
    answerId: string,
    at: LockTime,
    expiresAt: Date,
  ): Promise<boolean> {
    return this.db
      .transaction(() => {
        if (isLive(this.lockRow(planId, periodId), at)) return false;
        this.db
          .prepare('INSERT INTO answers_under_way (plan_id, period_id, answer_id, expires_at) VALUES (?, ?, ?, ?)')
          .run(planId, periodId, answerId, expiresAt.toISOString());
        return true;
      })
      .immediate();
  }

  async endAnswer(planId: string, periodId: string, answerId: string): Promise<void> {
    this.db
      .prepare('DELETE FROM answers_under_way WHERE plan_id = ? AND period_id = ? AND answer_id = ?')
      .run(planId, periodId, answerId);
  }

  async answersUnderWay(planId: string, periodId: string, now: Date): Promise<number> {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM answers_under_way WHERE plan_id = ? AND period_id = ? AND expires_at > ?')
      .get(planId, periodId, now.toISOString()) as { n: number };
    return row.n;
  }

  async beginLock(lock: PeriodLock, staleAfterMs: number): Promise<'begun' | 'locked' | 'being-locked'> {
    return this.db
      .transaction(() => {
        const current = this.lockRow(lock.planId, lock.periodId);
        if (current?.state === 'locked') return 'locked';
        if (current && Date.parse(lock.lockedAt) - Date.parse(current.locked_at) < staleAfterMs) return 'being-locked';
        this.db
          .prepare(
            `INSERT INTO period_locks (plan_id, period_id, locked_at, locked_by_id, locked_by_name, state)
           VALUES (?, ?, ?, ?, ?, 'locking')
           ON CONFLICT (plan_id, period_id) DO UPDATE SET
             locked_at = excluded.locked_at, locked_by_id = excluded.locked_by_id, locked_by_name = excluded.locked_by_name`,
          )
          .run(lock.planId, lock.periodId, lock.lockedAt, lock.lockedBy.userId, lock.lockedBy.name);
        return 'begun' as const;
      })
      .immediate();
  }

  async completeLock(lock: PeriodLock, reports: FrozenReport[]): Promise<boolean> {
    return this.db
      .transaction(() => {
        const changed = this.db
          .prepare(
            "UPDATE period_locks SET state = 'locked' WHERE plan_id = ? AND period_id = ? AND state = 'locking' AND locked_at = ?",
          )
          .run(lock.planId, lock.periodId, lock.lockedAt).changes;
        if (changed === 0) return false;
        const insert = this.db.prepare(
          'INSERT INTO frozen_reports (plan_id, period_id, format, bytes) VALUES (?, ?, ?, ?)',
        );
        for (const r of reports) insert.run(lock.planId, lock.periodId, r.format, r.bytes);
        return true;
      })
      .immediate();
  }

  async abandonLock(lock: PeriodLock): Promise<void> {
    this.db
      .prepare("DELETE FROM period_locks WHERE plan_id = ? AND period_id = ? AND state = 'locking' AND locked_at = ?")
      .run(lock.planId, lock.periodId, lock.lockedAt);
  }

  async reopenPeriod(planId: string, periodId: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM frozen_reports WHERE plan_id = ? AND period_id = ?').run(planId, periodId);
        return (
          this.db
            .prepare("DELETE FROM period_locks WHERE plan_id = ? AND period_id = ? AND state = 'locked'")
            .run(planId, periodId).changes > 0
        );
      })
      .immediate();
  }

  async frozenReport(planId: string, periodId: string, format: FrozenReport['format']): Promise<Buffer | undefined> {
    const row = this.db
      .prepare('SELECT bytes FROM frozen_reports WHERE plan_id = ? AND period_id = ? AND format = ?')
      .get(planId, periodId, format) as { bytes: Buffer } | undefined;
    return row?.bytes;
  }

  private lockRow(planId: string, periodId: string): LockRow | undefined {
    return this.db.prepare('SELECT * FROM period_locks WHERE plan_id = ? AND period_id = ?').get(planId, periodId) as
      LockRow | undefined;
  }
}

/** A lock that closes the period: complete, or begun recently enough that its instance may still finish it. */
function isLive(row: LockRow | undefined, at: LockTime): boolean {
  if (!row) return false;
  return row.state === 'locked' || at.now.getTime() - Date.parse(row.locked_at) < at.staleAfterMs;
}
